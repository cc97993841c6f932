"""Instance types, their offerings and Spot prices through boto3 and the AWS CLI, against a running imagelite.

boto3's paginators walk DescribeInstanceTypes and DescribeSpotPriceHistory page by page; the AWS CLI asks as
scripts do (a --query on one type, the price history of one type since a given time).
"""
import datetime
import unittest

from botocore.exceptions import ClientError

from imagelite_support import CliTestCase, client

ACCOUNT = "414141414141"
ACCOUNT_CLI = "424242424242"


def ec2(region="us-east-1"):
    return client("ec2", ACCOUNT, region=region)


class Boto3InstanceTypes(unittest.TestCase):
    def test_paginator_walks_the_whole_catalog(self):
        pages = list(ec2().get_paginator("describe_instance_types").paginate(PaginationConfig={"PageSize": 20}))
        names = [t["InstanceType"] for page in pages for t in page["InstanceTypes"]]
        self.assertEqual(len(names), 129)
        self.assertEqual(len(set(names)), 129)
        self.assertEqual(len(pages), 7)
        self.assertIn("t4g.nano", names)

    def test_one_type_and_filters(self):
        [t] = ec2().describe_instance_types(InstanceTypes=["c7g.large"])["InstanceTypes"]
        self.assertEqual(t["VCpuInfo"]["DefaultVCpus"], 2)
        self.assertEqual(t["MemoryInfo"]["SizeInMiB"], 4096)
        self.assertEqual(t["ProcessorInfo"]["SupportedArchitectures"], ["arm64"])
        self.assertEqual(t["SupportedBootModes"], ["uefi"])
        micro = ec2().describe_instance_types(Filters=[{"Name": "instance-type", "Values": ["*.micro"]},
                                                       {"Name": "processor-info.supported-architecture", "Values": ["x86_64"]}])
        self.assertEqual(sorted(t["InstanceType"] for t in micro["InstanceTypes"]), ["t2.micro", "t3.micro", "t3a.micro"])
        with self.assertRaises(ClientError) as e:
            ec2().describe_instance_types(InstanceTypes=["p5.48xlarge"])
        self.assertEqual(e.exception.response["Error"]["Code"], "InvalidInstanceType")

    def test_offerings_in_a_zone(self):
        r = ec2("eu-west-1").describe_instance_type_offerings(
            LocationType="availability-zone", Filters=[{"Name": "location", "Values": ["eu-west-1c"]},
                                                       {"Name": "instance-type", "Values": ["m7i.*"]}])
        self.assertEqual(len(r["InstanceTypeOfferings"]), 11)
        self.assertTrue(all(o["Location"] == "eu-west-1c" for o in r["InstanceTypeOfferings"]))

    def test_spot_price_history_pages(self):
        pages = ec2().get_paginator("describe_spot_price_history").paginate(
            InstanceTypes=["m7g.large", "m7g.xlarge"], PaginationConfig={"PageSize": 10})
        prices = [p for page in pages for p in page["SpotPriceHistory"]]
        # Two types × six zones × six product descriptions (no Windows on Graviton), the current price of each.
        self.assertEqual(len(prices), 72)
        self.assertTrue(all(isinstance(p["Timestamp"], datetime.datetime) and float(p["SpotPrice"]) > 0 for p in prices))


class CliInstanceTypes(CliTestCase):
    cli_account = ACCOUNT_CLI

    def test_describe_instance_types_query(self):
        r = self.cli("ec2", "describe-instance-types", "--instance-types", "t3.micro", "--query",
                     "InstanceTypes[0].[VCpuInfo.DefaultVCpus, MemoryInfo.SizeInMiB, Hypervisor, FreeTierEligible]")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split(), ["[", "2,", "1024,", '"nitro",', "true", "]"])

    def test_spot_price_history_since(self):
        r = self.cli_json("ec2", "describe-spot-price-history", "--instance-types", "t3.small",
                          "--product-descriptions", "Linux/UNIX", "--start-time", "2026-11-23T10:00:00Z")
        zones = sorted({p["AvailabilityZone"] for p in r["SpotPriceHistory"]})
        self.assertEqual(zones, [f"us-east-1{z}" for z in "abcdef"])


if __name__ == "__main__":
    unittest.main()
