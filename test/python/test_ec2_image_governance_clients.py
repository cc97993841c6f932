"""EC2 image governance through boto3 and the AWS CLI: Allowed AMIs (the setting, its criteria, a refused launch and
audit mode), CancelImageLaunchPermission, GetImageAncestry and DescribeInstanceImageMetadata.

Runs against the imagelite at IMAGELITE_ENDPOINT (a manual clock, 10-second transitions). Acts as accounts no
other Python test uses.
"""
import json
import tempfile
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import CliTestCase, advance, client, own_snapshot

PUBLISHER = "585858585858"
CONSUMER = "575757575757"
CLI_ACCOUNT = "565656565656"
RUN = uuid.uuid4().hex[:8]


def register(ec2, label):
    image_id = ec2.register_image(
        Name=f"py{RUN}-{label}", Architecture="x86_64", VirtualizationType="hvm", RootDeviceName="/dev/xvda",
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": own_snapshot(ec2), "VolumeSize": 8}}],
    )["ImageId"]
    advance(60)
    return image_id


def shared(label, grantee):
    publisher = client("ec2", PUBLISHER)
    image_id = register(publisher, label)
    publisher.modify_image_attribute(ImageId=image_id, LaunchPermission={"Add": [{"UserId": grantee}]})
    return image_id


class Boto3AllowedAmis(unittest.TestCase):
    def test_enabled_refuses_then_criteria_allow_then_audit_mode_reports(self):
        ec2 = client("ec2", CONSUMER)
        image_id = shared("allowed", CONSUMER)
        settings = ec2.get_allowed_images_settings()
        self.assertEqual((settings["State"], settings["ManagedBy"]), ("disabled", "account"))
        self.assertEqual(ec2.enable_allowed_images_settings(AllowedImagesSettingsState="enabled")["AllowedImagesSettingsState"],
                         "enabled")
        self.assertTrue(ec2.replace_image_criteria_in_allowed_images_settings(
            ImageCriteria=[{"ImageProviders": ["amazon"], "DeprecationTimeCondition": {"MaximumDaysSinceDeprecated": 0}}],
        )["ReturnValue"])
        with self.assertRaises(ClientError) as refused:
            ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1)
        self.assertEqual(refused.exception.response["Error"]["Code"], "InvalidAMIID.NotFound")

        ec2.replace_image_criteria_in_allowed_images_settings(
            ImageCriteria=[{"ImageProviders": [PUBLISHER], "ImageNames": [f"py{RUN}-*"]}])
        self.assertEqual(ec2.get_allowed_images_settings()["ImageCriteria"],
                         [{"ImageProviders": [PUBLISHER], "ImageNames": [f"py{RUN}-*"]}])
        self.assertTrue(ec2.describe_images(ImageIds=[image_id])["Images"][0]["ImageAllowed"])
        ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1)

        ec2.replace_image_criteria_in_allowed_images_settings(ImageCriteria=[{"ImageProviders": ["amazon"]}])
        ec2.enable_allowed_images_settings(AllowedImagesSettingsState="audit-mode")
        ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1)
        [image] = ec2.describe_images(ImageIds=[image_id])["Images"]
        self.assertIs(image["ImageAllowed"], False)
        self.assertEqual(ec2.disable_allowed_images_settings()["AllowedImagesSettingsState"], "disabled")
        self.assertNotIn("ImageAllowed", ec2.describe_images(ImageIds=[image_id])["Images"][0])

    def test_limits_are_refused(self):
        ec2 = client("ec2", CONSUMER)
        with self.assertRaises(ClientError) as refused:
            ec2.replace_image_criteria_in_allowed_images_settings(ImageCriteria=[{"ImageProviders": ["none", "amazon"]}])
        self.assertEqual(refused.exception.response["Error"]["Code"], "InvalidParameterValue")


class Boto3CancelImageLaunchPermission(unittest.TestCase):
    def test_the_grantee_leaves_the_launch_permissions(self):
        grantee = client("ec2", CONSUMER)
        image_id = shared("cancelled", CONSUMER)
        self.assertTrue(grantee.cancel_image_launch_permission(ImageId=image_id)["Return"])
        attr = client("ec2", PUBLISHER).describe_image_attribute(ImageId=image_id, Attribute="launchPermission")
        self.assertEqual(attr["LaunchPermissions"], [])
        with self.assertRaises(ClientError) as gone:
            grantee.describe_images(ImageIds=[image_id])
        self.assertEqual(gone.exception.response["Error"]["Code"], "InvalidAMIID.NotFound")


class Boto3ImageAncestry(unittest.TestCase):
    def test_copies_across_regions(self):
        east, west = client("ec2", PUBLISHER), client("ec2", PUBLISHER, region="eu-west-1")
        base = register(east, "ancestor")
        first = west.copy_image(SourceImageId=base, SourceRegion="us-east-1", Name=f"py{RUN}-first")["ImageId"]
        advance(60)
        second = east.copy_image(SourceImageId=first, SourceRegion="eu-west-1", Name=f"py{RUN}-second")["ImageId"]
        advance(60)
        entries = east.get_image_ancestry(ImageId=second)["ImageAncestryEntries"]
        self.assertEqual([(e["ImageId"], e.get("SourceImageId"), e.get("SourceImageRegion")) for e in entries],
                         [(second, first, "eu-west-1"), (first, base, "us-east-1"), (base, None, None)])


class Boto3InstanceImageMetadata(unittest.TestCase):
    def test_paginator_and_the_image_allowed_filter(self):
        ec2 = client("ec2", "555555555555")
        image_id = register(ec2, "metadata")
        ids = [i["InstanceId"] for i in ec2.run_instances(ImageId=image_id, MinCount=3, MaxCount=3)["Instances"]]
        pages = ec2.get_paginator("describe_instance_image_metadata").paginate(PaginationConfig={"PageSize": 2})
        seen = [m for page in pages for m in page["InstanceImageMetadata"]]
        self.assertEqual(sorted(m["InstanceId"] for m in seen), sorted(ids))
        self.assertEqual({m["ImageMetadata"]["ImageId"] for m in seen}, {image_id})
        self.assertEqual(seen[0]["ImageMetadata"]["Name"], f"py{RUN}-metadata")
        ec2.enable_allowed_images_settings(AllowedImagesSettingsState="audit-mode")
        ec2.replace_image_criteria_in_allowed_images_settings(ImageCriteria=[{"ImageProviders": ["amazon"]}])
        allowed = ec2.describe_instance_image_metadata(Filters=[{"Name": "image-allowed", "Values": ["true"]}])
        self.assertEqual(len(allowed["InstanceImageMetadata"]), 3, "an account's own AMIs are always allowed")


class CliAllowedAmis(CliTestCase):
    cli_account = CLI_ACCOUNT

    def test_settings_from_a_json_file_and_a_refused_launch(self):
        image_id = shared("cli-allowed", CLI_ACCOUNT)
        self.cli_json("ec2", "enable-allowed-images-settings", "--allowed-images-settings-state", "enabled")
        # The user guide's way: replace-image-criteria-in-allowed-images-settings --cli-input-json file://...
        criteria = {"ImageCriteria": [{"ImageProviders": ["amazon"]}, {"MarketplaceProductCodes": ["abcdefg1234567890"]}]}
        with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
            json.dump(criteria, f)
            f.flush()
            self.cli_json("ec2", "replace-image-criteria-in-allowed-images-settings", "--cli-input-json", f"file://{f.name}")
        got = self.cli_json("ec2", "get-allowed-images-settings")
        self.assertEqual((got["State"], got["ImageCriteria"]), ("enabled", criteria["ImageCriteria"]))
        refused = self.cli("ec2", "run-instances", "--image-id", image_id, "--count", "1")
        self.assertNotEqual(refused.returncode, 0)
        self.assertIn("InvalidAMIID.NotFound", refused.stderr)
        self.cli_json("ec2", "disable-allowed-images-settings")
        self.cli_json("ec2", "run-instances", "--image-id", image_id, "--count", "1")


if __name__ == "__main__":
    unittest.main()
