"""EC2's On-Demand quotas and user data limits through boto3 and the AWS CLI: a launch of a billion instances is
refused with VcpuLimitExceeded and makes nothing; a quota lowered through /_imagelite/quotas refuses the launch
it cannot hold, and a launch template's user data and RunInstances' user data are held to 16 KB and base64.

Runs against the imagelite at IMAGELITE_ENDPOINT (a manual clock, 10-second transitions). Acts as accounts no
other Python test uses.
"""
import base64
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import REGION, CliTestCase, admin, advance, client, own_snapshot

OWNER = "141414141414"
LIMITED = "151515151515"
CLI_ACCOUNT = "161616161616"
RUN = uuid.uuid4().hex[:8]


def register(ec2, label):
    image_id = ec2.register_image(
        Name=f"py{RUN}-{label}", Architecture="x86_64", VirtualizationType="hvm", RootDeviceName="/dev/xvda",
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": own_snapshot(ec2), "VolumeSize": 8}}],
    )["ImageId"]
    advance(60)
    return image_id


def instance_count(ec2):
    return sum(len(r["Instances"]) for r in ec2.describe_instances()["Reservations"])


class Boto3Quotas(unittest.TestCase):
    def test_a_billion_instances_are_refused_and_nothing_is_made(self):
        ec2 = client("ec2", OWNER)
        image_id = register(ec2, "billion")
        with self.assertRaises(ClientError) as cm:
            ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1_000_000_000)
        error = cm.exception.response["Error"]
        self.assertEqual(error["Code"], "VcpuLimitExceeded")
        self.assertIn("current vCPU limit of 1152", error["Message"])
        self.assertEqual(instance_count(ec2), 0)

    def test_a_lowered_quota_refuses_the_launch_it_cannot_hold(self):
        ec2 = client("ec2", LIMITED)
        image_id = register(ec2, "limited")
        status, body = admin("POST", "/_imagelite/quotas",
                             {"accountId": LIMITED, "region": REGION, "quotas": {"L-1216C47A": 4}})
        self.assertEqual(status, 200, body)
        try:
            launched = ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=2, InstanceType="m5.large")
            self.assertEqual(len(launched["Instances"]), 2)
            with self.assertRaises(ClientError) as cm:
                ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, InstanceType="m5.large")
            self.assertEqual(cm.exception.response["Error"]["Code"], "VcpuLimitExceeded")
            status, body = admin("GET", f"/_imagelite/quotas?accountId={LIMITED}&region={REGION}")
            [standard] = [q for q in body["quotas"] if q["code"] == "L-1216C47A"]
            self.assertEqual((standard["value"], standard["usage"]), (4, 4))
        finally:
            admin("DELETE", f"/_imagelite/quotas?accountId={LIMITED}&region={REGION}")

    def test_user_data_over_16_kb_is_refused(self):
        ec2 = client("ec2", OWNER)
        image_id = register(ec2, "userdata")
        # boto3 base64-encodes run_instances' user data: the limit is on the raw bytes.
        with self.assertRaises(ClientError) as cm:
            ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, UserData="x" * 16385)
        self.assertEqual(cm.exception.response["Error"]["Code"], "InvalidParameterValue")
        self.assertEqual(cm.exception.response["Error"]["Message"], "User data is limited to 16384 bytes")
        with self.assertRaises(ClientError) as cm:
            ec2.create_launch_template(LaunchTemplateName=f"py{RUN}-bad",
                                       LaunchTemplateData={"UserData": "not base64!"})
        self.assertEqual(cm.exception.response["Error"]["Code"], "InvalidUserData.Malformed")
        launched = ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, UserData="x" * 16384)
        self.assertEqual(len(launched["Instances"]), 1)


class CliQuotas(CliTestCase):
    cli_account = CLI_ACCOUNT

    def test_run_instances_over_the_quota_fails_with_its_code(self):
        image_id = register(client("ec2", CLI_ACCOUNT), "cli")
        r = self.cli("ec2", "run-instances", "--image-id", image_id, "--count", "1000000000")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("VcpuLimitExceeded", r.stderr)
        encoded = base64.b64encode(b"y" * 16385).decode()
        r = self.cli("ec2", "create-launch-template", "--launch-template-name", f"cli{RUN}",
                     "--launch-template-data", f'{{"UserData": "{encoded}"}}')
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("User data is limited to 16384 bytes", r.stderr)
        self.assertEqual(instance_count(client("ec2", CLI_ACCOUNT)), 0)


if __name__ == "__main__":
    unittest.main()
