"""An AMI's own lifecycle through boto3 and the AWS CLI, against a running imagelite: deprecation, deregistration
protection with its 24-hour cooldown, DisableImage / EnableImage, and DescribeImageReferences.

The server is shared by the whole run, never reset, with a manual clock that only the tests move (POST
/_imagelite/clock); these tests use accounts no other suite touches and name their AMIs uniquely for the run.
"""
import functools
import math
import unittest
import uuid
from datetime import datetime, timedelta, timezone

from botocore.exceptions import ClientError

from imagelite_support import REGION, CliTestCase, admin, advance, client, own_snapshot

OWNER = "141414141414"
OTHER = "151515151515"
ACCOUNT_CLI = "161616161616"
T = 10
DAY = 24 * 3600
RUN = uuid.uuid4().hex[:8]


@functools.lru_cache(maxsize=None)
def ec2(account=OWNER):
    """One client per account: building an EC2 client (its large model) takes a while."""
    return client("ec2", account)


def server_now():
    status, body = admin("GET", "/_imagelite/clock")
    assert status == 200, body
    return datetime.fromisoformat(body["now"].replace("Z", "+00:00"))


def register(c, label):
    """An available EBS-backed AMI named uniquely for this run."""
    image_id = c.register_image(
        Name=f"py{RUN}-{label}", Architecture="x86_64", VirtualizationType="hvm", RootDeviceName="/dev/xvda",
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": own_snapshot(c), "VolumeSize": 8}}],
    )["ImageId"]
    advance(T + 1)
    return image_id


class Boto3ImageLifecycle(unittest.TestCase):
    def assertClientError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code)
        return cm.exception

    def image(self, c, image_id):
        return c.describe_images(ImageIds=[image_id])["Images"][0]

    def test_deprecation_hides_the_ami_from_other_accounts_listings(self):
        owner, other = ec2(), ec2(OTHER)
        image_id = register(owner, "deprecated")
        owner.modify_image_attribute(ImageId=image_id, LaunchPermission={"Add": [{"UserId": OTHER}]})
        at = server_now() + timedelta(hours=1, seconds=40)
        self.assertTrue(owner.enable_image_deprecation(ImageId=image_id, DeprecateAt=at)["Return"])
        # EC2 rounds DeprecateAt to the nearest minute (EnableImageDeprecation reference).
        minute = math.floor(at.timestamp() / 60 + 0.5) * 60
        rounded = datetime.fromtimestamp(minute, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        self.assertEqual(self.image(owner, image_id)["DeprecationTime"], rounded)
        advance(2 * 3600)
        ids = lambda c, **kw: [i["ImageId"] for i in c.describe_images(ExecutableUsers=["self"], **kw)["Images"]]
        self.assertNotIn(image_id, ids(other))
        self.assertIn(image_id, ids(other, IncludeDeprecated=True))
        self.assertEqual(self.image(other, image_id)["DeprecationTime"], rounded)
        self.assertIn(image_id, [i["ImageId"] for i in owner.describe_images(Owners=["self"])["Images"]])
        self.assertTrue(owner.disable_image_deprecation(ImageId=image_id)["Return"])
        self.assertNotIn("DeprecationTime", self.image(owner, image_id))
        self.assertIn(image_id, ids(other))
        self.assertClientError("InvalidParameterValue", owner.enable_image_deprecation,
                               ImageId=image_id, DeprecateAt=server_now() - timedelta(minutes=5))

    def test_deregistration_protection_with_cooldown(self):
        owner = ec2()
        image_id = register(owner, "protected")
        self.assertEqual(self.image(owner, image_id)["DeregistrationProtection"], "disabled")
        r = owner.enable_image_deregistration_protection(ImageId=image_id, WithCooldown=True)
        self.assertEqual(r["Return"], "enabled-with-cooldown")
        self.assertClientError("OperationNotPermitted", owner.deregister_image, ImageId=image_id)
        off = owner.disable_image_deregistration_protection(ImageId=image_id)["Return"]
        self.assertTrue(off.startswith("disabled after "), off)
        self.assertEqual(self.image(owner, image_id)["DeregistrationProtection"], off)
        self.assertClientError("OperationNotPermitted", owner.deregister_image, ImageId=image_id)
        advance(DAY)
        self.assertEqual(self.image(owner, image_id)["DeregistrationProtection"], "disabled")
        self.assertTrue(owner.deregister_image(ImageId=image_id)["Return"])
        # Another account does not see a private AMI at all.
        self.assertClientError("InvalidAMIID.NotFound", ec2(OTHER).enable_image_deregistration_protection, ImageId=image_id)

    def test_disable_and_enable(self):
        owner, other = ec2(), ec2(OTHER)
        image_id = register(owner, "disabled")
        owner.modify_image_attribute(ImageId=image_id, LaunchPermission={"Add": [{"UserId": OTHER}]})
        self.assertTrue(owner.disable_image(ImageId=image_id)["Return"])
        self.assertEqual(self.image(owner, image_id)["State"], "disabled")
        mine = lambda **kw: [i["ImageId"] for i in owner.describe_images(Owners=["self"], **kw)["Images"]]
        self.assertNotIn(image_id, mine())
        self.assertIn(image_id, mine(IncludeDisabled=True, Filters=[{"Name": "state", "Values": ["disabled"]}]))
        self.assertClientError("InvalidAMIID.NotFound", other.describe_images, ImageIds=[image_id])
        self.assertClientError("InvalidAMIID.NotFound", other.copy_image, SourceImageId=image_id,
                               SourceRegion=REGION, Name=f"py{RUN}-stolen")
        self.assertClientError("InvalidAMIID.Unavailable", owner.copy_image, SourceImageId=image_id,
                               SourceRegion=REGION, Name=f"py{RUN}-own-copy")
        self.assertClientError("OperationNotPermitted", owner.modify_image_attribute, ImageId=image_id,
                               LaunchPermission={"Add": [{"UserId": OTHER}]})
        self.assertTrue(owner.enable_image(ImageId=image_id)["Return"])
        self.assertEqual(self.image(owner, image_id)["State"], "available")
        self.assertEqual(owner.describe_image_attribute(ImageId=image_id, Attribute="launchPermission")["LaunchPermissions"], [])
        owner.get_waiter("image_available").wait(ImageIds=[image_id], WaiterConfig={"Delay": 1, "MaxAttempts": 2})

    def test_describe_image_references(self):
        owner = ec2()
        image_id = register(owner, "references")
        r = owner.describe_image_references(ImageIds=[image_id], IncludeAllResourceTypes=True)
        self.assertEqual(r["ImageReferences"], [])
        r = owner.describe_image_references(
            ImageIds=[image_id],
            ResourceTypes=[{"ResourceType": "ec2:LaunchTemplate",
                            "ResourceTypeOptions": [{"OptionName": "version-depth", "OptionValues": ["20"]}]}])
        self.assertEqual(r["ImageReferences"], [])
        lt = owner.create_launch_template(LaunchTemplateName=f"py{RUN}-refs",
                                          LaunchTemplateData={"ImageId": image_id})["LaunchTemplate"]["LaunchTemplateId"]
        r = owner.describe_image_references(ImageIds=[image_id], IncludeAllResourceTypes=True)
        self.assertEqual(r["ImageReferences"], [{
            "ImageId": image_id, "ResourceType": "ec2:LaunchTemplate",
            "Arn": f"arn:aws:ec2:{REGION}:{OWNER}:launch-template/{lt}"}])
        self.assertEqual(ec2(OTHER).describe_image_references(ImageIds=[image_id], IncludeAllResourceTypes=True)["ImageReferences"], [])
        self.assertClientError("MissingParameter", owner.describe_image_references, ImageIds=[image_id])
        self.assertClientError("InvalidAMIID.Malformed", owner.describe_image_references,
                               ImageIds=["ami-xyz"], IncludeAllResourceTypes=True)


class CliImageLifecycle(CliTestCase):
    cli_account = ACCOUNT_CLI

    def test_lifecycle_through_the_cli(self):
        # Few CLI calls: each one starts a Python process; boto3 above covers the details.
        image_id = register(ec2(ACCOUNT_CLI), "cli")
        at = (server_now() + timedelta(days=30)).replace(second=0, microsecond=0)
        self.cli_json("ec2", "enable-image-deprecation", "--image-id", image_id,
                      "--deprecate-at", at.strftime("%Y-%m-%dT%H:%M:%SZ"))
        out = self.cli_json("ec2", "enable-image-deregistration-protection", "--image-id", image_id, "--with-cooldown")
        self.assertEqual(out["Return"], "enabled-with-cooldown")
        self.cli_json("ec2", "disable-image", "--image-id", image_id)
        [img] = self.cli_json("ec2", "describe-images", "--owners", "self", "--include-disabled",
                              "--filters", "Name=state,Values=disabled")["Images"]
        self.assertEqual(img["ImageId"], image_id)
        self.assertEqual(img["DeprecationTime"], at.strftime("%Y-%m-%dT%H:%M:%S.000Z"))
        self.assertEqual(img["DeregistrationProtection"], "enabled-with-cooldown")


if __name__ == "__main__":
    unittest.main()
