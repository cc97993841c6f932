"""The account's network (VPCs, subnets, security groups and their rules) and key pairs through boto3 and the AWS
CLI, against a running imagelite.

The server is shared by the whole run and never reset, so these tests use accounts no other test touches and
name what they make with a prefix unique to the run. Key material is checked with the standard library only:
the RSA PEM is read as PKCS#1 DER and its primes multiply to its modulus.
"""
import base64
import hashlib
import struct
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import CliTestCase, advance, client

ACCOUNT = "313131313131"
ACCOUNT_CLI = "323232323232"
# VPCs are few per Region (five): the VPC tests have accounts of their own.
ACCOUNT_VPC = "333131313131"
ACCOUNT_VPC_CLI = "343131313131"
RUN = uuid.uuid4().hex[:8]


def ec2(account=ACCOUNT, region="us-east-1"):
    return client("ec2", account, region=region)


def der_integers(der):
    """The INTEGERs of a DER SEQUENCE of INTEGERs (PKCS#1 RSAPrivateKey)."""
    def length(at):
        first = der[at]
        if first < 0x80:
            return first, at + 1
        n = first & 0x7F
        return int.from_bytes(der[at + 1:at + 1 + n], "big"), at + 1 + n
    assert der[0] == 0x30, "not a DER SEQUENCE"
    _, at = length(1)
    out = []
    while at < len(der):
        assert der[at] == 0x02, "not an INTEGER"
        size, at = length(at + 1)
        out.append(int.from_bytes(der[at:at + size], "big"))
        at += size
    return out


def check_rsa_pem(test, pem):
    lines = pem.strip().splitlines()
    test.assertEqual(lines[0], "-----BEGIN RSA PRIVATE KEY-----")
    test.assertEqual(lines[-1], "-----END RSA PRIVATE KEY-----")
    version, n, e, d, p, q, *_ = der_integers(base64.b64decode("".join(lines[1:-1])))
    test.assertEqual(version, 0)
    test.assertEqual(e, 65537)
    test.assertEqual(n.bit_length(), 2048)
    test.assertEqual(p * q, n)
    test.assertEqual(pow(pow(42, e, n), d, n), 42)


def openssh_public_blob(material):
    """The public key blob of an OpenSSH private key file (openssh-key-v1, unencrypted)."""
    body = base64.b64decode("".join(material.strip().splitlines()[1:-1]))
    assert body.startswith(b"openssh-key-v1\0")
    at = 15

    def string():
        nonlocal at
        (size,) = struct.unpack(">I", body[at:at + 4])
        at += 4 + size
        return body[at - size:at]
    string(), string(), string()  # cipher, kdf, kdf options
    at += 4  # number of keys
    return string()


class Boto3Network(unittest.TestCase):
    def assertClientError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code)
        return cm.exception

    def test_default_vpc_subnets_and_group(self):
        c = ec2()
        [vpc] = c.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
        self.assertEqual(vpc["CidrBlock"], "172.31.0.0/16")
        self.assertTrue(vpc["IsDefault"])
        self.assertEqual(c.describe_vpcs()["Vpcs"][0]["VpcId"], vpc["VpcId"])
        zones = c.describe_availability_zones()["AvailabilityZones"]
        subnets = c.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]},
                                              {"Name": "default-for-az", "Values": ["true"]}])["Subnets"]
        self.assertEqual(sorted(s["AvailabilityZone"] for s in subnets), sorted(z["ZoneName"] for z in zones))
        self.assertTrue(all(s["MapPublicIpOnLaunch"] and s["CidrBlock"].endswith("/20") for s in subnets))
        [group] = c.describe_security_groups(GroupNames=["default"])["SecurityGroups"]
        self.assertEqual(group["VpcId"], vpc["VpcId"])
        self.assertClientError("CannotDelete", c.delete_security_group, GroupId=group["GroupId"])
        self.assertClientError("InvalidVpcID.NotFound", c.describe_vpcs, VpcIds=["vpc-0123456789abcdef0"])
        regions = {r["RegionName"]: r for r in c.describe_regions()["Regions"]}
        self.assertEqual(regions["eu-west-1"]["Endpoint"], "ec2.eu-west-1.amazonaws.com")

    def test_security_group_rules(self):
        c = ec2()
        name = f"py{RUN}-packer"
        created = c.create_security_group(GroupName=name, Description="temporary packer group")
        gid = created["GroupId"]
        rules = c.authorize_security_group_ingress(
            GroupId=gid, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
                                         "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])["SecurityGroupRules"]
        self.assertTrue(rules[0]["SecurityGroupRuleId"].startswith("sgr-"))
        self.assertClientError("InvalidPermission.Duplicate", c.authorize_security_group_ingress, GroupId=gid,
                               IpProtocol="tcp", FromPort=22, ToPort=22, CidrIp="0.0.0.0/0")
        self.assertClientError("InvalidGroup.Duplicate", c.create_security_group, GroupName=name, Description="again")
        [group] = c.describe_security_groups(GroupIds=[gid])["SecurityGroups"]
        self.assertEqual(group["IpPermissions"][0]["FromPort"], 22)
        self.assertEqual(group["IpPermissionsEgress"][0]["IpProtocol"], "-1")
        c.delete_security_group(GroupId=gid)
        self.assertClientError("InvalidGroup.NotFound", c.describe_security_groups, GroupIds=[gid])

    def test_vpc_and_subnet_lifecycle(self):
        c = ec2(ACCOUNT_VPC)
        vpc = c.create_vpc(CidrBlock="10.40.0.0/16", TagSpecifications=[
            {"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": f"py{RUN}"}]}])["Vpc"]
        vid = vpc["VpcId"]
        self.assertEqual(vpc["State"], "pending")
        advance(60)
        c.get_waiter("vpc_available").wait(VpcIds=[vid], WaiterConfig={"Delay": 1, "MaxAttempts": 3})
        [found] = c.describe_vpcs(Filters=[{"Name": "cidr-block", "Values": ["10.40.0.0/16"]},
                                           {"Name": "tag:Name", "Values": [f"py{RUN}"]}])["Vpcs"]
        self.assertEqual(found["VpcId"], vid)
        self.assertEqual(c.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"][0]["CidrBlock"],
                         "172.31.0.0/16")
        self.assertFalse(c.describe_vpc_attribute(VpcId=vid, Attribute="enableDnsHostnames")["EnableDnsHostnames"]["Value"])
        c.modify_vpc_attribute(VpcId=vid, EnableDnsHostnames={"Value": True})
        self.assertTrue(c.describe_vpc_attribute(VpcId=vid, Attribute="enableDnsHostnames")["EnableDnsHostnames"]["Value"])
        self.assertClientError("InvalidVpc.Range", c.create_vpc, CidrBlock="10.0.0.0/8")

        subnet = c.create_subnet(VpcId=vid, CidrBlock="10.40.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]
        sid = subnet["SubnetId"]
        self.assertEqual(subnet["AvailableIpAddressCount"], 251)
        c.get_waiter("subnet_available").wait(SubnetIds=[sid], WaiterConfig={"Delay": 1, "MaxAttempts": 3})
        self.assertClientError("InvalidSubnet.Conflict", c.create_subnet, VpcId=vid, CidrBlock="10.40.1.128/25")
        self.assertClientError("InvalidSubnet.Range", c.create_subnet, VpcId=vid, CidrBlock="10.41.0.0/24")
        c.modify_subnet_attribute(SubnetId=sid, MapPublicIpOnLaunch={"Value": True})
        [read] = c.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vid]}])["Subnets"]
        self.assertTrue(read["MapPublicIpOnLaunch"])
        self.assertClientError("DependencyViolation", c.delete_vpc, VpcId=vid)
        c.delete_subnet(SubnetId=sid)
        c.delete_vpc(VpcId=vid)
        self.assertClientError("InvalidVpcID.NotFound", c.describe_vpcs, VpcIds=[vid])
        self.assertClientError("DefaultVpcAlreadyExists", c.create_default_vpc)

    def test_egress_rules_revoked_and_described_by_id(self):
        c = ec2()
        gid = c.create_security_group(GroupName=f"py{RUN}-egress", Description="egress rules")["GroupId"]
        revoked = c.revoke_security_group_egress(GroupId=gid, IpPermissions=[
            {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
        self.assertTrue(revoked["Return"])
        self.assertEqual(c.describe_security_groups(GroupIds=[gid])["SecurityGroups"][0]["IpPermissionsEgress"], [])
        added = c.authorize_security_group_egress(GroupId=gid, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
            TagSpecifications=[{"ResourceType": "security-group-rule", "Tags": [{"Key": "Name", "Value": "https"}]}])
        rid = added["SecurityGroupRules"][0]["SecurityGroupRuleId"]
        [rule] = c.describe_security_group_rules(Filters=[{"Name": "tag:Name", "Values": ["https"]},
                                                          {"Name": "group-id", "Values": [gid]}])["SecurityGroupRules"]
        self.assertEqual((rule["SecurityGroupRuleId"], rule["IsEgress"], rule["FromPort"]), (rid, True, 443))
        c.modify_security_group_rules(GroupId=gid, SecurityGroupRules=[{"SecurityGroupRuleId": rid, "SecurityGroupRule": {
            "IpProtocol": "tcp", "FromPort": 8443, "ToPort": 8443, "CidrIpv4": "10.0.0.0/8"}}])
        [rule] = c.describe_security_group_rules(SecurityGroupRuleIds=[rid])["SecurityGroupRules"]
        self.assertEqual((rule["FromPort"], rule["CidrIpv4"]), (8443, "10.0.0.0/8"))
        c.revoke_security_group_egress(GroupId=gid, SecurityGroupRuleIds=[rid])
        self.assertClientError("InvalidSecurityGroupRuleId.NotFound", c.describe_security_group_rules, SecurityGroupRuleIds=[rid])
        self.assertClientError("InvalidPermission.NotFound", c.revoke_security_group_ingress, GroupId=gid, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
        c.delete_security_group(GroupId=gid)

    def test_key_pairs(self):
        c = ec2()
        name = f"py{RUN}-rsa"
        created = c.create_key_pair(KeyName=name)
        check_rsa_pem(self, created["KeyMaterial"])
        self.assertRegex(created["KeyFingerprint"], r"^([0-9a-f]{2}:){19}[0-9a-f]{2}$")
        self.assertClientError("InvalidKeyPair.Duplicate", c.create_key_pair, KeyName=name)
        ed = c.create_key_pair(KeyName=f"py{RUN}-ed", KeyType="ed25519")
        blob = openssh_public_blob(ed["KeyMaterial"])
        self.assertEqual(ed["KeyFingerprint"], base64.b64encode(hashlib.sha256(blob).digest()).decode())
        # The same public key imported into another Region: the same ED25519 fingerprint there.
        west = ec2(region="eu-west-1")
        imported = west.import_key_pair(KeyName=f"py{RUN}-ed", PublicKeyMaterial=b"ssh-ed25519 " + base64.b64encode(blob))
        self.assertEqual(imported["KeyFingerprint"], ed["KeyFingerprint"])
        [info] = c.describe_key_pairs(KeyNames=[name], IncludePublicKey=True)["KeyPairs"]
        self.assertTrue(info["PublicKey"].startswith("ssh-rsa AAAA"))
        self.assertClientError("InvalidKey.Format", west.import_key_pair, KeyName=f"py{RUN}-bad", PublicKeyMaterial=b"nope")
        self.assertClientError("InvalidKeyPair.NotFound", c.describe_key_pairs, KeyNames=[f"py{RUN}-missing"])
        self.assertTrue(c.delete_key_pair(KeyName=name)["Return"])
        self.assertTrue(c.delete_key_pair(KeyName=name)["Return"])
        self.assertClientError("InvalidKeyPair.NotFound", c.describe_key_pairs, KeyNames=[name])


class CliNetwork(CliTestCase):
    cli_account = ACCOUNT_CLI

    def test_describe_vpcs_shows_the_default_vpc(self):
        vpcs = self.cli_json("ec2", "describe-vpcs")["Vpcs"]
        self.assertEqual([(v["CidrBlock"], v["IsDefault"]) for v in vpcs], [("172.31.0.0/16", True)])
        subnets = self.cli_json("ec2", "describe-subnets", "--filters", "Name=default-for-az,Values=true")["Subnets"]
        self.assertEqual(len(subnets), 6)

    def test_vpc_subnet_and_attributes(self):
        account = ACCOUNT_VPC_CLI
        vid = self.cli_json("ec2", "create-vpc", "--cidr-block", "10.50.0.0/16", account=account)["Vpc"]["VpcId"]
        r = self.cli("ec2", "modify-vpc-attribute", "--vpc-id", vid, "--enable-dns-hostnames", "{\"Value\":true}", account=account)
        self.assertEqual(r.returncode, 0, r.stderr)
        attr = self.cli_json("ec2", "describe-vpc-attribute", "--vpc-id", vid, "--attribute", "enableDnsHostnames", account=account)
        self.assertEqual(attr["EnableDnsHostnames"], {"Value": True})
        subnet = self.cli_json("ec2", "create-subnet", "--vpc-id", vid, "--cidr-block", "10.50.2.0/24",
                               "--availability-zone-id", "use1-az2", account=account)["Subnet"]
        self.assertEqual(subnet["AvailabilityZone"], "us-east-1b")
        subnets = self.cli_json("ec2", "describe-subnets", "--filters", f"Name=vpc-id,Values={vid}", account=account)["Subnets"]
        self.assertEqual([s["CidrBlock"] for s in subnets], ["10.50.2.0/24"])
        r = self.cli("ec2", "delete-vpc", "--vpc-id", vid, account=account)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("DependencyViolation", r.stderr)
        self.assertEqual(self.cli("ec2", "delete-subnet", "--subnet-id", subnet["SubnetId"], account=account).returncode, 0)
        self.assertEqual(self.cli("ec2", "delete-vpc", "--vpc-id", vid, account=account).returncode, 0)

    def test_create_key_pair_material_as_text_is_a_usable_pem(self):
        name = f"cli{RUN}-key"
        r = self.cli("ec2", "create-key-pair", "--key-name", name, "--query", "KeyMaterial", "--output", "text")
        self.assertEqual(r.returncode, 0, r.stderr)
        check_rsa_pem(self, r.stdout)
        pairs = self.cli_json("ec2", "describe-key-pairs", "--key-names", name)["KeyPairs"]
        self.assertEqual([p["KeyType"] for p in pairs], ["rsa"])
        self.cli_json("ec2", "delete-key-pair", "--key-name", name)


if __name__ == "__main__":
    unittest.main()
