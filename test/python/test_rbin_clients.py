"""Recycle Bin through boto3 and the AWS CLI, against a running imagelite: retention rules (REST-JSON) with
exclusion tags and locks, and EC2 AMIs deregistered into the bin, listed and restored.

The server is shared by the whole run and never reset, so these tests use accounts no other test touches.
"""
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import CliTestCase, advance, client, own_snapshot

ACCOUNT = "717171717171"
ACCOUNT_CLI = "707070707070"
RUN = uuid.uuid4().hex[:8]
DAYS = lambda n: {"RetentionPeriodValue": n, "RetentionPeriodUnit": "DAYS"}  # noqa: E731


def register(ec2, label, tags=None):
    image_id = ec2.register_image(
        Name=f"py{RUN}-{label}", Architecture="x86_64", VirtualizationType="hvm", RootDeviceName="/dev/xvda",
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": own_snapshot(ec2), "VolumeSize": 8}}],
    )["ImageId"]
    if tags:
        ec2.create_tags(Resources=[image_id], Tags=[{"Key": k, "Value": v} for k, v in tags.items()])
    return image_id


class Boto3RecycleBin(unittest.TestCase):
    def setUp(self):
        self.rbin = client("rbin", ACCOUNT)
        self.ec2 = client("ec2", ACCOUNT)

    def test_rules_with_exclusions_and_amis_through_the_bin(self):
        rule = self.rbin.create_rule(ResourceType="EC2_IMAGE", RetentionPeriod=DAYS(7), Description="all AMIs",
                                     ExcludeResourceTags=[{"ResourceTagKey": "scratch", "ResourceTagValue": "yes"}])
        self.assertEqual(rule["ResponseMetadata"]["HTTPStatusCode"], 201)
        self.assertEqual(rule["ExcludeResourceTags"], [{"ResourceTagKey": "scratch", "ResourceTagValue": "yes"}])
        kept, scratch = register(self.ec2, "kept"), register(self.ec2, "scratch", {"scratch": "yes"})
        advance(600)
        self.assertEqual(self.rbin.get_rule(Identifier=rule["Identifier"])["Status"], "available")
        listed = self.rbin.list_rules(ResourceType="EC2_IMAGE")["Rules"]
        self.assertIn(rule["Identifier"], [r["Identifier"] for r in listed])

        self.ec2.deregister_image(ImageId=kept)
        self.ec2.deregister_image(ImageId=scratch)
        self.assertEqual(self.ec2.describe_images(ImageIds=[kept])["Images"], [])
        binned = self.ec2.list_images_in_recycle_bin()["Images"]
        self.assertEqual([i["ImageId"] for i in binned], [kept])
        self.assertTrue(self.ec2.restore_image_from_recycle_bin(ImageId=kept)["Return"])
        self.assertEqual(self.ec2.describe_images(ImageIds=[kept])["Images"][0]["State"], "available")

        # An exclusion rule can't be locked; the error carries its Reason.
        with self.assertRaises(ClientError) as cm:
            self.rbin.lock_rule(Identifier=rule["Identifier"],
                                LockConfiguration={"UnlockDelay": {"UnlockDelayValue": 7, "UnlockDelayUnit": "DAYS"}})
        self.assertEqual(cm.exception.response["Error"]["Code"], "ValidationException")
        self.assertEqual(cm.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        self.assertEqual(cm.exception.response["Reason"], "INVALID_PARAMETER_VALUE")
        self.rbin.delete_rule(Identifier=rule["Identifier"])

    def test_locked_rule_and_tags(self):
        rule = self.rbin.create_rule(ResourceType="EBS_SNAPSHOT", RetentionPeriod=DAYS(3),
                                     LockConfiguration={"UnlockDelay": {"UnlockDelayValue": 7, "UnlockDelayUnit": "DAYS"}})
        self.assertEqual(rule["LockState"], "locked")
        with self.assertRaises(ClientError) as cm:
            self.rbin.delete_rule(Identifier=rule["Identifier"])
        self.assertEqual(cm.exception.response["Error"]["Code"], "ConflictException")
        self.assertEqual(cm.exception.response["ResponseMetadata"]["HTTPStatusCode"], 409)
        self.rbin.tag_resource(ResourceArn=rule["RuleArn"], Tags=[{"Key": "team", "Value": "images"}])
        self.assertEqual(self.rbin.list_tags_for_resource(ResourceArn=rule["RuleArn"])["Tags"], [{"Key": "team", "Value": "images"}])
        self.rbin.untag_resource(ResourceArn=rule["RuleArn"], TagKeys=["team"])
        self.assertEqual(self.rbin.list_tags_for_resource(ResourceArn=rule["RuleArn"])["Tags"], [])
        unlocked = self.rbin.unlock_rule(Identifier=rule["Identifier"])
        self.assertEqual(unlocked["LockState"], "pending_unlock")
        self.assertIn("LockEndTime", unlocked)


class CliRecycleBin(CliTestCase):
    cli_account = ACCOUNT_CLI

    def test_rules_and_the_bin(self):
        rule = self.cli_json("rbin", "create-rule", "--resource-type", "EBS_SNAPSHOT",
                             "--retention-period", "RetentionPeriodValue=2,RetentionPeriodUnit=DAYS")
        got = self.cli_json("rbin", "get-rule", "--identifier", rule["Identifier"])
        self.assertEqual(got["RetentionPeriod"], DAYS(2))
        listed = self.cli_json("rbin", "list-rules", "--resource-type", "EBS_SNAPSHOT")
        self.assertEqual([r["Identifier"] for r in listed["Rules"]], [rule["Identifier"]])
        self.assertEqual(self.cli_json("ec2", "list-snapshots-in-recycle-bin")["Snapshots"], [])
        r = self.cli("rbin", "get-rule", "--identifier", "abcdefghijk")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("(ResourceNotFoundException)", r.stderr)
        self.cli_json("rbin", "delete-rule", "--identifier", rule["Identifier"])


if __name__ == "__main__":
    unittest.main()
