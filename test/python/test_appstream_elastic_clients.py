"""AppStream 2.0 Elastic fleets through boto3 and the AWS CLI, against a running imagelite (see
test_appstream_clients.py for how the server is run): AWS's elastic fleet guide from the app block to the
streaming URL, the app block builder's states on the manual clock, and the rules that refuse an application
for the wrong fleet or while it is in use.

The server is shared by the whole run and never reset: every test names its resources with a prefix unique
to the run and the test, and this file's accounts are used by no other file.

Only the standard library, boto3 and botocore are used.
"""
import unittest
import uuid
from datetime import datetime

from botocore.exceptions import ClientError

from imagelite_support import REGION, CliTestCase, client, default_network
from imagelite_support import advance as advance_clock

ACCOUNT = "864286428642"
ACCOUNT_CLI = "135913591359"
T = 10
STEP = T + 1
RUN = uuid.uuid4().hex[:8]
BUCKET = "elastic-apps-bucket"
SETUP = {
    "ScriptS3Location": {"S3Bucket": BUCKET, "S3Key": "firefox/setup.ps1"},
    "ExecutablePath": "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    "ExecutableParameters": "-File C:\\AppStream\\AppBlocks\\firefox\\setup.ps1",
    "TimeoutInSeconds": 60,
}


def appstream(account=ACCOUNT):
    return client("appstream", account)


class Base(unittest.TestCase):
    maxDiff = None

    def name(self, label):
        return f"py{RUN}-{self._testMethodName.replace('test_', '')[:20]}-{label}"

    def assertClientError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code, cm.exception.response["Error"].get("Message"))
        return cm.exception

    def app_block(self, c, name):
        return c.create_app_block(Name=name, SourceS3Location={"S3Bucket": BUCKET, "S3Key": f"{name}.vhdx"},
                                  SetupScriptDetails=SETUP)["AppBlock"]

    def application(self, c, name, block_arn, families=("GENERAL_PURPOSE",)):
        return c.create_application(Name=name, AppBlockArn=block_arn, LaunchPath="C:\\apps\\app.exe",
                                    IconS3Location={"S3Bucket": BUCKET, "S3Key": "icon.png"},
                                    Platforms=["WINDOWS_SERVER_2019"], InstanceFamilies=list(families))["Application"]

    def elastic_fleet(self, c, name, platform="WINDOWS_SERVER_2019", account=ACCOUNT):
        """An Elastic fleet in two of the account's default subnets, of two Availability Zones."""
        subnets, _ = default_network(account)
        return c.create_fleet(Name=name, FleetType="ELASTIC", Platform=platform, InstanceType="stream.standard.small",
                              MaxConcurrentSessions=5, VpcConfig={"SubnetIds": subnets[:2]})["Fleet"]


class TestElasticBoto3(Base):
    def test_elastic_fleet_guide(self):
        c = appstream()
        block_name, app_name, fleet, stack, ent = (self.name(x) for x in ("b", "app", "f", "s", "e"))
        block = self.app_block(c, block_name)
        self.assertEqual(block["State"], "ACTIVE")
        self.assertEqual(block["PackagingType"], "CUSTOM")
        self.assertEqual(block["SetupScriptDetails"], SETUP)
        self.assertEqual(block["Arn"], f"arn:aws:appstream:{REGION}:{ACCOUNT}:app-block/{block_name}")

        # The app block builder: STOPPED, then RUNNING with an APPSTREAM2 app block.
        builder = self.name("abb")
        packaged = c.create_app_block(Name=self.name("pkg"), PackagingType="APPSTREAM2",
                                      SourceS3Location={"S3Bucket": BUCKET})["AppBlock"]
        self.assertEqual(packaged["State"], "INACTIVE")
        made = c.create_app_block_builder(Name=builder, Platform="WINDOWS_SERVER_2019",
                                          InstanceType="stream.standard.medium",
                                          VpcConfig={"SubnetIds": default_network(ACCOUNT)[0][:2]})["AppBlockBuilder"]
        self.assertEqual(made["State"], "STOPPED")
        self.assertClientError("OperationNotPermittedException", c.start_app_block_builder, Name=builder)
        c.associate_app_block_builder_app_block(AppBlockBuilderName=builder, AppBlockArn=packaged["Arn"])
        self.assertEqual(c.start_app_block_builder(Name=builder)["AppBlockBuilder"]["State"], "STARTING")
        advance_clock(STEP)
        self.assertEqual(c.describe_app_block_builders(Names=[builder])["AppBlockBuilders"][0]["State"], "RUNNING")
        url = c.create_app_block_builder_streaming_url(AppBlockBuilderName=builder)
        self.assertTrue(url["StreamingURL"].startswith(f"https://appstream2.{REGION}.aws.amazon.com/authenticate?"))
        self.assertIsInstance(url["Expires"], datetime)

        # The application on the app block, on an Elastic fleet, in a stack, entitled.
        app = self.application(c, app_name, block["Arn"])
        self.assertEqual(c.describe_applications(Arns=[app["Arn"]])["Applications"], [app])
        self.elastic_fleet(c, fleet)
        c.associate_application_fleet(FleetName=fleet, ApplicationArn=app["Arn"])
        self.assertEqual(c.describe_application_fleet_associations(ApplicationArn=app["Arn"])["ApplicationFleetAssociations"],
                         [{"FleetName": fleet, "ApplicationArn": app["Arn"]}])
        c.start_fleet(Name=fleet)
        advance_clock(STEP)
        c.create_stack(Name=stack)
        c.associate_fleet(FleetName=fleet, StackName=stack)
        c.create_entitlement(Name=ent, StackName=stack, AppVisibility="ASSOCIATED",
                             Attributes=[{"Name": "department", "Value": "research"}])
        c.associate_application_to_entitlement(StackName=stack, EntitlementName=ent, ApplicationIdentifier=app_name)
        self.assertEqual(c.list_entitled_applications(StackName=stack, EntitlementName=ent)["EntitledApplications"],
                         [{"ApplicationIdentifier": app_name}])
        streaming = c.create_streaming_url(StackName=stack, FleetName=fleet, UserId="researcher", ApplicationId=app_name)
        self.assertTrue(streaming["StreamingURL"].startswith(f"https://appstream2.{REGION}.aws.amazon.com/authenticate?"))

        # Nothing in use goes.
        self.assertClientError("ResourceInUseException", c.delete_application, Name=app_name)
        self.assertClientError("ResourceInUseException", c.delete_app_block, Name=block_name)
        c.disassociate_application_from_entitlement(StackName=stack, EntitlementName=ent, ApplicationIdentifier=app_name)
        c.disassociate_application_fleet(FleetName=fleet, ApplicationArn=app["Arn"])
        c.delete_application(Name=app_name)
        c.delete_app_block(Name=block_name)

    def test_applications_need_a_matching_elastic_fleet(self):
        c = appstream()
        block = self.app_block(c, self.name("b"))
        gpu = self.application(c, self.name("gpu"), block["Arn"], families=["GRAPHICS_G4"])
        self.elastic_fleet(c, self.name("f"))
        self.assertClientError("InvalidParameterCombinationException", c.associate_application_fleet,
                               FleetName=self.name("f"), ApplicationArn=gpu["Arn"])
        self.assertClientError("InvalidParameterCombinationException", c.describe_application_fleet_associations)
        c.tag_resource(ResourceArn=gpu["Arn"], Tags={"env": "test"})
        self.assertEqual(c.list_tags_for_resource(ResourceArn=gpu["Arn"])["Tags"], {"env": "test"})


class TestElasticCli(CliTestCase, Base):
    cli_account = ACCOUNT_CLI

    def test_app_block_application_and_fleet(self):
        block_name, app_name, fleet = self.name("b"), self.name("app"), self.name("f")
        block = self.cli_json("appstream", "create-app-block", "--name", block_name,
                              "--source-s3-location", f"S3Bucket={BUCKET},S3Key=tools.vhdx",
                              "--setup-script-details",
                              f"ScriptS3Location={{S3Bucket={BUCKET},S3Key=setup.ps1}},ExecutablePath=setup.ps1,"
                              "TimeoutInSeconds=60")["AppBlock"]
        self.assertEqual(block["State"], "ACTIVE")
        app = self.cli_json("appstream", "create-application", "--name", app_name, "--app-block-arn", block["Arn"],
                            "--launch-path", "C:\\tools\\tool.exe", "--platforms", "WINDOWS_SERVER_2019",
                            "--instance-families", "GENERAL_PURPOSE",
                            "--icon-s3-location", f"S3Bucket={BUCKET},S3Key=icon.png")["Application"]
        self.assertEqual(app["Arn"], f"arn:aws:appstream:{REGION}:{ACCOUNT_CLI}:application/{app_name}")
        self.elastic_fleet(appstream(ACCOUNT_CLI), fleet, account=ACCOUNT_CLI)
        self.cli_json("appstream", "associate-application-fleet", "--fleet-name", fleet, "--application-arn", app["Arn"])

        # What the CLI made, read back through boto3 (each CLI run costs a process start).
        c = appstream(ACCOUNT_CLI)
        self.assertEqual(c.describe_application_fleet_associations(FleetName=fleet)["ApplicationFleetAssociations"],
                         [{"FleetName": fleet, "ApplicationArn": app["Arn"]}])
        self.assertClientError("ResourceInUseException", c.delete_application, Name=app_name)


if __name__ == "__main__":
    unittest.main()
