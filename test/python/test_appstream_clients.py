"""AppStream 2.0 and STS through boto3 and the AWS CLI, against a running imagelite.

The server is at IMAGELITE_ENDPOINT (test/python-clients.test.ts starts one in-process with a manual
clock and 10-second transitions, and runs this file). Lifecycle states move only when a test advances the
clock through POST /_imagelite/clock, so nothing here waits for real time except the botocore waiters'
one-second delay. The server is shared by the whole run and never reset: every test names its resources
with a prefix unique to the run and the test.

Only the standard library, boto3 and botocore are used.
"""
import threading
import unittest
import uuid
from datetime import datetime

from botocore.exceptions import ClientError, WaiterError

from imagelite_support import REGION, CliTestCase, admin, client, default_network
from imagelite_support import advance as advance_clock
ACCOUNT_A = "111111111111"
ACCOUNT_B = "222222222222"
# Accounts that no other test touches, for listings whose exact content is asserted.
ACCOUNT_PAGING = "333333333333"
ACCOUNT_BUILDER_PAGING = "444444444444"
ACCOUNT_CLI = "555555555555"
# Seconds each intermediate state lasts on the test server; advancing by more always moves one state on.
T = 10
STEP = T + 1

WIN2022 = "AppStream-WinServer2022-11-10-2025"
AL2 = "AppStream-AmazonLinux2-02-11-2025"
INSTANCE = "stream.standard.medium"
RUN = uuid.uuid4().hex[:8]

_sessions = {}


def unique(label):
    """A resource name unique to this run (names allow letters, digits, '_', '.', '-')."""
    return f"py{RUN}-{label}"


def appstream(account=ACCOUNT_A, validate=True):
    return client("appstream", account, validate)


def sts(account=ACCOUNT_A):
    return client("sts", account)


def advance(seconds=STEP):
    return advance_clock(seconds)


def advance_later(seconds=15, delay=0.3):
    """Advances the clock from a background thread while a waiter polls."""
    timer = threading.Timer(delay, advance, [seconds])
    timer.daemon = True
    timer.start()
    return timer


def create_image(builder, image_name, account=ACCOUNT_A, **extra):
    return admin("POST", f"/_imagelite/appstream/image-builders/{builder}/create-image?accountId={account}&region={REGION}",
                 {"ImageName": image_name, **extra})


def all_images(client, **kwargs):
    return [i for page in client.get_paginator("describe_images").paginate(**kwargs) for i in page["Images"]]


def error_code(cm):
    return cm.exception.response["Error"]["Code"]


class Base(unittest.TestCase):
    maxDiff = None

    def name(self, label):
        return unique(f"{self._testMethodName.replace('test_', '')[:24]}-{label}")

    def assertClientError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(error_code(cm), code, cm.exception.response["Error"].get("Message"))
        self.assertEqual(cm.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        return cm.exception

    def builder_state(self, client, name):
        return client.describe_image_builders(Names=[name])["ImageBuilders"][0]["State"]

    def image_state(self, client, name):
        return client.describe_images(Names=[name])["Images"][0]["State"]

    def running_builder(self, client, name, **extra):
        client.create_image_builder(Name=name, ImageName=WIN2022, InstanceType=INSTANCE, **extra)
        advance()
        self.assertEqual(self.builder_state(client, name), "RUNNING")


class TestServer(Base):
    def test_health_and_manual_clock(self):
        status, health = admin("GET", "/_imagelite/health")
        self.assertEqual(status, 200)
        self.assertIn("appstream", health["services"])
        status, clock = admin("GET", "/_imagelite/clock")
        self.assertEqual((status, clock["mode"]), (200, "manual"))
        before = datetime.fromisoformat(clock["now"].replace("Z", "+00:00"))
        after = datetime.fromisoformat(advance(0.5)["now"].replace("Z", "+00:00"))
        self.assertEqual((after - before).total_seconds(), 0.5)


class TestPublicImages(Base):
    def test_catalog_images_are_public_and_available(self):
        client = appstream()
        images = {i["Name"]: i for i in all_images(client, Type="PUBLIC")}
        for name in (WIN2022, AL2):
            self.assertIn(name, images)
        for name, image in images.items():
            self.assertEqual(image["Visibility"], "PUBLIC", name)
            self.assertEqual(image["State"], "AVAILABLE", name)
            self.assertEqual(image["Arn"], f"arn:aws:appstream:{REGION}::image/{name}")
            self.assertEqual(image["Arn"].split(":")[4], "", "a public image ARN has no account")
            self.assertIsInstance(image["CreatedTime"], datetime)
        self.assertEqual(images[AL2]["Platform"], "AMAZON_LINUX2")
        self.assertEqual(images[WIN2022]["Platform"], "WINDOWS_SERVER_2022")

    def test_catalog_by_name_and_by_arn(self):
        client = appstream()
        by_name = client.describe_images(Names=[WIN2022, AL2])["Images"]
        self.assertEqual([i["Name"] for i in by_name], [WIN2022, AL2])
        arn = f"arn:aws:appstream:{REGION}::image/{AL2}"
        by_arn = client.describe_images(Arns=[arn])["Images"]
        self.assertEqual([(i["Name"], i["Arn"]) for i in by_arn], [(AL2, arn)])
        self.assertClientError("ResourceNotFoundException", client.describe_images, Names=[self.name("missing")])

    def test_catalog_exists_in_every_region(self):
        image = client("appstream", ACCOUNT_A, region="eu-west-1").describe_images(Names=[WIN2022])["Images"][0]
        self.assertEqual(image["Arn"], f"arn:aws:appstream:eu-west-1::image/{WIN2022}")

    def test_paginator_and_manual_paging_agree(self):
        client = appstream(ACCOUNT_PAGING)
        self.assertTrue(client.can_paginate("describe_images"))
        # The public catalog holds more than one default page (MaxResults is at most 25): read it all by NextToken.
        names, token = [], None
        while True:
            whole = client.describe_images(**({"NextToken": token} if token else {}))
            self.assertLessEqual(len(whole["Images"]), 25)
            names += [i["Name"] for i in whole["Images"]]
            token = whole.get("NextToken")
            if not token:
                break
            self.assertLess(len(names), 1000, "paging does not end")
        self.assertGreater(len(names), 25)
        self.assertEqual(names, sorted(names))

        pages = list(client.get_paginator("describe_images").paginate(PaginationConfig={"PageSize": 4}))
        self.assertEqual([len(p["Images"]) for p in pages[:-1]], [4] * (len(pages) - 1))
        self.assertEqual([i["Name"] for p in pages for i in p["Images"]], names)

        manual, token, calls = [], None, 0
        while True:
            kwargs = {"MaxResults": 3, **({"NextToken": token} if token else {})}
            page = client.describe_images(**kwargs)
            calls += 1
            self.assertLessEqual(len(page["Images"]), 3)
            manual += [i["Name"] for i in page["Images"]]
            token = page.get("NextToken")
            if not token:
                break
            self.assertLess(calls, 50, "paging does not end")
        self.assertEqual(manual, names, "manual paging repeats or skips images")
        self.assertEqual(len(set(manual)), len(manual))

        limited = list(client.get_paginator("describe_images").paginate(
            Type="PUBLIC", PaginationConfig={"MaxItems": 5, "PageSize": 2}))
        self.assertEqual([i["Name"] for p in limited for i in p["Images"]], names[:5])

    def test_bad_next_token(self):
        err = self.assertClientError("ValidationException", appstream().describe_images, NextToken="not-a-token")
        self.assertIn("NextToken", err.response["Error"]["Message"])


class TestImageBuilders(Base):
    def test_lifecycle_and_wrong_state_errors(self):
        client = appstream()
        name = self.name("b")
        subnets, group = default_network(ACCOUNT_A)
        created = client.create_image_builder(
            Name=name, ImageName=WIN2022, InstanceType=INSTANCE,
            DisplayName="Builder display", Description="Builder description",
            VpcConfig={"SubnetIds": [subnets[0]], "SecurityGroupIds": [group]},
            EnableDefaultInternetAccess=True, Tags={"team": "qa", "cost-center": "42"},
        )["ImageBuilder"]
        arn = f"arn:aws:appstream:{REGION}:{ACCOUNT_A}:image-builder/{name}"
        self.assertEqual(created["State"], "PENDING")
        self.assertEqual(created["Arn"], arn)
        self.assertEqual(created["ImageArn"], f"arn:aws:appstream:{REGION}::image/{WIN2022}")
        self.assertEqual(created["Platform"], "WINDOWS_SERVER_2022")

        advance(T - 1)
        self.assertEqual(self.builder_state(client, name), "PENDING")
        advance(2)
        builder = client.describe_image_builders(Names=[name])["ImageBuilders"][0]
        self.assertEqual(builder["State"], "RUNNING")
        self.assertEqual(builder["DisplayName"], "Builder display")
        self.assertEqual(builder["Description"], "Builder description")
        self.assertEqual(builder["InstanceType"], INSTANCE)
        self.assertEqual(builder["VpcConfig"]["SubnetIds"], [subnets[0]])
        self.assertEqual(builder["VpcConfig"]["SecurityGroupIds"], [group])
        self.assertIs(builder["EnableDefaultInternetAccess"], True)
        self.assertEqual(client.list_tags_for_resource(ResourceArn=arn)["Tags"], {"team": "qa", "cost-center": "42"})

        err = self.assertClientError("ConcurrentModificationException", client.start_image_builder, Name=name)
        self.assertIsInstance(err, client.exceptions.ConcurrentModificationException)

        self.assertEqual(client.stop_image_builder(Name=name)["ImageBuilder"]["State"], "STOPPING")
        self.assertEqual(self.builder_state(client, name), "STOPPING")
        self.assertClientError("ConcurrentModificationException", client.stop_image_builder, Name=name)
        advance()
        self.assertEqual(self.builder_state(client, name), "STOPPED")
        err = self.assertClientError("OperationNotPermittedException", client.stop_image_builder, Name=name)
        self.assertIsInstance(err, client.exceptions.OperationNotPermittedException)

        self.assertEqual(client.start_image_builder(Name=name)["ImageBuilder"]["State"], "PENDING")
        advance()
        self.assertEqual(self.builder_state(client, name), "RUNNING")

        self.assertEqual(client.delete_image_builder(Name=name)["ImageBuilder"]["State"], "DELETING")
        self.assertEqual(self.builder_state(client, name), "DELETING")
        advance()
        with self.assertRaises(client.exceptions.ResourceNotFoundException):
            client.describe_image_builders(Names=[name])
        listed = [b["Name"] for p in client.get_paginator("describe_image_builders").paginate() for b in p["ImageBuilders"]]
        self.assertNotIn(name, listed)
        self.assertClientError("ResourceNotFoundException", client.list_tags_for_resource, ResourceArn=arn)

    def test_tags_can_change(self):
        client = appstream()
        name = self.name("b")
        arn = client.create_image_builder(Name=name, ImageName=AL2, InstanceType=INSTANCE, Tags={"a": "1"})["ImageBuilder"]["Arn"]
        client.tag_resource(ResourceArn=arn, Tags={"a": "2", "b": "3"})
        client.untag_resource(ResourceArn=arn, TagKeys=["b"])
        self.assertEqual(client.list_tags_for_resource(ResourceArn=arn)["Tags"], {"a": "2"})
        self.assertEqual(client.describe_image_builders(Names=[name])["ImageBuilders"][0]["Platform"], "AMAZON_LINUX2")

    def test_one_subnet_only_and_duplicate_names(self):
        client = appstream()
        name = self.name("b")
        self.assertClientError("InvalidParameterCombinationException", client.create_image_builder,
                               Name=name, ImageName=WIN2022, InstanceType=INSTANCE,
                               VpcConfig={"SubnetIds": ["subnet-1", "subnet-2"]})
        client.create_image_builder(Name=name, ImageName=WIN2022, InstanceType=INSTANCE)
        self.assertClientError("ResourceAlreadyExistsException", client.create_image_builder,
                               Name=name, ImageName=WIN2022, InstanceType=INSTANCE)

    def test_paginator_lists_each_builder_once(self):
        client = appstream(ACCOUNT_BUILDER_PAGING)
        names = sorted(self.name(f"b{i}") for i in range(5))
        for n in names:
            client.create_image_builder(Name=n, ImageName=WIN2022, InstanceType=INSTANCE)
        pages = list(client.get_paginator("describe_image_builders").paginate(PaginationConfig={"PageSize": 2}))
        self.assertGreaterEqual(len(pages), 3)
        self.assertEqual([len(p["ImageBuilders"]) for p in pages[:-1]], [2] * (len(pages) - 1))
        self.assertIn(len(pages[-1]["ImageBuilders"]), (1, 2))
        listed = [b["Name"] for p in pages for b in p["ImageBuilders"]]
        self.assertEqual(len(listed), len(set(listed)), "paging repeats builders")
        self.assertEqual(listed, sorted(listed))
        # The account is this test's alone; a rerun against the same server finds the earlier run's builders too.
        self.assertEqual([n for n in listed if n.startswith(unique(""))], names)


class TestPrivateImagesAndSharing(Base):
    def test_private_image_shared_with_another_account(self):
        a, b = appstream(ACCOUNT_A), appstream(ACCOUNT_B)
        builder, image = self.name("b"), self.name("img")
        arn = f"arn:aws:appstream:{REGION}:{ACCOUNT_A}:image/{image}"

        client_builder = self.name("stopped")
        a.create_image_builder(Name=client_builder, ImageName=WIN2022, InstanceType=INSTANCE)
        status, body = create_image(client_builder, self.name("nope"))
        self.assertEqual((status, body["code"]), (400, "OperationNotPermittedException"), body)

        self.running_builder(a, builder)
        status, body = create_image(builder, image, DisplayName="My image", Description="Made by boto3 tests", Tags={"k": "v"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["Image"]["Name"], image)
        self.assertEqual(body["Image"]["Arn"], arn)
        self.assertEqual(body["Image"]["State"], "PENDING")
        self.assertEqual(self.builder_state(a, builder), "SNAPSHOTTING")
        self.assertEqual(self.image_state(a, image), "PENDING")
        advance(2 * T + 1)
        self.assertEqual(self.builder_state(a, builder), "STOPPED")
        mine = a.describe_images(Names=[image])["Images"][0]
        self.assertEqual((mine["State"], mine["Visibility"]), ("AVAILABLE", "PRIVATE"))
        self.assertEqual(mine["DisplayName"], "My image")
        self.assertEqual(mine["ImageBuilderName"], builder)
        self.assertEqual(mine["BaseImageArn"], f"arn:aws:appstream:{REGION}::image/{WIN2022}")
        self.assertEqual(mine["ImageSharedWithOthers"], "FALSE")
        self.assertIn(image, [i["Name"] for i in all_images(a, Type="PRIVATE")])
        self.assertEqual(a.list_tags_for_resource(ResourceArn=arn)["Tags"], {"k": "v"})

        # Not shared yet: B sees nothing.
        self.assertNotIn(image, [i["Name"] for i in all_images(b)])
        self.assertClientError("ResourceNotFoundException", b.describe_images, Arns=[arn])

        a.update_image_permissions(Name=image, SharedAccountId=ACCOUNT_B,
                                   ImagePermissions={"allowFleet": True, "allowImageBuilder": False})
        self.assertEqual(a.describe_images(Names=[image])["Images"][0]["ImageSharedWithOthers"], "TRUE")
        perms = a.describe_image_permissions(Name=image)
        self.assertEqual(perms["Name"], image)
        self.assertEqual(perms["SharedImagePermissionsList"], [
            {"sharedAccountId": ACCOUNT_B, "imagePermissions": {"allowFleet": True, "allowImageBuilder": False}}])

        for kwargs in ({}, {"Type": "SHARED"}):
            seen = {i["Name"]: i for i in all_images(b, **kwargs)}
            self.assertIn(image, seen, kwargs)
            self.assertEqual(seen[image]["Visibility"], "SHARED")
            self.assertEqual(seen[image]["Arn"], arn)
            self.assertEqual(seen[image]["ImagePermissions"], {"allowFleet": True, "allowImageBuilder": False})
        self.assertNotIn(image, [i["Name"] for i in all_images(b, Type="PRIVATE")])
        self.assertEqual(b.describe_images(Arns=[arn])["Images"][0]["Visibility"], "SHARED")

        fleet_name = self.name("fleet")
        fleet = b.create_fleet(Name=fleet_name, ImageArn=arn, InstanceType=INSTANCE,
                               ComputeCapacity={"DesiredInstances": 1})["Fleet"]
        self.assertEqual((fleet["State"], fleet["ImageArn"], fleet["ImageName"]), ("STOPPED", arn, image))
        self.assertClientError("OperationNotPermittedException", b.create_image_builder,
                               Name=self.name("bb"), ImageArn=arn, InstanceType=INSTANCE)
        self.assertClientError("OperationNotPermittedException", b.delete_image, Name=image)
        self.assertClientError("ResourceInUseException", a.delete_image, Name=image)
        b.delete_fleet(Name=fleet_name)

        a.delete_image_permissions(Name=image, SharedAccountId=ACCOUNT_B)
        self.assertEqual(a.describe_image_permissions(Name=image)["SharedImagePermissionsList"], [])
        self.assertNotIn(image, [i["Name"] for i in all_images(b)])
        self.assertNotIn(image, [i["Name"] for i in all_images(b, Type="SHARED")])
        self.assertClientError("ResourceNotFoundException", b.describe_images, Arns=[arn])
        self.assertClientError("ResourceNotFoundException", b.create_fleet, Name=self.name("fleet2"), ImageArn=arn,
                               InstanceType=INSTANCE, ComputeCapacity={"DesiredInstances": 1})
        self.assertClientError("ResourceNotFoundException", a.delete_image_permissions, Name=image, SharedAccountId=ACCOUNT_B)

        deleted = a.delete_image(Name=image)["Image"]
        self.assertEqual((deleted["Name"], deleted["State"]), (image, "DELETING"))
        self.assertClientError("ResourceNotFoundException", a.describe_images, Names=[image])

    def test_public_images_cannot_be_shared_or_deleted(self):
        client = appstream()
        self.assertClientError("ResourceNotAvailableException", client.update_image_permissions, Name=WIN2022,
                               SharedAccountId=ACCOUNT_B, ImagePermissions={"allowFleet": True})
        self.assertClientError("OperationNotPermittedException", client.delete_image, Name=WIN2022)


class TestFleets(Base):
    def test_lifecycle_with_waiters(self):
        client = appstream()
        name = self.name("f")
        fleet = client.create_fleet(Name=name, ImageName=WIN2022, InstanceType=INSTANCE, FleetType="ON_DEMAND",
                                    ComputeCapacity={"DesiredInstances": 2}, DisplayName="Fleet", Description="first")["Fleet"]
        self.assertEqual(fleet["State"], "STOPPED")
        self.assertEqual(fleet["Arn"], f"arn:aws:appstream:{REGION}:{ACCOUNT_A}:fleet/{name}")
        self.assertEqual(fleet["ComputeCapacityStatus"]["Desired"], 2)

        client.start_fleet(Name=name)
        self.assertEqual(client.describe_fleets(Names=[name])["Fleets"][0]["State"], "STARTING")
        timer = advance_later(15)
        client.get_waiter("fleet_started").wait(Names=[name], WaiterConfig={"Delay": 1, "MaxAttempts": 20})
        timer.join()
        fleet = client.describe_fleets(Names=[name])["Fleets"][0]
        self.assertEqual(fleet["State"], "RUNNING")
        # Instances come up one at a time toward the desired count.
        advance_clock(2 * STEP)
        fleet = client.describe_fleets(Names=[name])["Fleets"][0]
        self.assertEqual(fleet["ComputeCapacityStatus"]["Running"], fleet["ComputeCapacityStatus"]["Desired"])
        self.assertEqual(fleet["ComputeCapacityStatus"]["Running"], 2)

        self.assertEqual(client.update_fleet(Name=name, DisplayName="Renamed")["Fleet"]["DisplayName"], "Renamed")
        self.assertEqual(client.describe_fleets(Names=[name])["Fleets"][0]["DisplayName"], "Renamed")
        err = self.assertClientError("ResourceInUseException", client.update_fleet, Name=name, Description="second")
        self.assertIsInstance(err, client.exceptions.ResourceInUseException)
        self.assertClientError("ResourceInUseException", client.delete_fleet, Name=name)

        client.stop_fleet(Name=name)
        self.assertEqual(client.describe_fleets(Names=[name])["Fleets"][0]["State"], "STOPPING")
        timer = advance_later(15)
        client.get_waiter("fleet_stopped").wait(Names=[name], WaiterConfig={"Delay": 1, "MaxAttempts": 20})
        timer.join()
        fleet = client.describe_fleets(Names=[name])["Fleets"][0]
        self.assertEqual(fleet["State"], "STOPPED")
        self.assertEqual(fleet["ComputeCapacityStatus"]["Running"], 0)

        self.assertEqual(client.update_fleet(Name=name, Description="second")["Fleet"]["Description"], "second")
        client.delete_fleet(Name=name)
        self.assertClientError("ResourceNotFoundException", client.describe_fleets, Names=[name])

    def test_waiter_fails_on_a_stopped_fleet(self):
        client = appstream()
        name = self.name("f")
        client.create_fleet(Name=name, ImageName=AL2, InstanceType=INSTANCE, ComputeCapacity={"DesiredInstances": 1})
        with self.assertRaises(WaiterError):
            client.get_waiter("fleet_started").wait(Names=[name], WaiterConfig={"Delay": 1, "MaxAttempts": 2})

    def test_a_subnet_that_does_not_exist_stops_the_start_with_fleet_errors(self):
        client = appstream()
        name = self.name("f")
        client.create_fleet(Name=name, ImageName=WIN2022, InstanceType=INSTANCE, ComputeCapacity={"DesiredInstances": 1},
                            VpcConfig={"SubnetIds": ["subnet-doesnotexist"], "SecurityGroupIds": ["sg-doesnotexist"]})
        client.start_fleet(Name=name)
        advance()
        with self.assertRaises(WaiterError):
            client.get_waiter("fleet_started").wait(Names=[name], WaiterConfig={"Delay": 1, "MaxAttempts": 2})
        fleet = client.describe_fleets(Names=[name])["Fleets"][0]
        self.assertEqual(fleet["State"], "STOPPED")
        self.assertEqual([e["ErrorCode"] for e in fleet["FleetErrors"]], ["SUBNET_NOT_FOUND", "SECURITY_GROUPS_NOT_FOUND"])
        # In the account's own subnets the same fleet starts.
        subnets, group = default_network(ACCOUNT_A)
        client.update_fleet(Name=name, VpcConfig={"SubnetIds": subnets[:2], "SecurityGroupIds": [group]})
        client.start_fleet(Name=name)
        advance()
        client.get_waiter("fleet_started").wait(Names=[name], WaiterConfig={"Delay": 1, "MaxAttempts": 2})
        self.assertEqual(client.describe_fleets(Names=[name])["Fleets"][0]["FleetErrors"], [])

    def test_a_retired_public_image_is_not_available(self):
        client = appstream()
        retired = "Amazon-AppStream2-Sample-Image-02-04-2019"
        err = self.assertClientError("ResourceNotAvailableException", client.create_fleet, Name=self.name("f"),
                                     ImageName=retired, InstanceType=INSTANCE, ComputeCapacity={"DesiredInstances": 1})
        self.assertIsInstance(err, client.exceptions.ResourceNotAvailableException)
        self.assertIn("is DEPRECATED", err.response["Error"]["Message"])
        self.assertClientError("ResourceNotAvailableException", client.create_image_builder, Name=self.name("b"),
                               ImageArn=f"arn:aws:appstream:{REGION}::image/{retired}", InstanceType=INSTANCE)
        self.assertClientError("ResourceNotFoundException", client.describe_images, Names=[retired])

    def test_a_copy_of_amazons_tpm_windows_ami_is_imported(self):
        ami = client("ssm", ACCOUNT_A).get_parameter(
            Name="/aws/service/ami-windows-latest/TPM-Windows_Server-2022-English-Full-Base")["Parameter"]["Value"]
        ec2 = client("ec2", ACCOUNT_A)
        source = ec2.describe_images(ImageIds=[ami])["Images"][0]
        self.assertEqual((source["BootMode"], source["TpmSupport"]), ("uefi", "v2.0"))
        copy = ec2.copy_image(SourceImageId=ami, SourceRegion=REGION, Name=self.name("tpm-copy"))["ImageId"]
        advance(3 * STEP)
        name = self.name("tpm")
        image = appstream().create_imported_image(Name=name, SourceAmiId=copy,
                                                  IamRoleArn=f"arn:aws:iam::{ACCOUNT_A}:role/AppStreamImport")["Image"]
        self.assertEqual((image["State"], image["Platform"], image["ImageType"]), ("IMPORTING", "WINDOWS_SERVER_2022", "CUSTOM"))
        advance(3 * STEP)
        self.assertEqual(appstream().describe_images(Names=[name])["Images"][0]["State"], "AVAILABLE")

    def test_role_and_platform_rules(self):
        c = appstream()
        name = self.name("rules")
        fleet = dict(Name=name, ImageName=WIN2022, InstanceType="stream.standard.medium",
                     ComputeCapacity={"DesiredInstances": 1})
        self.assertClientError("InvalidRoleException", c.create_fleet, IamRoleArn="arn:aws:s3:::not-a-role", **fleet)
        self.assertClientError("IncompatibleImageException", c.create_fleet, Platform="AMAZON_LINUX2", **fleet)
        created = c.create_fleet(Platform="WINDOWS_SERVER_2022", IamRoleArn=f"arn:aws:iam::{ACCOUNT_A}:role/fleet", **fleet)
        self.assertEqual(created["Fleet"]["Platform"], "WINDOWS_SERVER_2022")
        c.delete_fleet(Name=name)

    def test_fleets_are_listed(self):
        client = appstream()
        names = [self.name(f"f{i}") for i in range(3)]
        for n in names:
            client.create_fleet(Name=n, ImageName=WIN2022, InstanceType=INSTANCE, ComputeCapacity={"DesiredInstances": 1})
        listed = [f["Name"] for p in client.get_paginator("describe_fleets").paginate() for f in p["Fleets"]]
        self.assertEqual([n for n in listed if n in names], names)
        self.assertEqual(len(listed), len(set(listed)))


class TestErrors(Base):
    def test_validation_exception_in_aws_words(self):
        client = appstream(validate=False)
        err = self.assertClientError("ValidationException", client.create_image_builder,
                                     Name="-bad", ImageName=WIN2022, InstanceType=INSTANCE)
        message = err.response["Error"]["Message"]
        self.assertTrue(message.startswith(
            "1 validation error detected: Value '-bad' at 'name' failed to satisfy constraint"), message)
        self.assertIn("Member must satisfy regular expression pattern", message)
        self.assertEqual(err.response["ResponseMetadata"]["HTTPHeaders"].get("x-amzn-errortype"), "ValidationException")
        self.assertTrue(err.response["ResponseMetadata"]["RequestId"])

    def test_missing_required_member(self):
        client = appstream(validate=False)
        err = self.assertClientError("ValidationException", client.create_fleet, Name=self.name("f"))
        self.assertIn("Value null at 'instanceType' failed to satisfy constraint: Member must not be null",
                      err.response["Error"]["Message"])

    def test_boto3_validates_before_sending(self):
        from botocore.exceptions import ParamValidationError
        with self.assertRaises(ParamValidationError):
            appstream().create_image_builder(Name="-bad", ImageName=WIN2022)

    def test_not_found(self):
        client = appstream()
        err = self.assertClientError("ResourceNotFoundException", client.describe_fleets, Names=[self.name("missing")])
        self.assertIsInstance(err, client.exceptions.ResourceNotFoundException)
        self.assertIn(self.name("missing"), err.response["Error"]["Message"])
        self.assertClientError("ResourceNotFoundException", client.stop_fleet, Name=self.name("missing"))
        self.assertClientError("ResourceNotFoundException", client.create_fleet, Name=self.name("f"),
                               ImageName=self.name("no-image"), InstanceType=INSTANCE,
                               ComputeCapacity={"DesiredInstances": 1})


class TestSts(Base):
    def test_caller_identity_per_account(self):
        for account in (ACCOUNT_A, ACCOUNT_B):
            identity = sts(account).get_caller_identity()
            self.assertEqual(identity["Account"], account)
            self.assertEqual(identity["Arn"], f"arn:aws:iam::{account}:root")


class TestAwsCli(CliTestCase, Base):
    cli_account = ACCOUNT_CLI

    def test_describe_public_images_with_max_items(self):
        first = self.cli_json("appstream", "describe-images", "--type", "PUBLIC", "--max-items", "3")
        self.assertEqual(len(first["Images"]), 3)
        self.assertTrue(all(i["Visibility"] == "PUBLIC" and i["State"] == "AVAILABLE" for i in first["Images"]))
        self.assertIn("NextToken", first)
        second = self.cli_json("appstream", "describe-images", "--type", "PUBLIC", "--max-items", "3",
                               "--starting-token", first["NextToken"])
        names = [i["Name"] for i in first["Images"] + second["Images"]]
        self.assertEqual(len(names), 6)
        self.assertEqual(names, sorted(set(names)), "CLI paging repeats or skips images")

    def test_create_and_describe_fleet(self):
        name = unique("cli-fleet")
        created = self.cli_json("appstream", "create-fleet", "--name", name, "--image-name", WIN2022,
                                "--instance-type", INSTANCE, "--compute-capacity", "DesiredInstances=2",
                                "--display-name", "CLI fleet")
        self.assertEqual(created["Fleet"]["Name"], name)
        self.assertEqual(created["Fleet"]["State"], "STOPPED")
        described = self.cli_json("appstream", "describe-fleets", "--names", name)
        self.assertEqual(len(described["Fleets"]), 1)
        fleet = described["Fleets"][0]
        self.assertEqual((fleet["Name"], fleet["DisplayName"], fleet["ImageName"]), (name, "CLI fleet", WIN2022))
        self.assertEqual(fleet["Arn"], f"arn:aws:appstream:{REGION}:{ACCOUNT_CLI}:fleet/{name}")
        self.assertEqual(fleet["ComputeCapacityStatus"]["Desired"], 2)
        # The same fleet through boto3: the CLI and the SDK share the server's state.
        self.assertEqual(appstream(ACCOUNT_CLI).describe_fleets(Names=[name])["Fleets"][0]["Name"], name)

    def test_caller_identity(self):
        identity = self.cli_json("sts", "get-caller-identity")
        self.assertEqual(identity["Account"], ACCOUNT_CLI)
        self.assertEqual(identity["Arn"], f"arn:aws:iam::{ACCOUNT_CLI}:root")

    def test_error_exit_code_and_message(self):
        missing = unique("cli-missing")
        r = self.cli("appstream", "describe-fleets", "--names", missing)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("ResourceNotFoundException", r.stderr)
        self.assertIn("DescribeFleets", r.stderr)
        self.assertIn(missing, r.stderr)


if __name__ == "__main__":
    unittest.main()
