"""AppStream directory configs, entitlements and the rules on fleets through boto3 (its paginator and fleet waiters) and the
AWS CLI: the password never comes back, a DomainJoinInfo must name a config and one of its OUs, a config in
use cannot be deleted, the documented ranges and Elastic rules are refused with AWS's codes, and a started
fleet's instances come up one at a time on the server's clock.
"""
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import REGION, CliTestCase, client
from imagelite_support import advance as advance_clock

ACCOUNT = "135713571357"
ACCOUNT_CLI = "246824682468"
T = 10
STEP = T + 1
WIN2019 = "AppStream-WinServer2019-11-10-2025"
INSTANCE = "stream.standard.medium"
RUN = uuid.uuid4().hex[:8]


def unique(label):
    return f"py{RUN}-{label}"


def appstream(account=ACCOUNT):
    return client("appstream", account)


class Base(unittest.TestCase):
    maxDiff = None

    def assertClientError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code, cm.exception.response["Error"].get("Message"))
        return cm.exception

    def directory(self, c, label, ous=("OU=desktops,DC=corp,DC=example,DC=com",)):
        name = f"{unique(label)}.corp.example.com"
        c.create_directory_config(
            DirectoryName=name, OrganizationalUnitDistinguishedNames=list(ous),
            ServiceAccountCredentials={"AccountName": "CORP\\svc", "AccountPassword": "Secr3t!"})
        return name


class TestDirectoryConfigs(Base):
    def test_create_describe_page_update_delete(self):
        c = appstream()
        names = [self.directory(c, f"page{i}") for i in range(3)]
        described = c.describe_directory_configs(DirectoryNames=[names[0]])["DirectoryConfigs"][0]
        self.assertEqual(described["ServiceAccountCredentials"], {"AccountName": "CORP\\svc"})
        self.assertNotIn("AccountPassword", described["ServiceAccountCredentials"])
        self.assertIn("CreatedTime", described)

        pages = list(c.get_paginator("describe_directory_configs").paginate(PaginationConfig={"PageSize": 2}))
        listed = [d["DirectoryName"] for p in pages for d in p["DirectoryConfigs"]]
        self.assertEqual([n for n in listed if n in names], sorted(names))
        self.assertEqual(len(listed), len(set(listed)))
        self.assertGreaterEqual(len(pages), 2)

        updated = c.update_directory_config(DirectoryName=names[0], OrganizationalUnitDistinguishedNames=["OU=a,DC=corp"],
                                            CertificateBasedAuthProperties={"Status": "DISABLED"})["DirectoryConfig"]
        self.assertEqual(updated["OrganizationalUnitDistinguishedNames"], ["OU=a,DC=corp"])
        for n in names:
            c.delete_directory_config(DirectoryName=n)
        self.assertClientError("ResourceNotFoundException", c.describe_directory_configs, DirectoryNames=[names[0]])
        self.assertClientError("ResourceNotFoundException", c.delete_directory_config, DirectoryName=names[0])

    def test_domain_join_and_in_use(self):
        c = appstream()
        ou = "OU=desktops,DC=corp,DC=example,DC=com"
        directory = self.directory(c, "joined", ous=[ou])
        fleet = unique("joined-fleet")
        self.assertClientError("ResourceNotFoundException", c.create_fleet, Name=fleet, ImageName=WIN2019,
                               InstanceType=INSTANCE, ComputeCapacity={"DesiredInstances": 1},
                               DomainJoinInfo={"DirectoryName": unique("nowhere.example.com")})
        self.assertClientError("InvalidParameterCombinationException", c.create_fleet, Name=fleet, ImageName=WIN2019,
                               InstanceType=INSTANCE, ComputeCapacity={"DesiredInstances": 1},
                               DomainJoinInfo={"DirectoryName": directory, "OrganizationalUnitDistinguishedName": "OU=x"})
        c.create_fleet(Name=fleet, ImageName=WIN2019, InstanceType=INSTANCE, ComputeCapacity={"DesiredInstances": 1},
                       DomainJoinInfo={"DirectoryName": directory, "OrganizationalUnitDistinguishedName": ou})
        err = self.assertClientError("ResourceInUseException", c.delete_directory_config, DirectoryName=directory)
        self.assertIsInstance(err, c.exceptions.ResourceInUseException)
        c.delete_fleet(Name=fleet)
        c.delete_directory_config(DirectoryName=directory)


class TestFleetRules(Base):
    def test_ranges_types_and_elastic_rules(self):
        c = appstream()
        base = {"Name": unique("rules"), "ImageName": WIN2019, "InstanceType": INSTANCE,
                "ComputeCapacity": {"DesiredInstances": 1}}
        for over in ({"MaxUserDurationInSeconds": 599}, {"DisconnectTimeoutInSeconds": 36001},
                     {"IdleDisconnectTimeoutInSeconds": 30}, {"RootVolumeConfig": {"VolumeSizeInGb": 100}},
                     {"InstanceType": "stream.standard.huge"}):
            self.assertClientError("InvalidParameterCombinationException", c.create_fleet, **{**base, **over})
        self.assertClientError("IncompatibleImageException", c.create_fleet,
                               **{**base, "InstanceType": "stream.graphics.g5.xlarge"})
        elastic = {"Name": unique("elastic"), "FleetType": "ELASTIC", "InstanceType": "stream.standard.small",
                   "Platform": "AMAZON_LINUX2", "MaxConcurrentSessions": 2}
        self.assertClientError("InvalidParameterCombinationException", c.create_fleet, **elastic,
                               VpcConfig={"SubnetIds": ["subnet-a"]})
        made = c.create_fleet(**elastic, VpcConfig={"SubnetIds": ["subnet-a", "subnet-b"]})["Fleet"]
        self.assertEqual(made["FleetType"], "ELASTIC")
        c.delete_fleet(Name=elastic["Name"])

    def test_instances_come_up_one_at_a_time(self):
        c = appstream()
        name = unique("ramp")
        c.create_fleet(Name=name, ImageName=WIN2019, InstanceType=INSTANCE, ComputeCapacity={"DesiredInstances": 3})
        c.start_fleet(Name=name)
        advance_clock(STEP)
        c.get_waiter("fleet_started").wait(Names=[name], WaiterConfig={"Delay": 1, "MaxAttempts": 5})
        status = c.describe_fleets(Names=[name])["Fleets"][0]["ComputeCapacityStatus"]
        self.assertEqual(status["Desired"], 3)
        self.assertLess(status["Running"], 3)
        advance_clock(3 * STEP)
        status = c.describe_fleets(Names=[name])["Fleets"][0]["ComputeCapacityStatus"]
        self.assertEqual((status["Running"], status["Available"], status["InUse"]), (3, 3, 0))
        c.stop_fleet(Name=name)
        advance_clock(STEP)
        c.get_waiter("fleet_stopped").wait(Names=[name], WaiterConfig={"Delay": 1, "MaxAttempts": 5})
        c.delete_fleet(Name=name)


class TestEntitlements(Base):
    def test_entitlement_lifecycle_and_entitled_applications(self):
        c = appstream()
        stack, fleet = unique("ent-stack"), unique("ent-fleet")
        c.create_stack(Name=stack)
        err = self.assertClientError("EntitlementNotFoundException", c.update_entitlement, Name="nobody", StackName=stack,
                                     Description="x")
        self.assertIsInstance(err, c.exceptions.EntitlementNotFoundException)
        made = c.create_entitlement(Name="eng", StackName=stack, AppVisibility="ALL",
                                    Attributes=[{"Name": "department", "Value": "engineering"}])["Entitlement"]
        self.assertEqual((made["Name"], made["StackName"], made["AppVisibility"]), ("eng", stack, "ALL"))
        self.assertClientError("EntitlementAlreadyExistsException", c.create_entitlement, Name="eng", StackName=stack,
                               AppVisibility="ALL", Attributes=[{"Name": "roles", "Value": "x"}])
        sample = "Amazon-AppStream2-Sample-Image-06-17-2024"
        c.create_fleet(Name=fleet, ImageName=sample, InstanceType=INSTANCE, ComputeCapacity={"DesiredInstances": 1})
        c.associate_fleet(FleetName=fleet, StackName=stack)
        apps = sorted(a["Name"] for a in c.describe_images(Names=[sample])["Images"][0]["Applications"])
        entitled = c.list_entitled_applications(StackName=stack, EntitlementName="eng")["EntitledApplications"]
        self.assertEqual([a["ApplicationIdentifier"] for a in entitled], apps)
        described = c.describe_entitlements(StackName=stack)["Entitlements"]
        self.assertEqual([e["Name"] for e in described], ["eng"])
        c.delete_entitlement(Name="eng", StackName=stack)
        self.assertClientError("ResourceNotFoundException", c.describe_entitlements, StackName=stack, Name="eng")
        c.disassociate_fleet(FleetName=fleet, StackName=stack)
        c.delete_fleet(Name=fleet)
        c.delete_stack(Name=stack)


class TestDirectoryConfigsCli(CliTestCase, Base):
    cli_account = ACCOUNT_CLI

    def test_create_and_describe(self):
        name = f"{unique('cli')}.corp.example.com"
        created = self.cli_json("appstream", "create-directory-config", "--directory-name", name,
                                "--organizational-unit-distinguished-names", "OU=a,DC=corp",
                                "--service-account-credentials", "AccountName=appstream-svc,AccountPassword=Secr3t!")
        self.assertEqual(created["DirectoryConfig"]["DirectoryName"], name)
        described = self.cli_json("appstream", "describe-directory-configs", "--directory-names", name)
        self.assertEqual(described["DirectoryConfigs"][0]["ServiceAccountCredentials"], {"AccountName": "appstream-svc"})
        self.assertEqual(described["DirectoryConfigs"][0]["OrganizationalUnitDistinguishedNames"], ["OU=a,DC=corp"])
        # The same account through boto3 sees what the CLI made, and deletes it.
        appstream(ACCOUNT_CLI).delete_directory_config(DirectoryName=name)
        names = [d["DirectoryName"] for d in appstream(ACCOUNT_CLI).describe_directory_configs()["DirectoryConfigs"]]
        self.assertNotIn(name, names)


if __name__ == "__main__":
    unittest.main()
