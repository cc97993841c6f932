"""The China and GovCloud (US) partitions through boto3: a client of cn-north-1 (or us-gov-west-1) is served, and
the ARNs and endpoints it reads name its partition (arn:aws-cn:..., ec2.cn-north-1.amazonaws.com.cn).
"""
import unittest

from botocore.exceptions import ClientError

from imagelite_support import client

ACCOUNT = "636363636363"
AL2023 = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
PARTITIONS = [("cn-north-1", "aws-cn", "amazonaws.com.cn"), ("us-gov-west-1", "aws-us-gov", "amazonaws.com")]


class Boto3Partitions(unittest.TestCase):
    def test_identity_parameters_and_regions(self):
        for region, partition, dns in PARTITIONS:
            with self.subTest(region=region):
                identity = client("sts", ACCOUNT, region=region).get_caller_identity()
                self.assertEqual(identity["Arn"], f"arn:{partition}:iam::{ACCOUNT}:root")
                parameter = client("ssm", ACCOUNT, region=region).get_parameter(Name=AL2023)["Parameter"]
                self.assertEqual(parameter["ARN"], f"arn:{partition}:ssm:{region}::parameter{AL2023}")
                ec2 = client("ec2", ACCOUNT, region=region)
                endpoints = {r["RegionName"]: r["Endpoint"] for r in ec2.describe_regions()["Regions"]}
                self.assertIn(region, endpoints)
                self.assertNotIn("us-east-1", endpoints)
                self.assertEqual(endpoints[region], f"ec2.{region}.{dns}")
                group = ec2.create_security_group(GroupName="partition-web", Description="web")["GroupId"]
                [described] = ec2.describe_security_groups(GroupIds=[group])["SecurityGroups"]
                self.assertEqual(described["SecurityGroupArn"], f"arn:{partition}:ec2:{region}:{ACCOUNT}:security-group/{group}")

    def test_copy_from_another_partition_is_refused(self):
        [image] = client("ec2", ACCOUNT).describe_images(Owners=["amazon"], MaxResults=5)["Images"][:1]
        with self.assertRaises(ClientError) as cm:
            client("ec2", ACCOUNT, region="cn-north-1").copy_image(
                Name="cross", SourceImageId=image["ImageId"], SourceRegion="us-east-1")
        self.assertEqual(cm.exception.response["Error"]["Code"], "InvalidRegion")


if __name__ == "__main__":
    unittest.main()
