"""Internet gateways, route tables, network ACLs, Elastic IPs and account attributes through boto3 and the AWS CLI.

boto3 builds a public route table in the default VPC as scripts do (the default VPC's gateway found by its
attachment, a table, a route, an association), allocates and tags an Elastic IP and associates it with an
instance; the AWS CLI allocates and releases an address, lists ACLs and reads the account's attributes.

Runs against the imagelite at IMAGELITE_ENDPOINT (a manual clock). Each class acts as its own account.
"""
import unittest

from botocore.exceptions import ClientError

from imagelite_support import CliTestCase, advance, client, own_snapshot

ROUTING = "616161616161"
ADDRESSES = "626262626262"
CLI_ACCOUNT = "636363636363"


def default_vpc(ec2):
    return ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"][0]["VpcId"]


class Boto3Routing(unittest.TestCase):
    def test_public_route_table_in_the_default_vpc(self):
        ec2 = client("ec2", ROUTING)
        vpc = default_vpc(ec2)
        [igw] = ec2.describe_internet_gateways(Filters=[{"Name": "attachment.vpc-id", "Values": [vpc]}])["InternetGateways"]
        self.assertEqual(igw["Attachments"], [{"State": "available", "VpcId": vpc}])

        [main] = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc]},
                                                    {"Name": "association.main", "Values": ["true"]}])["RouteTables"]
        self.assertEqual([(r["DestinationCidrBlock"], r["GatewayId"]) for r in main["Routes"]],
                         [("172.31.0.0/16", "local"), ("0.0.0.0/0", igw["InternetGatewayId"])])

        table = ec2.create_route_table(VpcId=vpc, TagSpecifications=[
            {"ResourceType": "route-table", "Tags": [{"Key": "Name", "Value": "py-public"}]}])["RouteTable"]
        table_id = table["RouteTableId"]
        self.assertTrue(ec2.create_route(RouteTableId=table_id, DestinationCidrBlock="0.0.0.0/0",
                                         GatewayId=igw["InternetGatewayId"])["Return"])
        subnet = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"][0]["SubnetId"]
        assoc = ec2.associate_route_table(RouteTableId=table_id, SubnetId=subnet)
        self.assertEqual(assoc["AssociationState"], {"State": "associated"})

        [found] = ec2.describe_route_tables(Filters=[{"Name": "association.subnet-id", "Values": [subnet]}])["RouteTables"]
        self.assertEqual(found["RouteTableId"], table_id)
        self.assertEqual(found["Tags"], [{"Key": "Name", "Value": "py-public"}])
        self.assertEqual(found["Routes"][1]["State"], "active")

        with self.assertRaises(ClientError) as e:
            ec2.delete_route_table(RouteTableId=table_id)
        self.assertEqual(e.exception.response["Error"]["Code"], "DependencyViolation")
        ec2.disassociate_route_table(AssociationId=assoc["AssociationId"])
        ec2.delete_route_table(RouteTableId=table_id)
        with self.assertRaises(ClientError) as e:
            ec2.describe_route_tables(RouteTableIds=[table_id])
        self.assertEqual(e.exception.response["Error"]["Code"], "InvalidRouteTableID.NotFound")

    def test_gateway_lifecycle_and_network_acls(self):
        ec2 = client("ec2", ROUTING)
        gw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
        with self.assertRaises(ClientError) as e:
            ec2.attach_internet_gateway(InternetGatewayId=gw, VpcId=default_vpc(ec2))
        self.assertEqual(e.exception.response["Error"]["Code"], "Resource.AlreadyAssociated")
        ec2.delete_internet_gateway(InternetGatewayId=gw)
        with self.assertRaises(ClientError) as e:
            ec2.describe_internet_gateways(InternetGatewayIds=[gw])
        self.assertEqual(e.exception.response["Error"]["Code"], "InvalidInternetGatewayID.NotFound")

        [acl] = ec2.describe_network_acls(Filters=[{"Name": "default", "Values": ["true"]}])["NetworkAcls"]
        self.assertEqual(len(acl["Associations"]), 6)
        self.assertEqual([(e["RuleNumber"], e["RuleAction"]) for e in acl["Entries"] if not e["Egress"]],
                         [(100, "allow"), (32767, "deny")])


class Boto3Addresses(unittest.TestCase):
    def test_allocate_associate_release(self):
        ec2 = client("ec2", ADDRESSES)
        snapshot = own_snapshot(ec2)
        image = ec2.register_image(Name="py-eip", Architecture="x86_64", VirtualizationType="hvm", RootDeviceName="/dev/xvda",
                                   BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": snapshot}}])["ImageId"]
        advance(60)
        instance = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro")["Instances"][0]["InstanceId"]
        advance(60)

        address = ec2.allocate_address(Domain="vpc", TagSpecifications=[
            {"ResourceType": "elastic-ip", "Tags": [{"Key": "Name", "Value": "py-eip"}]}])
        self.assertEqual(address["Domain"], "vpc")
        association = ec2.associate_address(AllocationId=address["AllocationId"], InstanceId=instance)["AssociationId"]
        [seen] = ec2.describe_addresses(Filters=[{"Name": "tag:Name", "Values": ["py-eip"]}])["Addresses"]
        self.assertEqual((seen["PublicIp"], seen["InstanceId"], seen["AssociationId"]),
                         (address["PublicIp"], instance, association))
        with self.assertRaises(ClientError) as e:
            ec2.release_address(AllocationId=address["AllocationId"])
        self.assertEqual(e.exception.response["Error"]["Code"], "InvalidIPAddress.InUse")
        ec2.disassociate_address(AssociationId=association)
        ec2.release_address(AllocationId=address["AllocationId"])
        self.assertEqual(ec2.describe_addresses()["Addresses"], [])


class CliAddresses(CliTestCase):
    cli_account = CLI_ACCOUNT

    def test_allocate_describe_release(self):
        allocated = self.cli_json("ec2", "allocate-address", "--domain", "vpc")
        listed = self.cli_json("ec2", "describe-addresses", "--allocation-ids", allocated["AllocationId"])
        self.assertEqual(listed["Addresses"][0]["PublicIp"], allocated["PublicIp"])
        self.cli_json("ec2", "release-address", "--allocation-id", allocated["AllocationId"])
        r = self.cli("ec2", "release-address", "--allocation-id", allocated["AllocationId"])
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("InvalidAllocationID.NotFound", r.stderr)

    def test_account_attributes_and_tables(self):
        attrs = self.cli_json("ec2", "describe-account-attributes", "--attribute-names", "default-vpc")
        vpc = attrs["AccountAttributes"][0]["AttributeValues"][0]["AttributeValue"]
        self.assertRegex(vpc, r"^vpc-")
        every = self.cli_json("ec2", "describe-account-attributes")
        names = sorted(a["AttributeName"] for a in every["AccountAttributes"])
        self.assertEqual(names, ["default-vpc", "max-elastic-ips", "max-instances", "supported-platforms",
                                 "vpc-max-elastic-ips", "vpc-max-security-groups-per-interface"])
        r = self.cli("ec2", "describe-route-tables", "--filters", f"Name=vpc-id,Values={vpc}", "--query",
                     "RouteTables[0].Routes[].GatewayId", "--output", "text")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout.strip(), r"^local\s+igw-[0-9a-f]+$")
        acls = self.cli_json("ec2", "describe-network-acls", "--filters", f"Name=vpc-id,Values={vpc}")
        self.assertTrue(acls["NetworkAcls"][0]["IsDefault"])


if __name__ == "__main__":
    unittest.main()
