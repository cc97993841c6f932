"""A Packer amazon-ebs build replayed through boto3, call by call in Packer's order (packer-plugin-amazon
common/step_*.go and builder/ebs; communicator "none"), with botocore's own waiters: each waiter polls with a
tiny real delay while the imagelite clock is moved by Packer's poll delay after every poll, so states change as
they would between Packer's polls. Members the Go SDK sends as "" when unset (VpcId, SubnetId,
Placement.AvailabilityZone, IamInstanceProfile.Name, UserData, KmsKeyId) are sent as "" too. The AMI and its
copy in a second region are then launched by the account they were shared with.

Runs against the imagelite at IMAGELITE_ENDPOINT (a manual clock). Acts as accounts no other Python test uses.
"""
import unittest
import uuid

from imagelite_support import advance, client

OWNER = "545454545454"
SHARED = "565656565656"
R1 = "us-east-1"
R2 = "eu-west-1"
RUN = uuid.uuid4().hex[:8]
AMI_NAME = f"packer-py-{RUN}"
RUN_TAGS = [{"Key": "build", "Value": "packer"}]
TAGS = [{"Key": "Name", "Value": "packer-built"}, {"Key": "os", "Value": "al2023"}]

# Packer's waits (common/state.go): instances 15 s apart for 10 min, AMIs 5 s for 30 min, the group 5 s for 200 s.
INSTANCE = (15, 600)
AMI = (5, 1800)
GROUP = (5, 200)


class CallLog:
    """The EC2 operations the clients send, in order; a waiter's polls are one `Op*`."""

    def __init__(self, *clients):
        self.calls = []
        self.waiting = set()
        for c in clients:
            c.meta.events.register("before-call.ec2", self._record(c))

    def _record(self, c):
        def record(model, **_):
            entry = model.name + ("*" if id(c) in self.waiting else "")
            if not (entry.endswith("*") and self.calls and self.calls[-1] == entry):
                self.calls.append(entry)
        return record


def wait_on_clock(log, ec2, name, delay, max_wait, **kwargs):
    """Runs a botocore waiter; after each poll the clock moves by Packer's delay. Fails past Packer's max wait."""
    waiter = ec2.get_waiter(name)
    event = f"after-call.ec2.{waiter.config.operation}"
    polls = []

    def tick(**_):
        polls.append(1)
        advance(delay)

    ec2.meta.events.register(event, tick)
    log.waiting.add(id(ec2))
    try:
        waiter.wait(WaiterConfig={"Delay": 0.001, "MaxAttempts": max_wait // delay}, **kwargs)
    finally:
        log.waiting.discard(id(ec2))
        ec2.meta.events.unregister(event, tick)
    return len(polls)


def snapshots_of(image):
    return [m["Ebs"]["SnapshotId"] for m in image["BlockDeviceMappings"] if "Ebs" in m and "SnapshotId" in m["Ebs"]]


def by_key(tags):
    return sorted(tags or [], key=lambda t: t["Key"])


class PackerAmazonEbs(unittest.TestCase):
    def test_build_share_and_launch(self):
        r1 = client("ec2", OWNER, region=R1)
        r2 = client("ec2", OWNER, region=R2)
        clients = {R1: r1, R2: r2}
        log = CallLog(r1, r2)

        # StepPreValidate
        names = [r["RegionName"] for r in r1.describe_regions()["Regions"]]
        self.assertIn(R1, names)
        self.assertIn(R2, names)
        taken = r1.describe_images(Owners=["self"], Filters=[{"Name": "name", "Values": [AMI_NAME]}])["Images"]
        self.assertEqual(taken, [])

        # StepSourceAMIInfo: most recent by CreationDate
        found = r1.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["al2023-ami-2023*-x86_64"]}],
                                   IncludeDeprecated=False)["Images"]
        source = sorted(found, key=lambda i: i["CreationDate"])[-1]
        self.assertEqual(source["RootDeviceType"], "ebs")

        # StepKeyPair, StepSecurityGroup
        key_name = f"packer_{uuid.uuid4()}"
        key = r1.create_key_pair(KeyName=key_name, KeyType="rsa",
                                 TagSpecifications=[{"ResourceType": "key-pair", "Tags": RUN_TAGS}])
        self.assertTrue(key["KeyMaterial"].startswith("-----BEGIN RSA PRIVATE KEY-----"))
        group_id = r1.create_security_group(
            GroupName=f"packer_{uuid.uuid4()}", Description="Temporary group for Packer", VpcId="",
            TagSpecifications=[{"ResourceType": "security-group", "Tags": RUN_TAGS}])["GroupId"]
        wait_on_clock(log, r1, "security_group_exists", *GROUP, GroupIds=[group_id])
        r1.authorize_security_group_ingress(GroupId=group_id, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 0, "ToPort": 0, "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": []}])

        # StepRunSourceInstance
        run = r1.run_instances(
            ImageId=source["ImageId"], InstanceType="t3.micro", MinCount=1, MaxCount=1, UserData="",
            IamInstanceProfile={"Name": ""}, Placement={"AvailabilityZone": ""}, EbsOptimized=False,
            EnclaveOptions={"Enabled": False},
            MetadataOptions={"HttpEndpoint": "enabled", "HttpTokens": "optional", "HttpPutResponseHopLimit": 1},
            CreditSpecification={"CpuCredits": "standard"},
            TagSpecifications=[{"ResourceType": "instance", "Tags": RUN_TAGS},
                               {"ResourceType": "network-interface", "Tags": RUN_TAGS}],
            KeyName=key_name, SubnetId="", SecurityGroupIds=[group_id], InstanceInitiatedShutdownBehavior="stop")
        instance_id = run["Instances"][0]["InstanceId"]
        wait_on_clock(log, r1, "instance_running", *INSTANCE, InstanceIds=[instance_id])
        instance = r1.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]
        self.assertEqual(instance["KeyName"], key_name)

        # StepStopEBSBackedInstance, stepCreateAMI
        r1.stop_instances(InstanceIds=[instance_id])
        wait_on_clock(log, r1, "instance_stopped", *INSTANCE, InstanceIds=[instance_id])
        amis = {R1: r1.create_image(InstanceId=instance_id, Name=AMI_NAME, TagSpecifications=[
            {"ResourceType": "image", "Tags": RUN_TAGS}, {"ResourceType": "snapshot", "Tags": RUN_TAGS}])["ImageId"]}
        wait_on_clock(log, r1, "image_available", *AMI, ImageIds=[amis[R1]])
        snapshots = {R1: snapshots_of(r1.describe_images(ImageIds=[amis[R1]])["Images"][0])}

        # StepAMIRegionCopy
        amis[R2] = r2.copy_image(SourceRegion=R1, SourceImageId=amis[R1], Name=AMI_NAME, KmsKeyId="",
                                 CopyImageTags=True)["ImageId"]
        wait_on_clock(log, r2, "image_available", *AMI, ImageIds=[amis[R2]])
        snapshots[R2] = snapshots_of(r2.describe_images(ImageIds=[amis[R2]])["Images"][0])

        # StepModifyAMIAttributes
        for region in (R1, R2):
            clients[region].modify_image_attribute(ImageId=amis[region], UserIds=[SHARED],
                                                   LaunchPermission={"Add": [{"UserId": SHARED}]})
        for region in (R1, R2):
            for snap in snapshots[region]:
                clients[region].modify_snapshot_attribute(SnapshotId=snap, UserIds=[SHARED],
                                                          CreateVolumePermission={"Add": [{"UserId": SHARED}]})

        # StepCreateTags
        for region in (R1, R2):
            [image] = clients[region].describe_images(ImageIds=[amis[region]])["Images"]
            clients[region].create_tags(Resources=[amis[region], *snapshots_of(image)], Tags=TAGS)

        # Clean-up
        r1.terminate_instances(InstanceIds=[instance_id])
        wait_on_clock(log, r1, "instance_terminated", *INSTANCE, InstanceIds=[instance_id])
        volume_ids = [m["Ebs"]["VolumeId"] for m in instance["BlockDeviceMappings"]]
        volumes = r1.describe_volumes(Filters=[{"Name": "volume-id", "Values": volume_ids}])["Volumes"]
        self.assertEqual([v for v in volumes if v["State"] == "available"], [])
        r1.delete_security_group(GroupId=group_id)
        r1.delete_key_pair(KeyName=key_name)

        self.assertEqual(log.calls, [
            "DescribeRegions", "DescribeImages", "DescribeImages", "CreateKeyPair", "CreateSecurityGroup",
            "DescribeSecurityGroups*", "AuthorizeSecurityGroupIngress", "RunInstances", "DescribeInstances*",
            "DescribeInstances", "StopInstances", "DescribeInstances*", "CreateImage", "DescribeImages*",
            "DescribeImages", "CopyImage", "DescribeImages*", "DescribeImages", "ModifyImageAttribute",
            "ModifyImageAttribute", "ModifySnapshotAttribute", "ModifySnapshotAttribute", "DescribeImages",
            "CreateTags", "DescribeImages", "CreateTags", "TerminateInstances", "DescribeInstances*",
            "DescribeVolumes", "DeleteSecurityGroup", "DeleteKeyPair",
        ])

        # What the build left: both AMIs tagged and shared, their snapshots too; nothing temporary.
        for region in (R1, R2):
            c = clients[region]
            [image] = c.describe_images(ImageIds=[amis[region]])["Images"]
            self.assertEqual(image["State"], "available")
            self.assertEqual(by_key(image["Tags"]), by_key(RUN_TAGS + TAGS))
            perms = c.describe_image_attribute(ImageId=amis[region], Attribute="launchPermission")["LaunchPermissions"]
            self.assertEqual(perms, [{"UserId": SHARED}])
            for snap in snapshots[region]:
                attr = c.describe_snapshot_attribute(SnapshotId=snap, Attribute="createVolumePermission")
                self.assertEqual(attr["CreateVolumePermissions"], [{"UserId": SHARED}])
        self.assertEqual(r1.describe_key_pairs()["KeyPairs"], [])
        self.assertEqual([g["GroupName"] for g in r1.describe_security_groups()["SecurityGroups"]], ["default"])

        # The second account launches from the AMI and from its copy.
        for region in (R1, R2):
            other = client("ec2", SHARED, region=region)
            other_log = CallLog(other)
            launched = other.run_instances(ImageId=amis[region], MinCount=1, MaxCount=1,
                                           InstanceType="t3.micro")["Instances"][0]["InstanceId"]
            wait_on_clock(other_log, other, "instance_running", *INSTANCE, InstanceIds=[launched])
            described = other.describe_instances(InstanceIds=[launched])["Reservations"][0]["Instances"][0]
            self.assertEqual(described["State"]["Name"], "running")
            self.assertEqual(described["ImageId"], amis[region])


if __name__ == "__main__":
    unittest.main()
