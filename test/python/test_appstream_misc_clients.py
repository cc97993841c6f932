"""AppStream 2.0 stack themes, image export tasks, license-included software on image builders, streaming sessions
and license usage through boto3 and the AWS CLI, against a running imagelite (see test_appstream_clients.py for
how the server is run).

The server is shared by the whole run and never reset: every test names its resources with a prefix unique
to the run and the test, and this file's accounts are used by no other file.

Only the standard library, boto3 and botocore are used.
"""
import unittest
import uuid
from datetime import datetime

from botocore.exceptions import ClientError

from imagelite_support import REGION, CliTestCase, admin, client
from imagelite_support import advance as advance_clock

ACCOUNT = "192837465019"
ACCOUNT_CLI = "918273645501"
T = 10
STEP = T + 1
IMAGE = "AppStream-WinServer2022-11-10-2025"
OFFICE = "Microsoft_Office_2024_LTSC_Professional_Plus_64Bit"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/AppStreamExport"
RUN = uuid.uuid4().hex[:8]


def appstream(account=ACCOUNT):
    return client("appstream", account)


def create_image(builder, image_name, account):
    status, body = admin("POST", f"/_imagelite/appstream/image-builders/{builder}/create-image?accountId={account}&region={REGION}",
                         {"ImageName": image_name})
    if status != 200:
        raise AssertionError(f"create image failed: {status} {body}")


class Base(unittest.TestCase):
    maxDiff = None
    account = ACCOUNT

    def name(self, label):
        return f"py{RUN}-{self._testMethodName.replace('test_', '')[:20]}-{label}"

    def assertClientError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code, cm.exception.response["Error"].get("Message"))
        return cm.exception

    def running_builder(self, c, name):
        c.create_image_builder(Name=name, ImageName=IMAGE, InstanceType="stream.standard.medium")
        advance_clock(STEP)
        self.assertEqual(c.describe_image_builders(Names=[name])["ImageBuilders"][0]["State"], "RUNNING")
        return c.describe_image_builders(Names=[name])["ImageBuilders"][0]["Arn"]

    def office_image(self, c, builder, image):
        """An AVAILABLE image of the caller with Office installed on the builder it was made in."""
        arn = self.running_builder(c, builder)
        c.associate_software_to_image_builder(ImageBuilderName=builder, SoftwareNames=[OFFICE])
        c.start_software_deployment_to_image_builder(ImageBuilderName=builder)
        advance_clock(2 * T + 1)
        statuses = c.describe_software_associations(AssociatedResource=arn)["SoftwareAssociations"]
        self.assertEqual(statuses, [{"SoftwareName": OFFICE, "Status": "INSTALLED"}])
        create_image(builder, image, self.account)
        advance_clock(2 * T + 1)


class TestMiscBoto3(Base):
    def test_stack_theme(self):
        c = appstream()
        stack = self.name("s")
        c.create_stack(Name=stack)
        theme = c.create_theme_for_stack(
            StackName=stack, TitleText="Example apps", ThemeStyling="RED",
            OrganizationLogoS3Location={"S3Bucket": "brand-bucket", "S3Key": "logo.png"},
            FaviconS3Location={"S3Bucket": "brand-bucket", "S3Key": "favicon.ico"},
            FooterLinks=[{"DisplayName": "Support", "FooterLinkURL": "https://support.example.com"}])["Theme"]
        self.assertEqual((theme["StackName"], theme["State"], theme["ThemeStyling"]), (stack, "ENABLED", "RED"))
        self.assertEqual(theme["ThemeOrganizationLogoURL"], f"https://brand-bucket.s3.{REGION}.amazonaws.com/logo.png")
        self.assertIsInstance(theme["CreatedTime"], datetime)
        self.assertClientError("ResourceAlreadyExistsException", c.create_theme_for_stack, StackName=stack,
                               TitleText="Again", ThemeStyling="BLUE",
                               OrganizationLogoS3Location={"S3Bucket": "brand-bucket", "S3Key": "logo.png"},
                               FaviconS3Location={"S3Bucket": "brand-bucket", "S3Key": "favicon.ico"})
        updated = c.update_theme_for_stack(StackName=stack, State="DISABLED", AttributesToDelete=["FOOTER_LINKS"])["Theme"]
        self.assertEqual(updated["State"], "DISABLED")
        self.assertNotIn("ThemeFooterLinks", updated)
        self.assertEqual(c.describe_theme_for_stack(StackName=stack)["Theme"], updated)
        c.delete_theme_for_stack(StackName=stack)
        self.assertClientError("ResourceNotFoundException", c.describe_theme_for_stack, StackName=stack)
        c.delete_stack(Name=stack)

    def test_export_image_to_an_ami(self):
        c = appstream()
        ec2 = client("ec2", ACCOUNT)
        builder, image, ami_name = self.name("b"), self.name("img"), self.name("ami")
        self.running_builder(c, builder)
        create_image(builder, image, ACCOUNT)
        self.assertClientError("ResourceNotAvailableException", c.create_export_image_task,
                               ImageName=image, AmiName=ami_name, IamRoleArn=ROLE)
        advance_clock(2 * T + 1)
        task = c.create_export_image_task(ImageName=image, AmiName=ami_name, IamRoleArn=ROLE,
                                          AmiDescription="exported", TagSpecifications={"team": "euc"})["ExportImageTask"]
        self.assertEqual(task["State"], "EXPORTING")
        self.assertEqual(ec2.describe_images(ImageIds=[task["AmiId"]])["Images"][0]["State"], "pending")
        advance_clock(3 * T + 1)
        done = c.get_export_image_task(TaskId=task["TaskId"])["ExportImageTask"]
        self.assertEqual(done["State"], "COMPLETED")
        ami = ec2.describe_images(ImageIds=[task["AmiId"]])["Images"][0]
        self.assertEqual((ami["Name"], ami["Description"], ami["State"]), (ami_name, "exported", "available"))
        self.assertEqual(ami["Tags"], [{"Key": "team", "Value": "euc"}])
        listed, token = [], None
        while True:
            page = c.list_export_image_tasks(MaxResults=1, **({"NextToken": token} if token else {}))
            listed += [t["TaskId"] for t in page["ExportImageTasks"]]
            token = page.get("NextToken")
            if not token:
                break
        self.assertIn(task["TaskId"], listed)
        self.assertClientError("ResourceNotFoundException", c.create_export_image_task,
                               ImageName=self.name("none"), AmiName=self.name("ami2"), IamRoleArn=ROLE)

    def test_software_sessions_and_license_usage(self):
        c = appstream()
        builder, image, fleet, stack = self.name("b"), self.name("img"), self.name("f"), self.name("s")
        self.office_image(c, builder, image)
        c.create_fleet(Name=fleet, ImageName=image, InstanceType="stream.standard.medium",
                       ComputeCapacity={"DesiredInstances": 1})
        c.create_stack(Name=stack)
        c.associate_fleet(FleetName=fleet, StackName=stack)
        c.start_fleet(Name=fleet)
        advance_clock(STEP)
        user = f"u{RUN}@example.com"
        c.create_user(UserName=user, AuthenticationType="USERPOOL", MessageAction="SUPPRESS")
        c.create_streaming_url(StackName=stack, FleetName=fleet, UserId=user)
        advance_clock(STEP)
        users = {u["UserName"]: u for page in c.get_paginator("describe_users").paginate(AuthenticationType="USERPOOL")
                 for u in page["Users"]}
        self.assertEqual(users[user]["Status"], "CONFIRMED")
        sessions = c.describe_sessions(StackName=stack, FleetName=fleet)["Sessions"]
        self.assertEqual([(s["UserId"], s["State"], s["ConnectionState"]) for s in sessions], [(user, "ACTIVE", "CONNECTED")])
        self.assertClientError("OperationNotPermittedException", c.drain_session_instance, SessionId=sessions[0]["Id"])
        self.assertClientError("ResourceNotFoundException", c.drain_session_instance, SessionId="no-such-session")

        period = sessions[0]["StartTime"].strftime("%Y-%m")
        usage = c.describe_app_license_usage(BillingPeriod=period)["AppLicenseUsages"]
        mine = [(u["UserId"], u["LicenseType"], u["OwnerAWSAccountId"]) for u in usage if u["UserId"] == user]
        self.assertEqual(mine, [(user, OFFICE, ACCOUNT)])
        self.assertClientError("InvalidParameterCombinationException", c.describe_app_license_usage, BillingPeriod="2025")

        c.expire_session(SessionId=sessions[0]["Id"])
        self.assertEqual(c.describe_sessions(StackName=stack, FleetName=fleet)["Sessions"][0]["State"], "EXPIRED")
        advance_clock(STEP)
        self.assertEqual(c.describe_sessions(StackName=stack, FleetName=fleet)["Sessions"], [])


class TestMiscCli(CliTestCase, Base):
    cli_account = ACCOUNT_CLI
    account = ACCOUNT_CLI

    def test_software_deployment_and_theme(self):
        c = appstream(ACCOUNT_CLI)
        builder, stack = self.name("b"), self.name("s")
        arn = self.running_builder(c, builder)
        self.cli_json("appstream", "associate-software-to-image-builder", "--image-builder-name", builder,
                      "--software-names", OFFICE)
        self.cli_json("appstream", "start-software-deployment-to-image-builder", "--image-builder-name", builder)
        out = self.cli_json("appstream", "describe-software-associations", "--associated-resource", arn)
        self.assertEqual(out["SoftwareAssociations"], [{"SoftwareName": OFFICE, "Status": "PENDING_INSTALLATION"}])
        advance_clock(2 * T + 1)
        statuses = c.describe_software_associations(AssociatedResource=arn)["SoftwareAssociations"]
        self.assertEqual(statuses, [{"SoftwareName": OFFICE, "Status": "INSTALLED"}])

        c.create_stack(Name=stack)
        theme = self.cli_json("appstream", "create-theme-for-stack", "--stack-name", stack, "--title-text", "From the CLI",
                              "--theme-styling", "LIGHT_BLUE",
                              "--organization-logo-s3-location", "S3Bucket=brand-bucket,S3Key=logo.png",
                              "--favicon-s3-location", "S3Bucket=brand-bucket,S3Key=favicon.ico")["Theme"]
        self.assertEqual((theme["ThemeTitleText"], theme["ThemeStyling"]), ("From the CLI", "LIGHT_BLUE"))
        self.assertEqual(c.describe_theme_for_stack(StackName=stack)["Theme"]["State"], "ENABLED")
        r = self.cli("appstream", "describe-theme-for-stack", "--stack-name", self.name("none"))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("ResourceNotFoundException", r.stderr)


if __name__ == "__main__":
    unittest.main()
