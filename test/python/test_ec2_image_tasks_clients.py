"""EC2 image tasks through boto3 and the AWS CLI: store and restore an AMI using S3 (CreateStoreImageTask,
DescribeStoreImageTasks, CreateRestoreImageTask and the store_image_task_complete waiter), and export an AMI
(ExportImage, DescribeExportImageTasks with its paginator, CancelExportTask), and import a disk as a snapshot
(ImportSnapshot, DescribeImportSnapshotTasks, CancelImportTask), and import a volume (ImportVolume,
DescribeConversionTasks, CancelConversionTask).

Runs against the imagelite at IMAGELITE_ENDPOINT (test/python-clients.test.ts starts one per file with a manual
clock and 10-second transitions). imagelite keeps no S3: buckets are names only.
Only the standard library, boto3 and botocore are used.
"""
import threading
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import CliTestCase, advance, client, own_snapshot

ACCOUNT = "919191919191"
ACCOUNT_CLI = "929292929292"
RUN = uuid.uuid4().hex[:8]
# A store lasts 3 x T; an AMI phase at most 3 x T.
STORE = 3 * 10 + 1


def register(ec2, label):
    image_id = ec2.register_image(
        Name=f"py{RUN}-{label}", Architecture="x86_64", VirtualizationType="hvm", RootDeviceName="/dev/xvda",
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": own_snapshot(ec2), "VolumeSize": 8}}],
    )["ImageId"]
    advance(STORE)
    return image_id


class Boto3StoreRestore(unittest.TestCase):
    def test_store_wait_restore_and_launch(self):
        ec2 = client("ec2", ACCOUNT)
        image_id = register(ec2, "stored")
        key = ec2.create_store_image_task(ImageId=image_id, Bucket="py-amis")["ObjectKey"]
        self.assertEqual(key, f"{image_id}.bin")
        task = ec2.describe_store_image_tasks(ImageIds=[image_id])["StoreImageTaskResults"][0]
        self.assertEqual((task["StoreTaskState"], task["ProgressPercentage"], task["Bucket"]), ("InProgress", 0, "py-amis"))
        timer = threading.Timer(0.3, advance, [STORE])
        timer.start()
        ec2.get_waiter("store_image_task_complete").wait(ImageIds=[image_id], WaiterConfig={"Delay": 1, "MaxAttempts": 10})
        timer.join()
        restored = ec2.create_restore_image_task(Bucket="py-amis", ObjectKey=key, Name=f"py{RUN}-restored")["ImageId"]
        self.assertNotEqual(restored, image_id)
        advance(STORE)
        image = ec2.describe_images(ImageIds=[restored])["Images"][0]
        self.assertEqual((image["State"], image["Name"]), ("available", f"py{RUN}-restored"))
        run = ec2.run_instances(ImageId=restored, MinCount=1, MaxCount=1, InstanceType="t3.micro")
        self.assertEqual(run["Instances"][0]["ImageId"], restored)

    def test_restore_of_an_object_never_stored(self):
        ec2 = client("ec2", ACCOUNT)
        with self.assertRaises(ClientError) as e:
            ec2.create_restore_image_task(Bucket="py-amis", ObjectKey="ami-0123456789abcdef0.bin")
        self.assertEqual(e.exception.response["Error"]["Code"], "InvalidParameterValue")


class Boto3Export(unittest.TestCase):
    def test_export_completes_and_cancel(self):
        ec2 = client("ec2", ACCOUNT)
        first, second = register(ec2, "export-1"), register(ec2, "export-2")
        location = {"S3Bucket": "py-exports", "S3Prefix": "vms/"}
        r = ec2.export_image(ImageId=first, DiskImageFormat="VMDK", S3ExportLocation=location,
                             TagSpecifications=[{"ResourceType": "export-image-task", "Tags": [{"Key": "run", "Value": RUN}]}])
        self.assertRegex(r["ExportImageTaskId"], r"^export-ami-[0-9a-f]{17}$")
        self.assertEqual((r["Status"], r["StatusMessage"], r["RoleName"]), ("active", "validating", "vmimport"))
        cancelled = ec2.export_image(ImageId=second, DiskImageFormat="RAW", S3ExportLocation=location)["ExportImageTaskId"]
        ec2.cancel_export_task(ExportTaskId=cancelled)
        advance(3 * STORE)
        done = ec2.describe_export_image_tasks(ExportImageTaskIds=[r["ExportImageTaskId"]])["ExportImageTasks"][0]
        self.assertEqual(done["Status"], "completed")
        self.assertEqual(done["Tags"], [{"Key": "run", "Value": RUN}])
        pages = ec2.get_paginator("describe_export_image_tasks").paginate(
            Filters=[{"Name": "task-state", "Values": ["deleted"]}], PaginationConfig={"PageSize": 1})
        self.assertEqual([t["ExportImageTaskId"] for p in pages for t in p["ExportImageTasks"]], [cancelled])
        with self.assertRaises(ClientError) as e:
            ec2.cancel_export_task(ExportTaskId=cancelled)
        self.assertEqual(e.exception.response["Error"]["Code"], "IncorrectState")


class Boto3ImportSnapshot(unittest.TestCase):
    def test_import_snapshot_completes_and_cancel(self):
        ec2 = client("ec2", ACCOUNT)
        disk = {"Format": "VMDK", "UserBucket": {"S3Bucket": "py-disks", "S3Key": f"{RUN}.vmdk"}}
        r = ec2.import_snapshot(DiskContainer=disk, Description="py disk")
        detail = r["SnapshotTaskDetail"]
        self.assertEqual((detail["Status"], detail["StatusMessage"], detail["Progress"]), ("active", "pending", "3"))
        cancelled = ec2.import_snapshot(DiskContainer={"Url": f"s3://py-disks/{RUN}-2.raw"})["ImportTaskId"]
        self.assertEqual(ec2.cancel_import_task(ImportTaskId=cancelled)["State"], "deleting")
        advance(2 * 20 + 1)
        done = ec2.describe_import_snapshot_tasks(ImportTaskIds=[r["ImportTaskId"]])["ImportSnapshotTasks"][0]
        self.assertEqual(done["SnapshotTaskDetail"]["Status"], "completed")
        snapshot_id = done["SnapshotTaskDetail"]["SnapshotId"]
        self.assertEqual(ec2.describe_snapshots(SnapshotIds=[snapshot_id])["Snapshots"][0]["State"], "completed")
        pages = ec2.get_paginator("describe_import_snapshot_tasks").paginate(
            Filters=[{"Name": "task-state", "Values": ["deleted"]}], PaginationConfig={"PageSize": 1})
        self.assertEqual([t["ImportTaskId"] for p in pages for t in p["ImportSnapshotTasks"]], [cancelled])


class Boto3ImportVolume(unittest.TestCase):
    def test_import_volume_completes_and_cancel(self):
        ec2 = client("ec2", ACCOUNT)
        image = {"Format": "RAW", "Bytes": 2, "ImportManifestUrl": f"https://py-disks.s3.amazonaws.com/{RUN}.manifest.xml"}
        task = ec2.import_volume(AvailabilityZone="us-east-1a", Image=image, Volume={"Size": 4})["ConversionTask"]
        self.assertEqual((task["State"], task["StatusMessage"]), ("active", "Pending"))
        cancelled = ec2.import_volume(AvailabilityZone="us-east-1a", Image=image, Volume={"Size": 4})["ConversionTask"]
        ec2.cancel_conversion_task(ConversionTaskId=cancelled["ConversionTaskId"], ReasonMessage="py cancel")
        advance(2 * 20 + 1)
        tasks = ec2.describe_conversion_tasks(ConversionTaskIds=[task["ConversionTaskId"], cancelled["ConversionTaskId"]])
        done, gone = tasks["ConversionTasks"]
        self.assertEqual(done["State"], "completed")
        self.assertEqual((gone["State"], gone["StatusMessage"]), ("cancelled", "py cancel"))
        volume_id = done["ImportVolume"]["Volume"]["Id"]
        self.assertEqual(ec2.describe_volumes(VolumeIds=[volume_id])["Volumes"][0]["State"], "available")
        with self.assertRaises(ClientError) as e:
            ec2.cancel_conversion_task(ConversionTaskId=task["ConversionTaskId"])
        self.assertEqual(e.exception.response["Error"]["Code"], "IncorrectState")


class CliStoreRestore(CliTestCase):
    cli_account = ACCOUNT_CLI

    def test_store_and_describe(self):
        image_id = register(client("ec2", ACCOUNT_CLI), "cli")
        stored = self.cli_json("ec2", "create-store-image-task", "--image-id", image_id, "--bucket", "cli-amis")
        self.assertEqual(stored["ObjectKey"], f"{image_id}.bin")
        listed = self.cli_json("ec2", "describe-store-image-tasks", "--filters", "Name=bucket,Values=cli-amis")
        self.assertEqual([t["AmiId"] for t in listed["StoreImageTaskResults"]], [image_id])

    def test_export_image(self):
        image_id = register(client("ec2", ACCOUNT_CLI), "cli-export")
        r = self.cli_json("ec2", "export-image", "--image-id", image_id, "--disk-image-format", "VHD",
                          "--s3-export-location", "S3Bucket=cli-exports")
        listed = self.cli_json("ec2", "describe-export-image-tasks", "--export-image-task-ids", r["ExportImageTaskId"])
        self.assertEqual(listed["ExportImageTasks"][0]["Status"], "active")

    def test_import_snapshot(self):
        r = self.cli_json("ec2", "import-snapshot", "--disk-container", "Format=RAW,Url=https://example.com/cli.raw")
        listed = self.cli_json("ec2", "describe-import-snapshot-tasks", "--import-task-ids", r["ImportTaskId"])
        self.assertEqual(listed["ImportSnapshotTasks"][0]["SnapshotTaskDetail"]["Format"], "RAW")


if __name__ == "__main__":
    unittest.main()
