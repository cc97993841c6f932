"""EC2 instances through boto3 and the AWS CLI: run_instances from an AMI, the instance_running,
instance_stopped and instance_terminated waiters against a manual clock that a second thread advances, the
volumes an instance gets and loses, user data round-tripped, and `aws ec2 run-instances` followed by
`aws ec2 wait instance-running`; an instance's network interfaces and addresses, network interfaces made,
attached, detached and deleted; monitoring, metadata and credit settings; instance profile associations; and
`aws ec2 get-password-data --priv-launch-key`, which decrypts a Windows instance's password itself; Mac tasks
on an instance that is not a Mac (imagelite runs none).

Runs against the imagelite at IMAGELITE_ENDPOINT (a manual clock, 10-second transitions). Acts as accounts no
other Python test uses.
"""
import base64
import tempfile
import threading
import unittest
import uuid

from botocore.exceptions import ClientError

from imagelite_support import CliTestCase, advance, client, own_snapshot

OWNER = "121212121212"
CLI_ACCOUNT = "131313131313"
NETWORK_ACCOUNT = "141414141414"
WINDOWS_ACCOUNT = "151515151515"
RUN = uuid.uuid4().hex[:8]
FAST = {"Delay": 1, "MaxAttempts": 10}


def register(ec2, label, **extra):
    image_id = ec2.register_image(
        Name=f"py{RUN}-{label}", Architecture="x86_64", VirtualizationType="hvm", RootDeviceName="/dev/xvda",
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": own_snapshot(ec2), "VolumeSize": 8}}],
        **extra,
    )["ImageId"]
    advance(60)
    return image_id


def wait_while_the_clock_moves(waiter, **kwargs):
    """Runs a waiter while another thread moves the clock past the transition between its polls."""
    timer = threading.Timer(0.3, advance, [60])
    timer.start()
    waiter.wait(WaiterConfig=FAST, **kwargs)
    timer.join()


class Boto3Instances(unittest.TestCase):
    def test_waiters_follow_the_lifecycle(self):
        ec2 = client("ec2", OWNER)
        image_id = register(ec2, "waited")
        reservation = ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                                        UserData="#!/bin/sh\necho hello")
        [instance] = reservation["Instances"]
        instance_id = instance["InstanceId"]
        self.assertEqual(instance["State"], {"Code": 0, "Name": "pending"})

        wait_while_the_clock_moves(ec2.get_waiter("instance_running"), InstanceIds=[instance_id])
        described = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]
        self.assertEqual(described["ReservationId"], reservation["ReservationId"])
        self.assertEqual(described["Instances"][0]["State"]["Name"], "running")

        # boto3 encodes run_instances' user data; the attribute gives it back base64-encoded.
        attr = ec2.describe_instance_attribute(InstanceId=instance_id, Attribute="userData")
        self.assertEqual(base64.b64decode(attr["UserData"]["Value"]).decode(), "#!/bin/sh\necho hello")

        stopping = ec2.stop_instances(InstanceIds=[instance_id])["StoppingInstances"][0]
        self.assertEqual(stopping["CurrentState"]["Name"], "stopping")
        wait_while_the_clock_moves(ec2.get_waiter("instance_stopped"), InstanceIds=[instance_id])
        ec2.modify_instance_attribute(InstanceId=instance_id, InstanceType={"Value": "t3.small"})

        [root] = ec2.describe_volumes(Filters=[{"Name": "attachment.instance-id", "Values": [instance_id]}])["Volumes"]
        self.assertEqual(root["Attachments"][0]["DeleteOnTermination"], True)
        ec2.terminate_instances(InstanceIds=[instance_id])
        wait_while_the_clock_moves(ec2.get_waiter("instance_terminated"), InstanceIds=[instance_id])
        with self.assertRaises(ClientError) as cm:
            ec2.describe_volumes(VolumeIds=[root["VolumeId"]])
        self.assertEqual(cm.exception.response["Error"]["Code"], "InvalidVolume.NotFound")

    def test_refusals_carry_ec2_codes(self):
        ec2 = client("ec2", OWNER)
        with self.assertRaises(ClientError) as cm:
            ec2.start_instances(InstanceIds=["i-0123456789abcdef0"])
        self.assertEqual(cm.exception.response["Error"]["Code"], "InvalidInstanceID.NotFound")
        with self.assertRaises(ClientError) as cm:
            ec2.run_instances(ImageId="ami-0123456789abcdef0", MinCount=1, MaxCount=1)
        self.assertEqual(cm.exception.response["Error"]["Code"], "InvalidAMIID.NotFound")


class Boto3NetworkInterfaces(unittest.TestCase):
    def test_instances_have_interfaces_and_interfaces_attach(self):
        ec2 = client("ec2", NETWORK_ACCOUNT)
        image_id = register(ec2, "eni")
        [instance] = ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                                       Placement={"AvailabilityZone": "us-east-1a"})["Instances"]
        instance_id = instance["InstanceId"]
        [primary] = instance["NetworkInterfaces"]
        self.assertEqual(primary["PrivateIpAddress"], instance["PrivateIpAddress"])
        self.assertEqual(primary["Attachment"]["DeviceIndex"], 0)
        self.assertTrue(instance["PublicIpAddress"])
        self.assertTrue(instance["PrivateDnsName"].endswith(".ec2.internal"))
        advance(60)

        eni = ec2.create_network_interface(SubnetId=instance["SubnetId"], Description="spare",
                                           TagSpecifications=[{"ResourceType": "network-interface",
                                                               "Tags": [{"Key": "role", "Value": "spare"}]}])["NetworkInterface"]
        self.assertEqual(eni["Status"], "available")
        attachment = ec2.attach_network_interface(NetworkInterfaceId=eni["NetworkInterfaceId"], InstanceId=instance_id,
                                                  DeviceIndex=1)["AttachmentId"]
        listed = ec2.describe_network_interfaces(Filters=[{"Name": "attachment.instance-id", "Values": [instance_id]}])
        self.assertEqual(sorted(n["Attachment"]["DeviceIndex"] for n in listed["NetworkInterfaces"]), [0, 1])
        with self.assertRaises(ClientError) as cm:
            ec2.delete_network_interface(NetworkInterfaceId=eni["NetworkInterfaceId"])
        self.assertEqual(cm.exception.response["Error"]["Code"], "InvalidNetworkInterface.InUse")
        ec2.modify_network_interface_attribute(NetworkInterfaceId=eni["NetworkInterfaceId"], SourceDestCheck={"Value": False})
        attr = ec2.describe_network_interface_attribute(NetworkInterfaceId=eni["NetworkInterfaceId"], Attribute="sourceDestCheck")
        self.assertEqual(attr["SourceDestCheck"], {"Value": False})
        ec2.detach_network_interface(AttachmentId=attachment)
        ec2.delete_network_interface(NetworkInterfaceId=eni["NetworkInterfaceId"])
        tagged = ec2.describe_network_interfaces(Filters=[{"Name": "tag:role", "Values": ["spare"]}])
        self.assertEqual(tagged["NetworkInterfaces"], [])

    def test_instance_settings(self):
        ec2 = client("ec2", NETWORK_ACCOUNT)
        image_id = register(ec2, "settings")
        [instance] = ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                                       IamInstanceProfile={"Name": "builder"})["Instances"]
        instance_id = instance["InstanceId"]
        advance(60)
        monitored = ec2.monitor_instances(InstanceIds=[instance_id])["InstanceMonitorings"]
        self.assertEqual(monitored[0]["Monitoring"]["State"], "pending")
        ec2.modify_instance_metadata_options(InstanceId=instance_id, HttpTokens="required", HttpPutResponseHopLimit=2)
        described = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]
        self.assertEqual(described["Monitoring"]["State"], "enabled")
        self.assertEqual(described["MetadataOptions"]["HttpTokens"], "required")
        credits = ec2.describe_instance_credit_specifications(InstanceIds=[instance_id])["InstanceCreditSpecifications"]
        self.assertEqual(credits, [{"InstanceId": instance_id, "CpuCredits": "unlimited"}])
        [association] = ec2.describe_iam_instance_profile_associations(
            Filters=[{"Name": "instance-id", "Values": [instance_id]}])["IamInstanceProfileAssociations"]
        self.assertEqual(association["IamInstanceProfile"]["Arn"], f"arn:aws:iam::{NETWORK_ACCOUNT}:instance-profile/builder")
        ec2.disassociate_iam_instance_profile(AssociationId=association["AssociationId"])
        ec2.associate_iam_instance_profile(InstanceId=instance_id, IamInstanceProfile={"Name": "runner"})
        data = ec2.get_launch_template_data(InstanceId=instance_id)["LaunchTemplateData"]
        self.assertEqual(data["ImageId"], image_id)
        self.assertEqual(data["IamInstanceProfile"]["Arn"], f"arn:aws:iam::{NETWORK_ACCOUNT}:instance-profile/runner")
        ec2.terminate_instances(InstanceIds=[instance_id])


class Boto3MacTasks(unittest.TestCase):
    def test_mac_tasks_on_an_instance_that_is_not_a_mac(self):
        ec2 = client("ec2", NETWORK_ACCOUNT)
        image_id = register(ec2, "mac")
        [instance] = ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, InstanceType="t3.micro")["Instances"]
        with self.assertRaises(ClientError) as e:
            ec2.create_delegate_mac_volume_ownership_task(InstanceId=instance["InstanceId"], MacCredentials="{}")
        self.assertEqual(e.exception.response["Error"]["Code"], "UnsupportedOperation")
        with self.assertRaises(ClientError) as e:
            ec2.create_mac_system_integrity_protection_modification_task(
                InstanceId="i-0123456789abcdef0", MacSystemIntegrityProtectionStatus="enabled")
        self.assertEqual(e.exception.response["Error"]["Code"], "InvalidInstanceID.NotFound")
        pages = ec2.get_paginator("describe_mac_modification_tasks").paginate(
            Filters=[{"Name": "task-state", "Values": ["pending"]}], PaginationConfig={"PageSize": 5})
        self.assertEqual([t for p in pages for t in p["MacModificationTasks"]], [])


class CliPasswordData(CliTestCase):
    cli_account = WINDOWS_ACCOUNT

    def test_get_password_data_decrypts_with_the_private_key(self):
        ec2 = client("ec2", WINDOWS_ACCOUNT)
        # A billing product that names Windows makes a Windows AMI.
        image_id = register(ec2, "windows", BillingProducts=["bp-6ba54002"])
        key = ec2.create_key_pair(KeyName=f"rdp-{RUN}", KeyType="rsa")["KeyMaterial"]
        [instance] = ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                                       KeyName=f"rdp-{RUN}")["Instances"]
        self.assertEqual(instance["Platform"], "windows")
        early = self.cli_json("ec2", "get-password-data", "--instance-id", instance["InstanceId"])
        self.assertEqual(early["PasswordData"], "")
        advance(600)
        with tempfile.NamedTemporaryFile("w", suffix=".pem") as pem:
            pem.write(key)
            pem.flush()
            out = self.cli_json("ec2", "get-password-data", "--instance-id", instance["InstanceId"],
                                "--priv-launch-key", pem.name)
        self.assertRegex(out["PasswordData"], r"^[\x21-\x7e]{32}$")
        ec2.terminate_instances(InstanceIds=[instance["InstanceId"]])


class CliInstances(CliTestCase):
    cli_account = CLI_ACCOUNT

    def test_run_instances_and_wait_running(self):
        image_id = register(client("ec2", CLI_ACCOUNT), "cli")
        out = self.cli_json("ec2", "run-instances", "--image-id", image_id, "--count", "2", "--instance-type", "t3.nano",
                            "--tag-specifications", "ResourceType=instance,Tags=[{Key=Name,Value=cli}]")
        ids = [i["InstanceId"] for i in out["Instances"]]
        self.assertEqual(len(ids), 2)
        advance(60)
        r = self.cli("ec2", "wait", "instance-running", "--instance-ids", *ids)
        self.assertEqual(r.returncode, 0, r.stderr)
        listed = self.cli_json("ec2", "describe-instances", "--filters", "Name=tag:Name,Values=cli")
        self.assertEqual(sorted(i["InstanceId"] for res in listed["Reservations"] for i in res["Instances"]), sorted(ids))
        self.cli_json("ec2", "terminate-instances", "--instance-ids", *ids)


if __name__ == "__main__":
    unittest.main()
