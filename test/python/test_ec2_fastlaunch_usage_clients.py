"""EC2 Windows fast launch and AMI usage reports through boto3 and the AWS CLI, against a running imagelite.

The server is at IMAGELITE_ENDPOINT with a manual clock and 10-second transitions (see
test_appstream_clients.py); states move only when a test advances the clock through POST /_imagelite/clock.
The server is shared by the whole run and never reset, so these tests use accounts no other test touches
and name their AMIs with a prefix unique to the run. Fault rules are scoped to those accounts and one call.
"""
import unittest
import uuid
from datetime import datetime

from botocore.exceptions import ClientError

from imagelite_support import REGION, CliTestCase, admin, advance, client, own_snapshot
ACCOUNT = "777777777777"
ACCOUNT_CLI = "888888888888"
T = 10
RUN = uuid.uuid4().hex[:8]
WINDOWS_BILLING = "bp-6ba54002"


def ec2(account=ACCOUNT):
    return client("ec2", account)


def register(client, label, windows=True):
    """An available EBS-backed AMI named uniquely for this run."""
    extra = {"BillingProducts": [WINDOWS_BILLING]} if windows else {}
    image_id = client.register_image(
        Name=f"py{RUN}-{label}", Architecture="x86_64", VirtualizationType="hvm", RootDeviceName="/dev/xvda",
        BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": own_snapshot(client), "VolumeSize": 30}}],
        **extra)["ImageId"]
    advance(T + 1)
    return image_id


class Boto3FastLaunchAndUsageReports(unittest.TestCase):
    def assertClientError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code)
        return cm.exception

    def test_fast_launch_lifecycle(self):
        client = ec2()
        image_id = register(client, "fl-life")
        enabled = client.enable_fast_launch(ImageId=image_id, MaxParallelLaunches=7,
                                            SnapshotConfiguration={"TargetResourceCount": 3},
                                            LaunchTemplate={"LaunchTemplateName": "fl-template", "Version": "2"})
        self.assertEqual(enabled["State"], "enabling")
        self.assertEqual(enabled["StateTransitionReason"], "Client.UserInitiated")
        self.assertIsInstance(enabled["StateTransitionTime"], datetime)
        self.assertEqual(enabled["LaunchTemplate"], {"LaunchTemplateName": "fl-template", "Version": "2"})
        advance(3 * T + 1)
        [img] = client.describe_fast_launch_images(ImageIds=[image_id])["FastLaunchImages"]
        self.assertEqual(img["State"], "enabled")
        self.assertEqual(img["OwnerId"], ACCOUNT)
        self.assertEqual(img["MaxParallelLaunches"], 7)
        self.assertEqual(img["SnapshotConfiguration"], {"TargetResourceCount": 3})
        self.assertEqual(img["ResourceType"], "snapshot")
        self.assertEqual(client.disable_fast_launch(ImageId=image_id)["State"], "disabling")
        advance(2 * T + 1)
        self.assertEqual(client.describe_fast_launch_images(ImageIds=[image_id])["FastLaunchImages"], [])

    def test_fast_launch_refusals_and_dry_run(self):
        client = ec2()
        linux = register(client, "fl-linux", windows=False)
        self.assertClientError("InvalidParameterValue", client.enable_fast_launch, ImageId=linux)
        windows = register(client, "fl-refused")
        self.assertClientError("InvalidParameterValue", client.enable_fast_launch, ImageId=windows, MaxParallelLaunches=5)
        self.assertClientError("InvalidAMIID.NotFound", client.enable_fast_launch, ImageId="ami-0123456789abcdef0")
        self.assertClientError("DryRunOperation", client.enable_fast_launch, ImageId=windows, DryRun=True)
        self.assertClientError("IncorrectState", client.disable_fast_launch, ImageId=windows)

    def test_fast_launch_failure_on_demand(self):
        client = ec2()
        image_id = register(client, "fl-fail")
        status, _ = admin("POST", "/_imagelite/faults", {
            "service": "ec2", "operation": "EnableFastLaunch", "accountId": ACCOUNT, "times": 1,
            "lifecycle": {"outcome": "fail", "reason": "Client.LaunchFailure: capacity"}})
        self.assertEqual(status, 200)
        client.enable_fast_launch(ImageId=image_id)
        advance(3 * T + 1)
        [img] = client.describe_fast_launch_images(ImageIds=[image_id])["FastLaunchImages"]
        self.assertEqual(img["State"], "enabling-failed")
        self.assertEqual(img["StateTransitionReason"], "Client.LaunchFailure: capacity")

    def test_fast_launch_filters_and_paginator(self):
        client = ec2()
        ids = [register(client, f"fl-page-{i}") for i in range(3)]
        for image_id in ids:
            client.enable_fast_launch(ImageId=image_id)
        pages = client.get_paginator("describe_fast_launch_images").paginate(
            ImageIds=ids, Filters=[{"Name": "state", "Values": ["enabling"]}, {"Name": "owner-id", "Values": [ACCOUNT]}],
            PaginationConfig={"PageSize": 2})
        seen = [img["ImageId"] for page in pages for img in page["FastLaunchImages"]]
        self.assertEqual(sorted(seen), sorted(ids))
        self.assertClientError("InvalidParameterValue", client.describe_fast_launch_images,
                               Filters=[{"Name": "nope", "Values": ["x"]}])

    def test_usage_report_lifecycle_filters_and_entries(self):
        client = ec2()
        image_id = register(client, "ur-life", windows=False)
        report_id = client.create_image_usage_report(
            ImageId=image_id, ResourceTypes=[
                {"ResourceType": "ec2:Instance"},
                {"ResourceType": "ec2:LaunchTemplate", "ResourceTypeOptions": [{"OptionName": "version-depth", "OptionValues": ["20"]}]}],
            AccountIds=["999999999999"],
            TagSpecifications=[{"ResourceType": "image-usage-report", "Tags": [{"Key": "run", "Value": RUN}]}])["ReportId"]
        self.assertRegex(report_id, r"^amiur-[0-9a-f]{17}$")
        [report] = client.describe_image_usage_reports(ReportIds=[report_id])["ImageUsageReports"]
        self.assertEqual(report["State"], "pending")
        self.assertEqual(report["AccountIds"], ["999999999999"])
        self.assertEqual((report["ExpirationTime"] - report["CreationTime"]).days, 30)
        advance(2 * T + 1)
        day = report["CreationTime"].strftime("%Y-%m-%dT")
        found = client.describe_image_usage_reports(
            ImageIds=[image_id], Filters=[{"Name": "creation-time", "Values": [day + "*"]},
                                          {"Name": "state", "Values": ["available"]},
                                          {"Name": "tag:run", "Values": [RUN]}])["ImageUsageReports"]
        self.assertEqual([r["ReportId"] for r in found], [report_id])
        # Nothing in imagelite is an EC2 instance or launch template: the entries are an empty list.
        self.assertEqual(client.describe_image_usage_report_entries(ReportIds=[report_id])["ImageUsageReportEntries"], [])
        self.assertTrue(client.delete_image_usage_report(ReportId=report_id)["Return"])
        self.assertClientError("InvalidImageUsageReportId.NotFound", client.describe_image_usage_reports, ReportIds=[report_id])

    def test_usage_report_refusals_and_failure(self):
        client = ec2()
        image_id = register(client, "ur-fail", windows=False)
        self.assertClientError("InvalidParameterValue", client.create_image_usage_report,
                               ImageId=image_id, ResourceTypes=[{"ResourceType": "ec2:Volume"}])
        # The AMI is private: another account does not see it at all.
        self.assertClientError("InvalidAMIID.NotFound", ec2(ACCOUNT_CLI).create_image_usage_report,
                               ImageId=image_id, ResourceTypes=[{"ResourceType": "ec2:Instance"}])
        self.assertClientError("DryRunOperation", client.create_image_usage_report,
                               ImageId=image_id, ResourceTypes=[{"ResourceType": "ec2:Instance"}], DryRun=True)
        admin("POST", "/_imagelite/faults", {"service": "ec2", "operation": "CreateImageUsageReport", "accountId": ACCOUNT,
                                             "times": 1, "lifecycle": {"outcome": "fail"}})
        report_id = client.create_image_usage_report(ImageId=image_id, ResourceTypes=[{"ResourceType": "ec2:Instance"}])["ReportId"]
        advance(2 * T + 1)
        [report] = client.describe_image_usage_reports(ReportIds=[report_id])["ImageUsageReports"]
        self.assertEqual(report["State"], "error")
        self.assertTrue(report["StateReason"])


class AwsCliFastLaunchAndUsageReports(CliTestCase):
    cli_account = ACCOUNT_CLI

    def test_describe_fast_launch_images(self):
        image_id = register(ec2(ACCOUNT_CLI), "cli-fl")
        enabled = self.cli_json("ec2", "enable-fast-launch", "--image-id", image_id, "--max-parallel-launches", "6",
                           "--resource-type", "snapshot")
        self.assertEqual(enabled["State"], "enabling")
        advance(3 * T + 1)
        described = self.cli_json("ec2", "describe-fast-launch-images", "--image-ids", image_id)
        [img] = described["FastLaunchImages"]
        self.assertEqual(img["State"], "enabled")
        self.assertEqual(img["MaxParallelLaunches"], 6)
        self.assertEqual(img["OwnerId"], ACCOUNT_CLI)
        filtered = self.cli_json("ec2", "describe-fast-launch-images", "--filters", "Name=state,Values=enabling")
        self.assertNotIn(image_id, [i["ImageId"] for i in filtered["FastLaunchImages"]])

    def test_describe_image_usage_reports(self):
        image_id = register(ec2(ACCOUNT_CLI), "cli-ur", windows=False)
        report_id = self.cli_json("ec2", "create-image-usage-report", "--image-id", image_id,
                             "--resource-types", "ResourceType=ec2:Instance")["ReportId"]
        advance(2 * T + 1)
        described = self.cli_json("ec2", "describe-image-usage-reports", "--report-ids", report_id)
        [report] = described["ImageUsageReports"]
        self.assertEqual(report["State"], "available")
        self.assertEqual(report["ResourceTypes"], [{"ResourceType": "ec2:Instance"}])
        by_image = self.cli_json("ec2", "describe-image-usage-reports", "--image-ids", image_id, "--filters", "Name=state,Values=available")
        self.assertEqual([r["ReportId"] for r in by_image["ImageUsageReports"]], [report_id])
        entries = self.cli_json("ec2", "describe-image-usage-report-entries", "--report-ids", report_id)
        self.assertEqual(entries["ImageUsageReportEntries"], [])


if __name__ == "__main__":
    unittest.main()
