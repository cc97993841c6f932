"""EBS snapshots through boto3 and the AWS CLI: the snapshot_completed waiter against a manual clock that a second
thread advances, createVolumePermission across two accounts, the DescribeSnapshots paginator, and a snapshot
that an AMI uses.

Runs against the imagelite at IMAGELITE_ENDPOINT (a manual clock, 10-second transitions). The server is shared
by the whole run and never reset, so these tests act as accounts no other Python test uses.
"""
import threading
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import REGION, CliTestCase, advance, client, own_snapshot

OWNER = "515151515151"
GRANTEE = "525252525252"
ACCOUNT_CLI = "535353535353"
RUN = uuid.uuid4().hex[:8]


class Boto3Snapshots(unittest.TestCase):
    def assertClientError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code)
        return cm.exception

    def test_snapshot_completed_waiter_follows_the_clock(self):
        ec2 = client("ec2", OWNER)
        snapshot_id = own_snapshot(ec2)
        [snap] = ec2.describe_snapshots(SnapshotIds=[snapshot_id])["Snapshots"]
        self.assertEqual(snap["State"], "pending")
        self.assertEqual(snap["VolumeId"], "vol-ffffffff")
        timer = threading.Timer(0.3, advance, [60])
        timer.start()
        ec2.get_waiter("snapshot_completed").wait(SnapshotIds=[snapshot_id], WaiterConfig={"Delay": 1, "MaxAttempts": 10})
        timer.join()
        [snap] = ec2.describe_snapshots(SnapshotIds=[snapshot_id])["Snapshots"]
        self.assertEqual(snap["State"], "completed")
        self.assertEqual(snap["Progress"], "100%")

    def test_create_volume_permission_shares_a_snapshot(self):
        owner, grantee = client("ec2", OWNER), client("ec2", GRANTEE)
        snapshot_id = own_snapshot(owner)
        self.assertClientError("InvalidSnapshot.NotFound", grantee.describe_snapshots, SnapshotIds=[snapshot_id])
        owner.modify_snapshot_attribute(SnapshotId=snapshot_id, Attribute="createVolumePermission",
                                        OperationType="add", UserIds=[GRANTEE])
        perms = owner.describe_snapshot_attribute(SnapshotId=snapshot_id, Attribute="createVolumePermission")
        self.assertEqual(perms["CreateVolumePermissions"], [{"UserId": GRANTEE}])
        shared = grantee.describe_snapshots(OwnerIds=[OWNER], RestorableByUserIds=["self"])["Snapshots"]
        self.assertIn(snapshot_id, [s["SnapshotId"] for s in shared])
        copy_id = grantee.copy_snapshot(SourceRegion=REGION, SourceSnapshotId=snapshot_id, Description=f"py{RUN}")["SnapshotId"]
        [copy] = grantee.describe_snapshots(SnapshotIds=[copy_id])["Snapshots"]
        self.assertEqual(copy["OwnerId"], GRANTEE)
        self.assertEqual(copy["Description"], f"py{RUN}")
        self.assertClientError("AuthFailure", grantee.delete_snapshot, SnapshotId=snapshot_id)
        owner.reset_snapshot_attribute(SnapshotId=snapshot_id, Attribute="createVolumePermission")
        self.assertClientError("InvalidSnapshot.NotFound", grantee.describe_snapshots, SnapshotIds=[snapshot_id])

    def test_paginator_and_delete_in_use(self):
        ec2 = client("ec2", OWNER)
        made = {own_snapshot(ec2) for _ in range(6)}
        pages = ec2.get_paginator("describe_snapshots").paginate(OwnerIds=["self"], PaginationConfig={"PageSize": 5})
        seen = [s["SnapshotId"] for page in pages for s in page["Snapshots"]]
        self.assertEqual(len(seen), len(set(seen)))
        self.assertTrue(made <= set(seen))
        snapshot_id = made.pop()
        image_id = ec2.register_image(
            Name=f"py{RUN}-snap", Architecture="x86_64", VirtualizationType="hvm", RootDeviceName="/dev/xvda",
            BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": snapshot_id}}])["ImageId"]
        err = self.assertClientError("InvalidSnapshot.InUse", ec2.delete_snapshot, SnapshotId=snapshot_id)
        self.assertIn(image_id, err.response["Error"]["Message"])
        advance(60)
        result = ec2.deregister_image(ImageId=image_id, DeleteAssociatedSnapshots=True)
        self.assertEqual(result["DeleteSnapshotResults"], [{"SnapshotId": snapshot_id, "ReturnCode": "success"}])
        self.assertClientError("InvalidSnapshot.NotFound", ec2.describe_snapshots, SnapshotIds=[snapshot_id])

    def test_a_locked_snapshot_is_not_deleted_until_unlocked(self):
        ec2 = client("ec2", OWNER)
        snapshot_id = own_snapshot(ec2)
        lock = ec2.lock_snapshot(SnapshotId=snapshot_id, LockMode="governance", LockDuration=7)
        self.assertEqual(lock["LockState"], "governance")
        self.assertEqual(lock["LockDuration"], 7)
        self.assertClientError("SnapshotLocked", ec2.delete_snapshot, SnapshotId=snapshot_id)
        [info] = ec2.describe_locked_snapshots(SnapshotIds=[snapshot_id])["Snapshots"]
        self.assertEqual((info["OwnerId"], info["LockState"]), (OWNER, "governance"))
        listed = ec2.describe_locked_snapshots(Filters=[{"Name": "lock-state", "Values": ["governance"]}])["Snapshots"]
        self.assertIn(snapshot_id, [s["SnapshotId"] for s in listed])
        ec2.unlock_snapshot(SnapshotId=snapshot_id)
        self.assertEqual(ec2.describe_locked_snapshots(SnapshotIds=[snapshot_id])["Snapshots"], [])
        ec2.delete_snapshot(SnapshotId=snapshot_id)

    def test_block_public_access_hides_public_snapshots_from_others(self):
        owner, other = client("ec2", "545454545454"), client("ec2", GRANTEE)
        snapshot_id = own_snapshot(owner)
        owner.modify_snapshot_attribute(SnapshotId=snapshot_id, Attribute="createVolumePermission",
                                        OperationType="add", GroupNames=["all"])
        self.assertEqual(len(other.describe_snapshots(SnapshotIds=[snapshot_id])["Snapshots"]), 1)
        self.assertEqual(owner.enable_snapshot_block_public_access(State="block-all-sharing")["State"], "block-all-sharing")
        self.assertEqual(owner.get_snapshot_block_public_access_state()["State"], "block-all-sharing")
        self.assertClientError("InvalidSnapshot.NotFound", other.describe_snapshots, SnapshotIds=[snapshot_id])
        self.assertClientError("OperationNotPermitted", owner.modify_snapshot_attribute, SnapshotId=snapshot_id,
                               Attribute="createVolumePermission", OperationType="add", GroupNames=["all"])
        self.assertEqual(owner.disable_snapshot_block_public_access()["State"], "unblocked")
        self.assertEqual(len(other.describe_snapshots(SnapshotIds=[snapshot_id])["Snapshots"]), 1)

    def test_fast_snapshot_restores_follow_the_clock(self):
        ec2 = client("ec2", "565656565656")
        snapshot_id = own_snapshot(ec2)
        advance(60)
        r = ec2.enable_fast_snapshot_restores(SourceSnapshotIds=[snapshot_id, "snap-0123456789abcdef0"],
                                              AvailabilityZones=["us-east-1a"])
        self.assertEqual([(s["SnapshotId"], s["State"]) for s in r["Successful"]], [(snapshot_id, "enabling")])
        self.assertEqual(r["Unsuccessful"][0]["FastSnapshotRestoreStateErrors"][0]["Error"]["Code"], "InvalidSnapshot.NotFound")
        advance(60)
        [item] = ec2.describe_fast_snapshot_restores(Filters=[{"Name": "snapshot-id", "Values": [snapshot_id]}])["FastSnapshotRestores"]
        self.assertEqual(item["State"], "enabled")
        volume = ec2.create_volume(SnapshotId=snapshot_id, AvailabilityZone="us-east-1a")
        self.assertTrue(volume["FastRestored"])
        d = ec2.disable_fast_snapshot_restores(SourceSnapshotIds=[snapshot_id], AvailabilityZones=["us-east-1a"])
        self.assertEqual(d["Successful"][0]["State"], "disabling")


class AwsCliSnapshots(CliTestCase):
    cli_account = ACCOUNT_CLI

    def test_copy_describe_share_and_delete(self):
        amazon = self.cli_json("ec2", "describe-snapshots", "--owner-ids", "amazon", "--max-items", "1")["Snapshots"][0]
        self.assertEqual(amazon["OwnerAlias"], "amazon")
        copied = self.cli_json("ec2", "copy-snapshot", "--source-region", REGION, "--source-snapshot-id", amazon["SnapshotId"],
                               "--tag-specifications", "ResourceType=snapshot,Tags=[{Key=run,Value=%s}]" % RUN)
        snapshot_id = copied["SnapshotId"]
        described = self.cli_json("ec2", "describe-snapshots", "--owner-ids", "self", "--filters", f"Name=tag:run,Values={RUN}")
        self.assertEqual([s["SnapshotId"] for s in described["Snapshots"]], [snapshot_id])
        self.cli_json("ec2", "modify-snapshot-attribute", "--snapshot-id", snapshot_id, "--attribute", "createVolumePermission",
                      "--operation-type", "add", "--group-names", "all")
        attribute = self.cli_json("ec2", "describe-snapshot-attribute", "--snapshot-id", snapshot_id,
                                  "--attribute", "createVolumePermission")
        self.assertEqual(attribute["CreateVolumePermissions"], [{"Group": "all"}])
        self.cli_json("ec2", "delete-snapshot", "--snapshot-id", snapshot_id)
        r = self.cli("ec2", "describe-snapshots", "--snapshot-ids", snapshot_id)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("InvalidSnapshot.NotFound", r.stderr)


if __name__ == "__main__":
    unittest.main()
