"""EC2 AMIs through boto3: the image_available and image_exists waiters against a manual clock that a second
thread advances, launch permissions across two accounts, and the DescribeImages paginator.

Runs against the imagelite at IMAGELITE_ENDPOINT (a manual clock, 10-second transitions). Acts as accounts no
other Python test uses.
"""
import threading
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import advance, client, own_snapshot

OWNER = "989898989898"
GRANTEE = "979797979797"
RUN = uuid.uuid4().hex[:8]


def register(ec2, label):
    return ec2.register_image(
        Name=f"py{RUN}-{label}", Architecture="x86_64", VirtualizationType="hvm", RootDeviceName="/dev/xvda",
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": own_snapshot(ec2), "VolumeSize": 8}}],
    )["ImageId"]


class Boto3Images(unittest.TestCase):
    def test_waiters_follow_the_clock(self):
        ec2 = client("ec2", OWNER)
        image_id = register(ec2, "waited")
        ec2.get_waiter("image_exists").wait(ImageIds=[image_id], WaiterConfig={"Delay": 1, "MaxAttempts": 3})
        self.assertEqual(ec2.describe_images(ImageIds=[image_id])["Images"][0]["State"], "pending")
        timer = threading.Timer(0.3, advance, [60])
        timer.start()
        ec2.get_waiter("image_available").wait(ImageIds=[image_id], WaiterConfig={"Delay": 1, "MaxAttempts": 10})
        timer.join()
        self.assertEqual(ec2.describe_images(ImageIds=[image_id])["Images"][0]["State"], "available")

    def test_launch_permission_shares_an_ami(self):
        owner, grantee = client("ec2", OWNER), client("ec2", GRANTEE)
        image_id = register(owner, "shared")
        with self.assertRaises(ClientError) as cm:
            grantee.describe_images(ImageIds=[image_id])
        self.assertEqual(cm.exception.response["Error"]["Code"], "InvalidAMIID.NotFound")
        owner.modify_image_attribute(ImageId=image_id, LaunchPermission={"Add": [{"UserId": GRANTEE}]})
        [seen] = grantee.describe_images(ImageIds=[image_id])["Images"]
        self.assertEqual(seen["OwnerId"], OWNER)
        self.assertFalse(seen["Public"])
        shared = grantee.describe_images(ExecutableUsers=["self"], Filters=[{"Name": "name", "Values": [f"py{RUN}-*"]}])["Images"]
        self.assertEqual([i["ImageId"] for i in shared], [image_id])
        attr = owner.describe_image_attribute(ImageId=image_id, Attribute="launchPermission")
        self.assertEqual(attr["LaunchPermissions"], [{"UserId": GRANTEE}])

    def test_paginator_over_amazon_images(self):
        ec2 = client("ec2", OWNER)
        pages = ec2.get_paginator("describe_images").paginate(Owners=["amazon"], PaginationConfig={"PageSize": 5})
        ids = [i["ImageId"] for page in pages for i in page["Images"]]
        self.assertEqual(len(ids), len(set(ids)))
        everything = ec2.describe_images(Owners=["amazon"])["Images"]
        self.assertEqual(sorted(ids), sorted(i["ImageId"] for i in everything))


if __name__ == "__main__":
    unittest.main()


class Boto3ImageBlockPublicAccess(unittest.TestCase):
    def test_block_public_access_refuses_public_sharing(self):
        ec2 = client("ec2", "969696969696")
        image_id = register(ec2, "bpa")
        advance(60)
        self.assertEqual(ec2.get_image_block_public_access_state()["ImageBlockPublicAccessState"], "unblocked")
        self.assertEqual(
            ec2.enable_image_block_public_access(ImageBlockPublicAccessState="block-new-sharing")["ImageBlockPublicAccessState"],
            "block-new-sharing")
        advance(60)
        self.assertEqual(ec2.get_image_block_public_access_state()["ImageBlockPublicAccessState"], "block-new-sharing")
        with self.assertRaises(ClientError) as refused:
            ec2.modify_image_attribute(ImageId=image_id, LaunchPermission={"Add": [{"Group": "all"}]})
        self.assertEqual(refused.exception.response["Error"]["Code"], "OperationNotPermitted")
        ec2.disable_image_block_public_access()
        advance(60)
        ec2.modify_image_attribute(ImageId=image_id, LaunchPermission={"Add": [{"Group": "all"}]})
        self.assertTrue(ec2.describe_images(ImageIds=[image_id])["Images"][0]["Public"])
