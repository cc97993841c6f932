"""The public AMI lookups people copy from the AWS documentation ("Find an AMI using the AWS CLI", "Amazon Linux
2023 AMI naming", "AWS Windows AMI reference"), run through the AWS CLI and boto3 against Amazon's catalog: the
newest AMI of a name pattern by CreationDate, then a launch of it.

Runs against the imagelite at IMAGELITE_ENDPOINT. Acts as an account no other Python test uses.
"""
import re
import unittest

from imagelite_support import CliTestCase, client

ACCOUNT = "424242424242"


class CatalogLookups(CliTestCase):
    cli_account = ACCOUNT

    def test_cli_latest_al2023_by_creation_date(self):
        r = self.cli("ec2", "describe-images", "--owners", "amazon",
                     "--filters", "Name=name,Values=al2023-ami-2023.*-x86_64",
                     "--query", "sort_by(Images,&CreationDate)[-1].ImageId", "--output", "text")
        self.assertEqual(r.returncode, 0, r.stderr)
        image_id = r.stdout.strip()
        self.assertRegex(image_id, r"^ami-[0-9a-f]{17}$")
        ec2 = client("ec2", ACCOUNT)
        found = ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["al2023-ami-2023.*-x86_64"]}])
        images = found["Images"]
        self.assertGreaterEqual(len(images), 6)
        latest = max(images, key=lambda i: i["CreationDate"])
        self.assertEqual(latest["ImageId"], image_id)
        # The newest by CreationDate is of the latest release (2023.<minor>.<YYYYMMDD>.<n>).
        date = lambda i: re.match(r"al2023-ami-2023\.\d+\.(\d{8})\.\d+-kernel-", i["Name"]).group(1)
        self.assertEqual(date(latest), max(date(i) for i in images))
        run = ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, InstanceType="t3.micro")
        self.assertEqual(run["Instances"][0]["ImageId"], image_id)

    def test_boto3_windows_sql_standard(self):
        ec2 = client("ec2", ACCOUNT)
        images = ec2.describe_images(
            Owners=["amazon"], Filters=[{"Name": "name", "Values": ["Windows_Server-2019-English-Full-SQL_2019_Standard-*"]}])["Images"]
        latest = max(images, key=lambda i: i["CreationDate"])
        self.assertEqual(latest["Platform"], "windows")
        self.assertEqual(latest["PlatformDetails"], "Windows with SQL Server Standard")
        self.assertEqual(latest["UsageOperation"], "RunInstances:0006")


if __name__ == "__main__":
    unittest.main()
