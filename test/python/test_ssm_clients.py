"""Systems Manager Parameter Store through boto3 and the AWS CLI, against a running imagelite.

The server is shared by the whole run and never reset, so these tests use accounts no other test touches and
name their parameters with a prefix unique to the run.
"""
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import CliTestCase, client, own_snapshot

ACCOUNT = "727272727272"
ACCOUNT_CLI = "737373737373"
RUN = uuid.uuid4().hex[:8]
AL2023 = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"


class Boto3Parameters(unittest.TestCase):
    def setUp(self):
        self.ssm = client("ssm", ACCOUNT)
        self.ec2 = client("ec2", ACCOUNT)

    def assertClientError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code)
        return cm.exception

    def test_versions_labels_and_paths(self):
        base = f"/py{RUN}/app"
        self.assertEqual(self.ssm.put_parameter(Name=f"{base}/host", Value="db1", Type="String")["Version"], 1)
        self.assertClientError("ParameterAlreadyExists", self.ssm.put_parameter, Name=f"{base}/host", Value="db2", Type="String")
        self.assertEqual(self.ssm.put_parameter(Name=f"{base}/host", Value="db2", Overwrite=True)["Version"], 2)
        self.ssm.put_parameter(Name=f"{base}/secret", Value="hunter2", Type="SecureString")
        self.ssm.label_parameter_version(Name=f"{base}/host", ParameterVersion=1, Labels=["old"])

        self.assertEqual(self.ssm.get_parameter(Name=f"{base}/host")["Parameter"]["Value"], "db2")
        self.assertEqual(self.ssm.get_parameter(Name=f"{base}/host:old")["Parameter"]["Value"], "db1")
        self.assertNotEqual(self.ssm.get_parameter(Name=f"{base}/secret")["Parameter"]["Value"], "hunter2")
        self.assertEqual(self.ssm.get_parameter(Name=f"{base}/secret", WithDecryption=True)["Parameter"]["Value"], "hunter2")
        self.assertClientError("ParameterNotFound", self.ssm.get_parameter, Name=f"{base}/none")
        self.assertClientError("ParameterVersionNotFound", self.ssm.get_parameter, Name=f"{base}/host:9")

        pages = self.ssm.get_paginator("get_parameters_by_path").paginate(Path=base, Recursive=True, PaginationConfig={"PageSize": 1})
        self.assertEqual(sorted(p["Name"] for page in pages for p in page["Parameters"]), [f"{base}/host", f"{base}/secret"])
        history = self.ssm.get_parameter_history(Name=f"{base}/host")["Parameters"]
        self.assertEqual([(h["Version"], h["Labels"]) for h in history], [(1, ["old"]), (2, [])])
        described = self.ssm.describe_parameters(ParameterFilters=[{"Key": "Path", "Option": "Recursive", "Values": [base]}])
        self.assertEqual({p["Name"]: p["Type"] for p in described["Parameters"]}, {f"{base}/host": "String", f"{base}/secret": "SecureString"})

        deleted = self.ssm.delete_parameters(Names=[f"{base}/host", f"{base}/none"])
        self.assertEqual((deleted["DeletedParameters"], deleted["InvalidParameters"]), ([f"{base}/host"], [f"{base}/none"]))

    def test_allowed_pattern(self):
        name = f"/py{RUN}/pattern"
        # A nested quantifier that would backtrack for ever answers a mismatch at once, and the server goes on.
        e = self.assertClientError("ParameterPatternMismatchException", self.ssm.put_parameter, Name=name,
                                   Value="a" * 4000 + "!", Type="String", AllowedPattern="^(a+)+$")
        self.assertEqual(e.response["Error"]["Message"], "Parameter value, cannot be validated against allowedPattern: ^(a+)+$")
        self.assertEqual(self.ssm.put_parameter(Name=name, Value="aaa", Type="String", AllowedPattern="^(a+)+$")["Version"], 1)
        self.assertClientError("ParameterPatternMismatchException", self.ssm.put_parameter, Name=name, Value="a" * 30 + "!",
                               Overwrite=True)
        # The whole value must match: anchors are optional.
        digits = f"/py{RUN}/digits"
        self.assertEqual(self.ssm.put_parameter(Name=digits, Value="100", Type="String", AllowedPattern=r"\d{1,4}")["Version"], 1)
        self.assertClientError("ParameterPatternMismatchException", self.ssm.put_parameter, Name=digits, Value="10,000",
                               Overwrite=True)
        e = self.assertClientError("InvalidAllowedPatternException", self.ssm.put_parameter, Name=f"/py{RUN}/look",
                                   Value="a1", Type="String", AllowedPattern=r"^(?=.*\d).+$")
        self.assertIn("lookahead and lookbehind assertions are not supported", e.response["Error"]["Message"])
        self.assertEqual(self.ssm.get_parameter(Name=name)["Parameter"]["Value"], "aaa")

    def test_golden_image_parameter_launches(self):
        image = self.ec2.register_image(
            Name=f"py{RUN}-golden", Architecture="x86_64", VirtualizationType="hvm", RootDeviceName="/dev/xvda",
            BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": own_snapshot(self.ec2)}}])["ImageId"]
        name = f"/py{RUN}/golden/latest"
        self.ssm.put_parameter(Name=name, Value=image, Type="String", DataType="aws:ec2:image",
                               Tags=[{"Key": "pipeline", "Value": "linux"}])
        self.assertEqual(self.ssm.get_parameter(Name=name)["Parameter"]["DataType"], "aws:ec2:image")
        self.assertEqual(self.ssm.list_tags_for_resource(ResourceType="Parameter", ResourceId=name)["TagList"],
                         [{"Key": "pipeline", "Value": "linux"}])
        # An unknown AMI passes the call but fails the asynchronous validation: the parameter never appears.
        self.ssm.put_parameter(Name=f"{name}-bad", Value="ami-0123456789abcdef0", Type="String", DataType="aws:ec2:image")
        self.assertClientError("ParameterNotFound", self.ssm.get_parameter, Name=f"{name}-bad")
        self.assertClientError("ValidationException", self.ssm.put_parameter, Name=f"{name}-malformed", Value="ami-nope",
                               Type="String", DataType="aws:ec2:image")
        public = self.ssm.get_parameter(Name=AL2023)["Parameter"]["Value"]
        launched = self.ec2.run_instances(ImageId=f"resolve:ssm:{AL2023}", MinCount=1, MaxCount=1)
        self.assertEqual(launched["Instances"][0]["ImageId"], public)
        self.assertClientError("InvalidParameterValue", self.ec2.run_instances, ImageId=f"resolve:ssm:/py{RUN}/none", MinCount=1, MaxCount=1)


class CliPublicParameters(CliTestCase):
    cli_account = ACCOUNT_CLI

    def test_latest_amazon_linux_is_an_ami_describe_images_returns(self):
        r = self.cli("ssm", "get-parameter", "--name", AL2023, "--query", "Parameter.Value", "--output", "text")
        self.assertEqual(r.returncode, 0, r.stderr)
        ami = r.stdout.strip()
        self.assertRegex(ami, r"^ami-[0-9a-f]{17}$")
        images = self.cli_json("ec2", "describe-images", "--image-ids", ami)["Images"]
        self.assertEqual(len(images), 1)
        self.assertRegex(images[0]["Name"], r"^al2023-ami-2023\..*-kernel-6\.1-x86_64$")
        self.assertEqual(images[0]["ImageOwnerAlias"], "amazon")
        listed = self.cli_json("ssm", "get-parameters-by-path", "--path", "/aws/service/ami-amazon-linux-latest")
        self.assertIn(AL2023, [p["Name"] for p in listed["Parameters"]])


if __name__ == "__main__":
    unittest.main()
