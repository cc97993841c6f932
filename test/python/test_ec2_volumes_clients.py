"""EBS volumes, encryption by default, snapshot tiers and Spot launches through boto3 and the AWS CLI: the
volume_available and volume_in_use waiters against a manual clock that a second thread advances, attach and detach,
ModifyVolume and its modifications, the DescribeVolumes paginator, encryption by default, an archived snapshot,
and a Spot Instance with its request.

Runs against the imagelite at IMAGELITE_ENDPOINT (a manual clock, 10-second transitions). The server is shared
by the whole run and never reset, so these tests act as accounts no other Python test uses.
"""
import threading
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import REGION, CliTestCase, advance, client, own_snapshot

OWNER = "717171717171"
ENCRYPTING = "727272727272"
SPOT = "737373737373"
ACCOUNT_CLI = "747474747474"
RUN = uuid.uuid4().hex[:8]


def launch(ec2, zone="us-east-1a", **extra):
    """A running instance of the client's account, from an AMI of its own."""
    snapshot_id = own_snapshot(ec2)
    image_id = ec2.register_image(
        Name=f"py{RUN}-{uuid.uuid4().hex[:6]}", Architecture="x86_64", VirtualizationType="hvm", RootDeviceName="/dev/xvda",
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": snapshot_id}}])["ImageId"]
    advance(60)
    instance = ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                                 Placement={"AvailabilityZone": zone}, **extra)["Instances"][0]
    advance(30)
    return instance


class Boto3Volumes(unittest.TestCase):
    def assertClientError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code)
        return cm.exception

    def test_waiters_attach_detach_and_modify(self):
        ec2 = client("ec2", OWNER)
        instance_id = launch(ec2)["InstanceId"]
        volume = ec2.create_volume(AvailabilityZone="us-east-1a", Size=10, VolumeType="gp3",
                                   TagSpecifications=[{"ResourceType": "volume", "Tags": [{"Key": "run", "Value": RUN}]}])
        self.assertEqual(volume["State"], "creating")
        timer = threading.Timer(0.3, advance, [30])
        timer.start()
        ec2.get_waiter("volume_available").wait(VolumeIds=[volume["VolumeId"]], WaiterConfig={"Delay": 1, "MaxAttempts": 10})
        timer.join()
        attachment = ec2.attach_volume(VolumeId=volume["VolumeId"], InstanceId=instance_id, Device="/dev/sdf")
        self.assertEqual(attachment["State"], "attaching")
        ec2.get_waiter("volume_in_use").wait(VolumeIds=[volume["VolumeId"]], WaiterConfig={"Delay": 1, "MaxAttempts": 10})
        advance(30)
        [seen] = ec2.describe_volumes(Filters=[{"Name": "attachment.instance-id", "Values": [instance_id]},
                                               {"Name": "tag:run", "Values": [RUN]}])["Volumes"]
        self.assertEqual(seen["Attachments"][0]["State"], "attached")
        self.assertClientError("VolumeInUse", ec2.delete_volume, VolumeId=volume["VolumeId"])
        modification = ec2.modify_volume(VolumeId=volume["VolumeId"], Size=20, Iops=6000)["VolumeModification"]
        self.assertEqual((modification["ModificationState"], modification["TargetSize"], modification["TargetIops"]),
                         ("modifying", 20, 6000))
        self.assertClientError("IncorrectModificationState", ec2.modify_volume, VolumeId=volume["VolumeId"], Size=30)
        advance(30)
        [done] = ec2.describe_volumes_modifications(VolumeIds=[volume["VolumeId"]])["VolumesModifications"]
        self.assertEqual(done["ModificationState"], "completed")
        ec2.detach_volume(VolumeId=volume["VolumeId"])
        timer = threading.Timer(0.3, advance, [30])
        timer.start()
        ec2.get_waiter("volume_available").wait(VolumeIds=[volume["VolumeId"]], WaiterConfig={"Delay": 1, "MaxAttempts": 10})
        timer.join()
        ec2.delete_volume(VolumeId=volume["VolumeId"])
        self.assertClientError("InvalidParameterValue", ec2.create_volume, AvailabilityZone="us-east-1a", Size=10,
                               VolumeType="io1", Iops=1000)

    def test_paginator(self):
        ec2 = client("ec2", OWNER)
        made = {ec2.create_volume(AvailabilityZone="us-east-1b", Size=1)["VolumeId"] for _ in range(7)}
        pages = ec2.get_paginator("describe_volumes").paginate(
            Filters=[{"Name": "availability-zone", "Values": ["us-east-1b"]}], PaginationConfig={"PageSize": 5})
        seen = [v["VolumeId"] for page in pages for v in page["Volumes"]]
        self.assertEqual(sorted(seen), sorted(made))

    def test_encryption_by_default(self):
        ec2 = client("ec2", ENCRYPTING)
        self.assertFalse(ec2.get_ebs_encryption_by_default()["EbsEncryptionByDefault"])
        ec2.enable_ebs_encryption_by_default()
        self.assertEqual(ec2.get_ebs_default_kms_key_id()["KmsKeyId"], f"arn:aws:kms:{REGION}:{ENCRYPTING}:alias/aws/ebs")
        volume = ec2.create_volume(AvailabilityZone="us-east-1a", Size=1)
        self.assertTrue(volume["Encrypted"])
        self.assertTrue(volume["KmsKeyId"].startswith(f"arn:aws:kms:{REGION}:{ENCRYPTING}:key/"))
        ec2.disable_ebs_encryption_by_default()
        self.assertFalse(ec2.create_volume(AvailabilityZone="us-east-1a", Size=1)["Encrypted"])

    def test_spot_instance_and_its_request(self):
        ec2 = client("ec2", SPOT)
        instance = launch(ec2, InstanceMarketOptions={"MarketType": "spot"})
        self.assertEqual(instance["InstanceLifecycle"], "spot")
        [request] = ec2.describe_spot_instance_requests(SpotInstanceRequestIds=[instance["SpotInstanceRequestId"]])[
            "SpotInstanceRequests"]
        self.assertEqual((request["State"], request["Status"]["Code"], request["InstanceId"]),
                         ("active", "fulfilled", instance["InstanceId"]))

    def test_instance_snapshots_root_replacement_and_copies(self):
        ec2 = client("ec2", "757575757575")
        instance_id = launch(ec2)["InstanceId"]
        snaps = ec2.create_snapshots(InstanceSpecification={"InstanceId": instance_id}, CopyTagsFromSource="volume",
                                     Description=f"py{RUN}")["Snapshots"]
        self.assertEqual(len(snaps), 1)
        root = snaps[0]["VolumeId"]
        task = ec2.create_replace_root_volume_task(InstanceId=instance_id, DeleteReplacedRootVolume=False)["ReplaceRootVolumeTask"]
        self.assertEqual(task["TaskState"], "pending")
        advance(30)
        [done] = ec2.describe_replace_root_volume_tasks(ReplaceRootVolumeTaskIds=[task["ReplaceRootVolumeTaskId"]])["ReplaceRootVolumeTasks"]
        self.assertEqual(done["TaskState"], "succeeded")
        [old] = ec2.describe_volumes(VolumeIds=[root])["Volumes"]
        self.assertEqual(old["State"], "available")
        [copy] = ec2.copy_volumes(SourceVolumeId=root, Size=old["Size"] + 1)["Volumes"]
        self.assertEqual((copy["SourceVolumeId"], copy["Size"], copy["State"]), (root, old["Size"] + 1, "creating"))


class AwsCliVolumes(CliTestCase):
    cli_account = ACCOUNT_CLI

    def test_create_describe_archive_and_delete(self):
        volume = self.cli_json("ec2", "create-volume", "--availability-zone", "us-east-1c", "--size", "8",
                               "--volume-type", "gp3", "--throughput", "300")
        self.assertEqual((volume["Size"], volume["Iops"], volume["Throughput"]), (8, 3000, 300))
        described = self.cli_json("ec2", "describe-volumes", "--filters", "Name=availability-zone,Values=us-east-1c")
        self.assertEqual([v["VolumeId"] for v in described["Volumes"]], [volume["VolumeId"]])
        advance(30)
        snapshot = self.cli_json("ec2", "create-snapshot", "--volume-id", volume["VolumeId"])
        advance(60)
        self.cli_json("ec2", "modify-snapshot-tier", "--snapshot-id", snapshot["SnapshotId"], "--storage-tier", "archive")
        advance(60)
        [status] = self.cli_json("ec2", "describe-snapshot-tier-status", "--filters",
                                 f"Name=snapshot-id,Values={snapshot['SnapshotId']}")["SnapshotTierStatuses"]
        self.assertEqual((status["StorageTier"], status["LastTieringOperationStatus"]), ("archive", "archival-completed"))
        self.cli_json("ec2", "delete-volume", "--volume-id", volume["VolumeId"])
        r = self.cli("ec2", "attach-volume", "--volume-id", volume["VolumeId"], "--instance-id", "i-0123456789abcdef0",
                     "--device", "/dev/sdf")
        self.assertNotEqual(r.returncode, 0)


if __name__ == "__main__":
    unittest.main()
