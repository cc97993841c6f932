"""Amazon's public parameters and AWS base images through boto3 and the AWS CLI, against a running imagelite.

The ECS-optimized Windows AMI metadata documents ("Retrieving Amazon ECS-optimized Windows AMI metadata") read,
parsed and launched; the history of a public parameter; and the lookup of Terraform's data "aws_appstream_image"
(terraform-provider-aws, internal/service/appstream/image_data_source.go) replayed, then an image builder made
from what it found. The server is shared by the whole run and never reset, so these tests use accounts no other
test touches and name what they make with a prefix unique to the run.
"""
import json
import re
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import CliTestCase, advance, client

ACCOUNT = "818181818181"
ACCOUNT_CLI = "828282828282"
RUN = uuid.uuid4().hex[:8]
WINDOWS = "/aws/service/ami-windows-latest"
ECS_2022 = f"{WINDOWS}/Windows_Server-2022-English-Full-ECS_Optimized"
WIN2022 = f"{WINDOWS}/Windows_Server-2022-English-Full-Base"
FIELDS = ["schema_version", "image_name", "image_id", "os", "ecs_runtime_version", "ecs_agent_version"]
# Seconds each intermediate state lasts on the test server; advancing by more always moves one state on.
STEP = 11


def amazon_family(ec2, pattern):
    """Amazon's AMIs whose name matches `pattern`, oldest first."""
    images = ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": [pattern]}])["Images"]
    return sorted(images, key=lambda i: i["CreationDate"])


def terraform_appstream_image(appstream, name_regex, most_recent):
    """The data source's read: every page of DescribeImages, the names name_regex matches, the newest by CreatedTime."""
    images = [i for page in appstream.get_paginator("describe_images").paginate() for i in page["Images"]]
    pattern = re.compile(name_regex)
    matching = [i for i in images if i.get("Name") and pattern.search(i["Name"])]
    if not matching:
        raise AssertionError("Your query returned no results.")
    if len(matching) > 1 and not most_recent:
        raise AssertionError(f"Your query returned {len(matching)} results.")
    return sorted(matching, key=lambda i: i["CreatedTime"], reverse=True)[0]


class Boto3PublicParameters(unittest.TestCase):
    def setUp(self):
        self.ssm = client("ssm", ACCOUNT)
        self.ec2 = client("ec2", ACCOUNT)

    def test_ecs_optimized_document_is_read_parsed_and_launched(self):
        parameter = self.ssm.get_parameter(Name=ECS_2022)["Parameter"]
        self.assertEqual((parameter["Type"], parameter["DataType"]), ("String", "text"))
        doc = json.loads(parameter["Value"])
        self.assertEqual(list(doc), FIELDS)
        self.assertEqual(doc["schema_version"], 1)
        family = amazon_family(self.ec2, "Windows_Server-2022-English-Full-ECS_Optimized-*")
        self.assertEqual(doc["image_id"], family[-1]["ImageId"])
        self.assertEqual(self.ssm.get_parameter(Name=f"{ECS_2022}/image_id")["Parameter"]["Value"], doc["image_id"])
        fields = self.ssm.get_parameters(Names=[f"{ECS_2022}/{f}" for f in FIELDS])
        self.assertEqual(fields["InvalidParameters"], [])
        self.assertEqual({p["Name"].rsplit("/", 1)[1]: p["Value"] for p in fields["Parameters"]}, {f: str(doc[f]) for f in FIELDS})

        image = self.ec2.describe_images(ImageIds=[doc["image_id"]])["Images"][0]
        self.assertEqual((image["Name"], image["OwnerId"], image["ImageOwnerAlias"]), (doc["image_name"], "801119661308", "amazon"))
        run = self.ec2.run_instances(ImageId=doc["image_id"], InstanceType="m5.large", MinCount=1, MaxCount=1)
        instance_id = run["Instances"][0]["InstanceId"]
        described = self.ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]
        self.assertEqual((described["ImageId"], described["Platform"]), (doc["image_id"], "windows"))
        resolved = self.ec2.run_instances(ImageId=f"resolve:ssm:{ECS_2022}/image_id", InstanceType="m5.large", MinCount=1, MaxCount=1)
        self.assertEqual(resolved["Instances"][0]["ImageId"], doc["image_id"])

    def test_public_parameter_history(self):
        family = amazon_family(self.ec2, "Windows_Server-2022-English-Full-Base-*")
        pages = self.ssm.get_paginator("get_parameter_history").paginate(Name=WIN2022, PaginationConfig={"PageSize": 2})
        history = [h for page in pages for h in page["Parameters"]]
        self.assertEqual([(h["Version"], h["Value"]) for h in history], [(n + 1, i["ImageId"]) for n, i in enumerate(family)])
        self.assertEqual([h["LastModifiedDate"].strftime("%Y-%m-%dT%H:%M:%S") for h in history],
                         [i["CreationDate"][:19] for i in family])
        current = self.ssm.get_parameter(Name=WIN2022)["Parameter"]
        self.assertEqual((current["Version"], current["Value"]), (len(history), history[-1]["Value"]))
        self.assertEqual(self.ssm.get_parameter(Name=f"{WIN2022}:1")["Parameter"]["Value"], family[0]["ImageId"])
        with self.assertRaises(ClientError) as cm:
            self.ssm.get_parameter_history(Name=f"{WINDOWS}/Windows_Server-2012-English-Full-Base")
        self.assertEqual(cm.exception.response["Error"]["Code"], "ParameterNotFound")
        # DescribeParameters lists the account's own parameters only.
        self.assertEqual(self.ssm.describe_parameters()["Parameters"], [])


class Boto3AppStreamBaseImageLookup(unittest.TestCase):
    def test_terraform_lookup_then_image_builder(self):
        appstream = client("appstream", ACCOUNT)
        image = terraform_appstream_image(appstream, r"^AppStream-WinServer2022-\d{2}-\d{2}-\d{4}$", most_recent=True)
        public = [i for page in appstream.get_paginator("describe_images").paginate(Type="PUBLIC") for i in page["Images"]]
        line = [i for i in public if re.match(r"^AppStream-WinServer2022-", i["Name"])]
        self.assertGreater(len(line), 1)
        self.assertEqual(image["Name"], max(line, key=lambda i: i["CreatedTime"])["Name"])
        self.assertEqual((image["Platform"], image["Visibility"], image["LatestAppstreamAgentVersion"]),
                         ("WINDOWS_SERVER_2022", "PUBLIC", "TRUE"))
        with self.assertRaises(AssertionError):
            terraform_appstream_image(appstream, r"^AppStream-WinServer2022-", most_recent=False)

        name = f"py{RUN}-tf-builder"
        made = appstream.create_image_builder(Name=name, ImageArn=image["Arn"], InstanceType="stream.standard.medium")
        self.assertEqual(made["ImageBuilder"]["ImageArn"], image["Arn"])
        advance(STEP)
        builder = appstream.describe_image_builders(Names=[name])["ImageBuilders"][0]
        self.assertEqual((builder["State"], builder["AppstreamAgentVersion"]), ("RUNNING", image["AppstreamAgentVersion"]))


class CliPublicParameters(CliTestCase):
    cli_account = ACCOUNT_CLI

    def test_ecs_optimized_image_id_and_history(self):
        r = self.cli("ssm", "get-parameters", "--names", ECS_2022, "--query", "Parameters[0].Value", "--output", "text")
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        image = self.cli_json("ssm", "get-parameter", "--name", f"{ECS_2022}/image_id")["Parameter"]["Value"]
        self.assertEqual(image, doc["image_id"])
        images = self.cli_json("ec2", "describe-images", "--image-ids", image)["Images"]
        self.assertEqual(images[0]["Name"], doc["image_name"])
        history = self.cli_json("ssm", "get-parameter-history", "--name", ECS_2022)["Parameters"]
        self.assertEqual(json.loads(history[-1]["Value"]), doc)
        self.assertEqual([h["Version"] for h in history], list(range(1, len(history) + 1)))


if __name__ == "__main__":
    unittest.main()
