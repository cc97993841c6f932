"""EC2 VM import (ImportImage, DescribeImportImageTasks, CancelImportTask) through boto3 and the AWS CLI.

Runs against the imagelite at IMAGELITE_ENDPOINT (test/python-clients.test.ts starts one with a manual clock
and 10-second transitions; an import step lasts 3 x 10 s). The server is shared and never reset, so these
tests act as accounts that no other Python test uses and check only the tasks they started themselves.
Only the standard library, boto3 and botocore are used.
"""
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import REGION, CliTestCase, admin, advance, client
ACCOUNT_BOTO = "666666666666"
ACCOUNT_CLI = "676767676767"
# An import step lasts 3 x T on the test server; advancing by more always moves one step on.
IMPORT_STEP = 3 * 10 + 1
CANCEL_STEP = 10 + 1
STEPS = ["pending", "validating", "validated", "converting", "updating", "booting", "booted", "preparing ami"]
RUN = uuid.uuid4().hex[:8]
DISK = {"Format": "VMDK", "UserBucket": {"S3Bucket": "py-import-bucket", "S3Key": f"vms/{RUN}.vmdk"}}


def ec2(account=ACCOUNT_BOTO):
    return client("ec2", account)


class Boto3Import(unittest.TestCase):
    def setUp(self):
        self.client = ec2()

    def task(self, task_id):
        tasks = self.client.describe_import_image_tasks(ImportTaskIds=[task_id])["ImportImageTasks"]
        self.assertEqual(len(tasks), 1)
        return tasks[0]

    def start(self, label, **extra):
        tags = [{"ResourceType": "import-image-task", "Tags": [{"Key": "run", "Value": f"{RUN}-{label}"}]}]
        r = self.client.import_image(DiskContainers=[DISK], TagSpecifications=tags, **extra)
        return r["ImportTaskId"]

    def test_import_runs_every_step_and_leaves_an_ami(self):
        r = self.client.import_image(DiskContainers=[DISK], Platform="Windows", Architecture="x86_64", BootMode="uefi",
                                     Description="py import")
        task_id = r["ImportTaskId"]
        self.assertRegex(task_id, r"^import-ami-[0-9a-f]{17}$")
        self.assertEqual((r["Status"], r["StatusMessage"], r["Progress"]), ("active", "pending", "2"))
        seen = []
        for _ in STEPS:
            t = self.task(task_id)
            self.assertEqual(t["Status"], "active")
            seen.append(t["StatusMessage"])
            advance(IMPORT_STEP)
        self.assertEqual(seen, STEPS)
        done = self.task(task_id)
        self.assertEqual(done["Status"], "completed")
        self.assertEqual(done["BootMode"], "uefi")
        self.assertEqual(done["SnapshotDetails"][0]["UserBucket"], DISK["UserBucket"])
        self.assertGreater(done["SnapshotDetails"][0]["DiskImageSize"], 0)
        image = self.client.describe_images(ImageIds=[done["ImageId"]])["Images"][0]
        self.assertEqual((image["State"], image["Platform"], image["Architecture"], image["BootMode"], image["Name"]),
                         ("available", "windows", "x86_64", "uefi", task_id))

    def test_cancel_filters_and_paginator(self):
        cancelled = self.start("cancel")
        kept = self.start("kept")
        r = self.client.cancel_import_task(ImportTaskId=cancelled, CancelReason="not needed")
        self.assertEqual((r["PreviousState"], r["State"]), ("active", "deleting"))
        mine = [{"Name": "tag:run", "Values": [f"{RUN}-cancel", f"{RUN}-kept"]}]
        deleting = self.client.describe_import_image_tasks(Filters=mine + [{"Name": "task-state", "Values": ["deleting"]}])
        self.assertEqual([t["ImportTaskId"] for t in deleting["ImportImageTasks"]], [cancelled])
        self.assertEqual(deleting["ImportImageTasks"][0]["StatusMessage"], "not needed")
        advance(CANCEL_STEP)
        self.assertEqual(self.task(cancelled)["Status"], "deleted")
        self.assertNotIn("ImageId", self.task(cancelled))

        paginator = self.client.get_paginator("describe_import_image_tasks")
        ids = [t["ImportTaskId"] for page in paginator.paginate(Filters=mine, PaginationConfig={"PageSize": 1})
               for t in page["ImportImageTasks"]]
        self.assertEqual(ids, sorted([cancelled, kept]))

        with self.assertRaises(ClientError) as cm:
            self.client.cancel_import_task(ImportTaskId=cancelled)
        self.assertEqual(cm.exception.response["Error"]["Code"], "InvalidParameter")
        with self.assertRaises(ClientError) as cm:
            self.client.describe_import_image_tasks(ImportTaskIds=["import-ami-0000000000000000f"])
        self.assertEqual(cm.exception.response["Error"]["Code"], "InvalidConversionTaskId")
        with self.assertRaises(ClientError) as cm:
            self.client.import_image(DiskContainers=[DISK], DryRun=True)
        self.assertEqual(cm.exception.response["Error"]["Code"], "DryRunOperation")

    def test_fault_rule_fails_the_import(self):
        status, body = admin("POST", "/_imagelite/faults", {
            "service": "ec2", "operation": "ImportImage", "accountId": ACCOUNT_BOTO, "times": 1,
            "lifecycle": {"outcome": "fail", "reason": "ClientError: No bootable partition"}})
        self.assertEqual(status, 200, body)
        task_id = self.start("fail")
        advance(4 * IMPORT_STEP)
        self.assertEqual(self.task(task_id)["Status"], "deleting")
        advance(CANCEL_STEP)
        t = self.task(task_id)
        self.assertEqual((t["Status"], t["StatusMessage"]), ("deleted", "ClientError: No bootable partition"))
        self.assertNotIn("ImageId", t)


class CliImport(CliTestCase):
    cli_account = ACCOUNT_CLI

    def test_describe_import_image_tasks(self):
        ids = [ec2(ACCOUNT_CLI).import_image(DiskContainers=[{"Url": f"s3://py-import-bucket/cli-{RUN}-{i}.ova"}])["ImportTaskId"]
               for i in range(3)]
        one = self.cli_json("ec2", "describe-import-image-tasks", "--import-task-ids", ids[0])
        self.assertEqual([t["ImportTaskId"] for t in one["ImportImageTasks"]], [ids[0]])
        self.assertEqual(one["ImportImageTasks"][0]["SnapshotDetails"][0]["Format"], "OVA")
        # Two items a page: the CLI follows NextToken itself.
        listed = self.cli_json("ec2", "describe-import-image-tasks", "--page-size", "2",
                               "--filters", "Name=task-state,Values=active")
        self.assertTrue(set(ids) <= {t["ImportTaskId"] for t in listed["ImportImageTasks"]})
        first = self.cli_json("ec2", "describe-import-image-tasks", "--max-items", "1")
        self.assertEqual(len(first["ImportImageTasks"]), 1)
        self.assertIn("NextToken", first)


if __name__ == "__main__":
    unittest.main()
