"""AppStream 2.0 stacks, fleet associations, the user pool, streaming URLs and usage reports through boto3 and
the AWS CLI, against a running imagelite (see test_appstream_clients.py for how the server is run).

The server is shared by the whole run and never reset: every test names its resources with a prefix unique
to the run and the test, and this file's accounts are used by no other file.

Only the standard library, boto3 and botocore are used.
"""
import unittest
import uuid
from datetime import datetime

from botocore.exceptions import ClientError

from imagelite_support import REGION, CliTestCase, client
from imagelite_support import advance as advance_clock

ACCOUNT = "314159265358"
ACCOUNT_CLI = "271828182845"
T = 10
STEP = T + 1
IMAGE = "AppStream-WinServer2022-11-10-2025"
RUN = uuid.uuid4().hex[:8]


def appstream(account=ACCOUNT):
    return client("appstream", account)


class Base(unittest.TestCase):
    maxDiff = None

    def name(self, label):
        return f"py{RUN}-{self._testMethodName.replace('test_', '')[:20]}-{label}"

    def email(self, label):
        return f"{label}.{RUN}.{self._testMethodName.replace('test_', '')[:20]}@example.com"

    def assertClientError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code, cm.exception.response["Error"].get("Message"))
        return cm.exception

    def running_fleet(self, c, name):
        c.create_fleet(Name=name, ImageName=IMAGE, InstanceType="stream.standard.small",
                       ComputeCapacity={"DesiredInstances": 1})
        c.start_fleet(Name=name)
        advance_clock(STEP)
        self.assertEqual(c.describe_fleets(Names=[name])["Fleets"][0]["State"], "RUNNING")


class TestStacksBoto3(Base):
    def test_stack_defaults_update_and_tags(self):
        c = appstream()
        name = self.name("s")
        stack = c.create_stack(Name=name, Description="desktops", StorageConnectors=[{"ConnectorType": "HOMEFOLDERS"}],
                               UserSettings=[{"Action": "FILE_DOWNLOAD", "Permission": "DISABLED"}],
                               Tags={"team": "vdi"})["Stack"]
        self.assertEqual(stack["Arn"], f"arn:aws:appstream:{REGION}:{ACCOUNT}:stack/{name}")
        self.assertIsInstance(stack["CreatedTime"], datetime)
        settings = {s["Action"]: s["Permission"] for s in stack["UserSettings"]}
        self.assertEqual(len(settings), 8)
        self.assertEqual(settings["FILE_DOWNLOAD"], "DISABLED")
        self.assertEqual(settings["DOMAIN_SMART_CARD_SIGNIN"], "DISABLED")
        self.assertEqual(settings["CLIPBOARD_COPY_FROM_LOCAL_DEVICE"], "ENABLED")
        self.assertEqual(stack["ApplicationSettings"], {"Enabled": False})
        self.assertEqual(c.describe_stacks(Names=[name])["Stacks"][0], stack)

        updated = c.update_stack(Name=name, DisplayName="Shown", AttributesToDelete=["STORAGE_CONNECTORS"],
                                 ApplicationSettings={"Enabled": True, "SettingsGroup": "g"})["Stack"]
        self.assertEqual(updated["DisplayName"], "Shown")
        self.assertNotIn("StorageConnectors", updated)
        self.assertTrue(updated["ApplicationSettings"]["S3BucketName"].startswith(
            f"appstream-app-settings-{REGION}-{ACCOUNT}-"))
        c.tag_resource(ResourceArn=stack["Arn"], Tags={"env": "test"})
        self.assertEqual(c.list_tags_for_resource(ResourceArn=stack["Arn"])["Tags"], {"team": "vdi", "env": "test"})
        c.delete_stack(Name=name)
        self.assertClientError("ResourceNotFoundException", c.describe_stacks, Names=[name])

    def test_associate_fleet_and_stream(self):
        c = appstream()
        fleet, stack = self.name("f"), self.name("s")
        self.running_fleet(c, fleet)
        c.create_stack(Name=stack)
        self.assertClientError("InvalidParameterCombinationException", c.create_streaming_url,
                               StackName=stack, FleetName=fleet, UserId="alice")
        c.associate_fleet(FleetName=fleet, StackName=stack)
        self.assertEqual(c.list_associated_fleets(StackName=stack)["Names"], [fleet])
        self.assertEqual(c.list_associated_stacks(FleetName=fleet)["Names"], [stack])
        url = c.create_streaming_url(StackName=stack, FleetName=fleet, UserId="alice", Validity=300)
        self.assertTrue(url["StreamingURL"].startswith(f"https://appstream2.{REGION}.aws.amazon.com/authenticate?parameters="))
        self.assertIsInstance(url["Expires"], datetime)
        sessions = c.describe_sessions(StackName=stack, FleetName=fleet)["Sessions"]
        self.assertEqual([(s["UserId"], s["State"]) for s in sessions], [("alice", "PENDING")])

        self.assertClientError("ResourceInUseException", c.delete_stack, Name=stack)
        c.stop_fleet(Name=fleet)
        advance_clock(STEP)
        self.assertClientError("ResourceInUseException", c.delete_fleet, Name=fleet)
        c.disassociate_fleet(FleetName=fleet, StackName=stack)
        c.delete_fleet(Name=fleet)
        c.delete_stack(Name=stack)

    def test_users_and_stack_assignments(self):
        c = appstream()
        stack = self.name("s")
        alice, bob = self.email("alice"), self.email("bob")
        c.create_stack(Name=stack)
        c.create_user(UserName=alice, AuthenticationType="USERPOOL", FirstName="Alice", MessageAction="SUPPRESS")
        c.create_user(UserName=bob, AuthenticationType="USERPOOL")
        self.assertClientError("ResourceAlreadyExistsException", c.create_user, UserName=alice, AuthenticationType="USERPOOL")
        c.disable_user(UserName=bob, AuthenticationType="USERPOOL")
        users = {u["UserName"]: u for page in c.get_paginator("describe_users").paginate(AuthenticationType="USERPOOL")
                 for u in page["Users"]}
        self.assertEqual(users[alice]["Arn"], f"arn:aws:appstream:{REGION}:{ACCOUNT}:user/userpool/{alice}")
        self.assertEqual((users[alice]["Enabled"], users[bob]["Enabled"]), (True, False))
        self.assertEqual(users[alice]["Status"], "UNCONFIRMED")

        out = c.batch_associate_user_stack(UserStackAssociations=[
            {"StackName": stack, "UserName": alice, "AuthenticationType": "USERPOOL"},
            {"StackName": stack, "UserName": self.email("nobody"), "AuthenticationType": "USERPOOL"},
        ])
        self.assertEqual([e["ErrorCode"] for e in out["errors"]], ["USER_NAME_NOT_FOUND"])
        assigned = c.describe_user_stack_associations(StackName=stack)["UserStackAssociations"]
        self.assertEqual(assigned, [{"StackName": stack, "UserName": alice, "AuthenticationType": "USERPOOL"}])
        self.assertClientError("InvalidParameterCombinationException", c.describe_user_stack_associations)
        out = c.batch_disassociate_user_stack(UserStackAssociations=[
            {"StackName": stack, "UserName": alice, "AuthenticationType": "USERPOOL"}])
        self.assertEqual(out["errors"], [])
        self.assertEqual(c.describe_user_stack_associations(StackName=stack)["UserStackAssociations"], [])
        for user in (alice, bob):
            c.delete_user(UserName=user, AuthenticationType="USERPOOL")
        self.assertClientError("ResourceNotFoundException", c.enable_user, UserName=alice, AuthenticationType="USERPOOL")

    def test_rules_of_the_api_reference(self):
        c = appstream()
        name = self.name("rules")
        # A model pattern matches the whole value: a valid domain inside "evil domain.com" is not enough.
        self.assertClientError("ValidationException", c.create_stack, Name=name, EmbedHostDomains=["evil domain.com"])
        # MaximumLength is for the clipboard actions only (UserSetting).
        self.assertClientError("InvalidParameterCombinationException", c.create_stack, Name=name,
                               UserSettings=[{"Action": "FILE_UPLOAD", "Permission": "ENABLED", "MaximumLength": 10}])
        stack = c.create_stack(Name=name)["Stack"]
        clipboard = [s for s in stack["UserSettings"] if s["Action"] == "CLIPBOARD_COPY_TO_LOCAL_DEVICE"]
        self.assertEqual(clipboard, [{"Action": "CLIPBOARD_COPY_TO_LOCAL_DEVICE", "Permission": "ENABLED",
                                      "MaximumLength": 20971520}])
        self.assertClientError("ValidationException", c.create_streaming_url,
                               StackName=name, FleetName=self.name("f"), UserId="user with space")
        # RESEND names the user only; DescribeSessions with a user id names its authentication type.
        user = self.email("resend")
        c.create_user(UserName=user, AuthenticationType="USERPOOL")
        self.assertClientError("InvalidParameterCombinationException", c.create_user, UserName=user,
                               AuthenticationType="USERPOOL", MessageAction="RESEND", FirstName="Ana")
        c.create_user(UserName=user, AuthenticationType="USERPOOL", MessageAction="RESEND")
        self.assertClientError("InvalidParameterCombinationException", c.describe_sessions,
                               StackName=name, FleetName=self.name("f"), UserId="alice")
        self.assertEqual(c.describe_sessions(StackName=name, FleetName=self.name("f"), UserId="alice",
                                             AuthenticationType="API")["Sessions"], [])

    def test_usage_report_subscription(self):
        c = appstream()
        sub = c.create_usage_report_subscription()
        self.assertEqual(sub["Schedule"], "DAILY")
        self.assertTrue(sub["S3BucketName"].startswith(f"appstream-logs-{REGION}-{ACCOUNT}-"))
        subs = c.describe_usage_report_subscriptions()["UsageReportSubscriptions"]
        self.assertEqual([(s["S3BucketName"], s["Schedule"]) for s in subs], [(sub["S3BucketName"], "DAILY")])
        c.delete_usage_report_subscription()
        self.assertEqual(c.describe_usage_report_subscriptions()["UsageReportSubscriptions"], [])
        self.assertClientError("ResourceNotFoundException", c.delete_usage_report_subscription)


class TestStacksCli(CliTestCase, Base):
    cli_account = ACCOUNT_CLI

    def test_create_stack_associate_fleet_and_assign_a_user(self):
        fleet, stack, user = self.name("f"), self.name("s"), self.email("carol")
        self.running_fleet(appstream(ACCOUNT_CLI), fleet)
        created = self.cli_json("appstream", "create-stack", "--name", stack, "--description", "from the CLI",
                                "--user-settings", "Action=PRINTING_TO_LOCAL_DEVICE,Permission=DISABLED")["Stack"]
        self.assertEqual(created["Arn"], f"arn:aws:appstream:{REGION}:{ACCOUNT_CLI}:stack/{stack}")
        printing = [s for s in created["UserSettings"] if s["Action"] == "PRINTING_TO_LOCAL_DEVICE"]
        self.assertEqual(printing, [{"Action": "PRINTING_TO_LOCAL_DEVICE", "Permission": "DISABLED"}])

        self.cli_json("appstream", "associate-fleet", "--fleet-name", fleet, "--stack-name", stack)
        self.cli_json("appstream", "create-user", "--user-name", user, "--authentication-type", "USERPOOL",
                      "--message-action", "SUPPRESS")
        out = self.cli_json("appstream", "batch-associate-user-stack", "--user-stack-associations",
                            f"StackName={stack},UserName={user},AuthenticationType=USERPOOL")
        self.assertEqual(out.get("errors", []), [])

        # What the CLI made, read back through boto3 (each CLI run costs a process start).
        c = appstream(ACCOUNT_CLI)
        self.assertEqual(c.list_associated_stacks(FleetName=fleet)["Names"], [stack])
        assoc = c.describe_user_stack_associations(UserName=user, AuthenticationType="USERPOOL")
        self.assertEqual([a["StackName"] for a in assoc["UserStackAssociations"]], [stack])
        self.assertClientError("ResourceInUseException", c.delete_stack, Name=stack)


if __name__ == "__main__":
    unittest.main()
