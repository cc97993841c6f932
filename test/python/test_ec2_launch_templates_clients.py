"""EC2 launch templates through boto3 and the AWS CLI, against a running imagelite.

The server is shared by the whole run and never reset, so these tests use accounts no other test touches and
name their templates with a prefix unique to the run.
"""
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import CliTestCase, client

ACCOUNT = "515151515151"
ACCOUNT_CLI = "525252525252"
RUN = uuid.uuid4().hex[:8]

DATA = {
    "ImageId": "ami-0123456789abcdef0",
    "InstanceType": "t3.micro",
    "SecurityGroupIds": ["sg-0123456789abcdef0"],
    "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 20, "VolumeType": "gp3"}}],
    "TagSpecifications": [{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web"}]}],
    "MetadataOptions": {"HttpTokens": "required"},
}


class Boto3LaunchTemplates(unittest.TestCase):
    def setUp(self):
        self.ec2 = client("ec2", ACCOUNT)

    def assertClientError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code)
        return cm.exception

    def test_create_version_describe(self):
        name = f"py{RUN}-web"
        created = self.ec2.create_launch_template(
            LaunchTemplateName=name, LaunchTemplateData=DATA, VersionDescription="first",
            TagSpecifications=[{"ResourceType": "launch-template", "Tags": [{"Key": "team", "Value": "blue"}]}])
        template = created["LaunchTemplate"]
        template_id = template["LaunchTemplateId"]
        self.assertRegex(template_id, r"^lt-[0-9a-f]{17}$")
        self.assertEqual(template["CreatedBy"], f"arn:aws:iam::{ACCOUNT}:root")
        self.assertEqual((template["DefaultVersionNumber"], template["LatestVersionNumber"]), (1, 1))
        self.assertEqual(template["Tags"], [{"Key": "team", "Value": "blue"}])

        version = self.ec2.create_launch_template_version(
            LaunchTemplateName=name, SourceVersion="1", LaunchTemplateData={"InstanceType": "m5.large"},
            VersionDescription="bigger")["LaunchTemplateVersion"]
        self.assertEqual(version["VersionNumber"], 2)
        self.assertEqual(version["LaunchTemplateData"], {**DATA, "InstanceType": "m5.large"})

        latest = self.ec2.describe_launch_template_versions(LaunchTemplateId=template_id, Versions=["$Latest"])
        self.assertEqual([v["VersionNumber"] for v in latest["LaunchTemplateVersions"]], [2])
        default = self.ec2.describe_launch_template_versions(LaunchTemplateName=name, Versions=["$Default"])
        self.assertEqual(default["LaunchTemplateVersions"][0]["LaunchTemplateData"], DATA)
        self.assertTrue(default["LaunchTemplateVersions"][0]["DefaultVersion"])

        self.ec2.modify_launch_template(LaunchTemplateId=template_id, DefaultVersion="2")
        listed = self.ec2.describe_launch_templates(LaunchTemplateNames=[name])["LaunchTemplates"]
        self.assertEqual([(t["LaunchTemplateId"], t["DefaultVersionNumber"]) for t in listed], [(template_id, 2)])

        # botocore's paginator walks the versions, newest first.
        pages = self.ec2.get_paginator("describe_launch_template_versions").paginate(
            LaunchTemplateId=template_id, PaginationConfig={"PageSize": 1})
        self.assertEqual([v["VersionNumber"] for p in pages for v in p["LaunchTemplateVersions"]], [2, 1])

        deleted = self.ec2.delete_launch_template_versions(LaunchTemplateId=template_id, Versions=["1", "2"])
        self.assertEqual([v["VersionNumber"] for v in deleted["SuccessfullyDeletedLaunchTemplateVersions"]], [1])
        failed = deleted["UnsuccessfullyDeletedLaunchTemplateVersions"]
        self.assertEqual([(v["VersionNumber"], v["ResponseError"]["Code"]) for v in failed], [(2, "unexpectedError")])

        self.ec2.delete_launch_template(LaunchTemplateName=name)
        self.assertClientError("InvalidLaunchTemplateName.NotFoundException",
                               self.ec2.describe_launch_template_versions, LaunchTemplateName=name)

    def test_errors(self):
        name = f"py{RUN}-dup"
        self.ec2.create_launch_template(LaunchTemplateName=name, LaunchTemplateData={"InstanceType": "t3.micro"})
        self.assertClientError("InvalidLaunchTemplateName.AlreadyExistsException", self.ec2.create_launch_template,
                               LaunchTemplateName=name, LaunchTemplateData={"InstanceType": "t3.micro"})
        self.assertClientError("InvalidLaunchTemplateId.Malformed",
                               self.ec2.describe_launch_templates, LaunchTemplateIds=["lt-bad"])
        self.assertClientError("InvalidLaunchTemplateId.NotFound",
                               self.ec2.describe_launch_templates, LaunchTemplateIds=["lt-0123456789abcdef0"])
        self.assertClientError("InvalidLaunchTemplateId.VersionNotFound", self.ec2.describe_launch_template_versions,
                               LaunchTemplateName=name, Versions=["5"])


class CliLaunchTemplates(CliTestCase):
    cli_account = ACCOUNT_CLI

    def test_create_version_describe(self):
        name = f"cli{RUN}-app"
        created = self.cli_json("ec2", "create-launch-template", "--launch-template-name", name,
                                "--launch-template-data", '{"ImageId":"ami-0123456789abcdef0","InstanceType":"t3.micro"}')
        template_id = created["LaunchTemplate"]["LaunchTemplateId"]
        self.cli_json("ec2", "create-launch-template-version", "--launch-template-id", template_id,
                      "--source-version", "1", "--launch-template-data", '{"InstanceType":"t3.large"}')
        versions = self.cli_json("ec2", "describe-launch-template-versions", "--launch-template-id", template_id)
        self.assertEqual([(v["VersionNumber"], v["LaunchTemplateData"]["InstanceType"], v["LaunchTemplateData"]["ImageId"])
                          for v in versions["LaunchTemplateVersions"]],
                         [(2, "t3.large", "ami-0123456789abcdef0"), (1, "t3.micro", "ami-0123456789abcdef0")])
        missing = self.cli("ec2", "describe-launch-templates", "--launch-template-names", f"cli{RUN}-missing")
        self.assertNotEqual(missing.returncode, 0)
        self.assertIn("InvalidLaunchTemplateName.NotFoundException", missing.stderr)


if __name__ == "__main__":
    unittest.main()
