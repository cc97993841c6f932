// Plausible inputs for the operations that make and change resources, so that a good share of the fuzz
// requests succeed and build state (the model-driven generator alone rarely gets past validation).
import fc from "fast-check";
import { NAMES, Ref } from "./generators";

const name = fc.constantFrom(...NAMES);
const ref = (prefix: string) => fc.nat(1000).map((n) => new Ref(n, prefix));
const ami = ref("ami-");
const instance = ref("i-");
const snapshot = ref("snap-");
const vpc = ref("vpc-");
const subnet = ref("subnet-");
const gateway = ref("igw-");
const routeTable = ref("rtb-");
const acl = ref("acl-");
const allocation = ref("eipalloc-");
const cidr = fc.constantFrom("0.0.0.0/0", "10.1.0.0/16", "172.31.0.0/16", "192.168.0.0/24", "10.0.0.0/33", "::/0", "nope");
const eni = ref("eni-");
const account = fc.constantFrom("111111111111", "222222222222");
const tags = fc.dictionary(fc.constantFrom("team", "env", "k"), fc.constantFrom("blue", "prod", ""), { maxKeys: 2 });
const ec2Tags = fc.array(fc.record({ Key: fc.constantFrom("team", "env"), Value: fc.constantFrom("blue", "prod") }), {
  minLength: 1,
  maxLength: 2,
});
const IMAGE = "AppStream-WinServer2019-11-10-2025";
const appstreamArn = (type: string) => name.map((n) => `arn:aws:appstream:us-east-1:111111111111:${type}/${n}`);
const s3 = fc.record({ S3Bucket: fc.constantFrom("apps-bucket", "other-bucket"), S3Key: fc.constantFrom("a.vhdx", "setup.ps1") });
const script = fc.record({
  ScriptS3Location: s3,
  ExecutablePath: fc.constant("setup.ps1"),
  TimeoutInSeconds: fc.integer({ min: 0, max: 600 }),
});

type Template = fc.Arbitrary<{ op: string; input: Record<string, unknown> }>;
const t = (op: string, input: fc.Arbitrary<Record<string, unknown>>): Template => input.map((i) => ({ op, input: i }));

/** Base64 of `bytes` random bytes, around the 16 KB that EC2 allows for user data (before encoding). */
const userData = fc.oneof(
  fc.integer({ min: 0, max: 20_000 }).map((n) => Buffer.alloc(n, n % 251).toString("base64")),
  fc.constantFrom("not base64!", "#!/bin/bash\necho hi", "====", "YQ", "a".repeat(30_000)),
);
/** Block device lists from one to past EC2's limits, with duplicate device names now and then. */
const devices = fc.integer({ min: 1, max: 320 }).chain((n) =>
  fc.boolean().map((dup) =>
    Array.from({ length: n }, (_, i) => ({
      DeviceName: `/dev/sd${dup ? "b" : `${String.fromCharCode(98 + (i % 25))}${Math.floor(i / 25) || ""}`}`,
      Ebs: { VolumeSize: 1 },
    })),
  ),
);
/** AllowedPatterns: ordinary ones, the classic catastrophic ones, and what RE2 cannot run. */
const pattern = fc.constantFrom(
  "^\\d+$",
  "[a-z]{3,5}",
  "^(a+)+$",
  "(a|aa)*b",
  "(x+x+)+y",
  "^(\\w+\\s?)*$",
  "(?=a)a",
  "(a)\\1",
  "a{1001}",
  "(a{100}){100}",
  "[",
  "",
);
const patternValue = fc.oneof(
  fc.constantFrom("123", "abcd", "a".repeat(30) + "!", "a".repeat(4000) + "!", "x".repeat(3000), ""),
  fc.string({ maxLength: 20 }),
);
const parameter = fc.constantFrom("/fuzz/a", "/fuzz/b/c", "fuzz-d", "/fuzz/e");

export const TEMPLATES: Record<"json" | "ssm" | "ec2", Template[]> = {
  json: [
    t(
      "CreateFleet",
      fc.record({
        Name: name,
        ImageName: fc.constant(IMAGE),
        InstanceType: fc.constantFrom("stream.standard.small", "stream.standard.medium"),
        FleetType: fc.constantFrom("ALWAYS_ON", "ON_DEMAND"),
        ComputeCapacity: fc.record({ DesiredInstances: fc.integer({ min: 1, max: 3 }) }),
      }),
    ),
    t("CreateImageBuilder", fc.record({ Name: name, ImageName: fc.constant(IMAGE), InstanceType: fc.constant("stream.standard.small") })),
    ...[
      "StartFleet",
      "StopFleet",
      "DeleteFleet",
      "StartImageBuilder",
      "StopImageBuilder",
      "DeleteImageBuilder",
      "DeleteImage",
      "DescribeImagePermissions",
    ].map((op) => t(op, fc.record({ Name: name }))),
    t(
      "CreateFleet",
      fc.record({
        Name: name,
        FleetType: fc.constant("ELASTIC"),
        Platform: fc.constantFrom("WINDOWS_SERVER_2019", "AMAZON_LINUX2"),
        InstanceType: fc.constantFrom("stream.standard.small", "stream.standard.medium"),
        MaxConcurrentSessions: fc.integer({ min: 1, max: 5 }),
        VpcConfig: fc.constant({ SubnetIds: ["subnet-a", "subnet-b"] }),
      }),
    ),
    t(
      "CreateAppBlock",
      fc.oneof(
        fc.record({ Name: name, SourceS3Location: s3, SetupScriptDetails: script, Tags: tags }),
        fc.record({ Name: name, PackagingType: fc.constant("APPSTREAM2"), SourceS3Location: s3, PostSetupScriptDetails: script }),
      ),
    ),
    t(
      "CreateApplication",
      fc.record({
        Name: name,
        AppBlockArn: appstreamArn("app-block"),
        IconS3Location: s3,
        LaunchPath: fc.constant("C:\\app.exe"),
        Platforms: fc.subarray(["WINDOWS_SERVER_2019", "AMAZON_LINUX2"], { minLength: 1 }),
        InstanceFamilies: fc.subarray(["GENERAL_PURPOSE", "GRAPHICS_G4"], { minLength: 1 }),
      }),
    ),
    t(
      "CreateAppBlockBuilder",
      fc.record({
        Name: name,
        Platform: fc.constant("WINDOWS_SERVER_2019"),
        InstanceType: fc.constantFrom("stream.standard.small", "stream.standard.large"),
        VpcConfig: fc.constant({ SubnetIds: ["subnet-a", "subnet-b"] }),
      }),
    ),
    t("AssociateApplicationFleet", fc.record({ FleetName: name, ApplicationArn: appstreamArn("application") })),
    t("DisassociateApplicationFleet", fc.record({ FleetName: name, ApplicationArn: appstreamArn("application") })),
    t("AssociateAppBlockBuilderAppBlock", fc.record({ AppBlockBuilderName: name, AppBlockArn: appstreamArn("app-block") })),
    t("DisassociateAppBlockBuilderAppBlock", fc.record({ AppBlockBuilderName: name, AppBlockArn: appstreamArn("app-block") })),
    ...["DeleteApplication", "DeleteAppBlock", "StartAppBlockBuilder", "StopAppBlockBuilder", "DeleteAppBlockBuilder"].map((op) =>
      t(op, fc.record({ Name: name })),
    ),
    t("UpdateApplication", fc.record({ Name: name, DisplayName: name, AttributesToDelete: fc.constant(["LAUNCH_PARAMETERS"]) })),
    t("UpdateAppBlockBuilder", fc.record({ Name: name, DisplayName: name })),
    t("DescribeApplications", fc.constant({})),
    t("DescribeAppBlocks", fc.constant({})),
    t("DescribeAppBlockBuilders", fc.constant({})),
    t("UpdateFleet", fc.record({ Name: name, ComputeCapacity: fc.record({ DesiredInstances: fc.integer({ min: 1, max: 5 }) }) })),
    t("DescribeFleets", fc.constant({})),
    t("DescribeImageBuilders", fc.constant({})),
    t("DescribeImages", fc.record({ Type: fc.constantFrom("PRIVATE", "PUBLIC") })),
    t("TagResource", fc.record({ ResourceArn: ref("arn:"), Tags: tags })),
    t("UntagResource", fc.record({ ResourceArn: ref("arn:"), TagKeys: fc.constant(["team"]) })),
    t("ListTagsForResource", fc.record({ ResourceArn: ref("arn:") })),
    t(
      "CopyImage",
      fc.record({ SourceImageName: name, DestinationImageName: name, DestinationRegion: fc.constantFrom("us-east-1", "eu-west-1") }),
    ),
    t(
      "UpdateImagePermissions",
      fc.record({
        Name: name,
        SharedAccountId: account,
        ImagePermissions: fc.record({ allowFleet: fc.boolean(), allowImageBuilder: fc.boolean() }),
      }),
    ),
    t("CreateStack", fc.record({ Name: name })),
    t(
      "CreateThemeForStack",
      fc.record({
        StackName: name,
        TitleText: fc.constantFrom("Apps", "Example Corp"),
        ThemeStyling: fc.constantFrom("LIGHT_BLUE", "BLUE", "PINK", "RED"),
        OrganizationLogoS3Location: fc.record({ S3Bucket: fc.constant("brand-bucket"), S3Key: fc.constantFrom("logo.png", "a/b.png") }),
        FaviconS3Location: fc.record({ S3Bucket: fc.constant("brand-bucket"), S3Key: fc.constant("favicon.ico") }),
      }),
    ),
    t("UpdateThemeForStack", fc.record({ StackName: name, State: fc.constantFrom("ENABLED", "DISABLED") })),
    t("DeleteThemeForStack", fc.record({ StackName: name })),
    t(
      "CreateExportImageTask",
      fc.record({
        ImageName: name,
        AmiName: name.map((n) => `exported-${n}`),
        IamRoleArn: fc.constant("arn:aws:iam::111111111111:role/Export"),
        TagSpecifications: fc.option(
          tags.filter((m) => Object.keys(m).length > 0),
          { nil: undefined },
        ),
      }),
    ),
    t("ListExportImageTasks", fc.record({ MaxResults: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }) })),
    ...["AssociateSoftwareToImageBuilder", "DisassociateSoftwareFromImageBuilder"].map((op) =>
      t(
        op,
        fc.record({
          ImageBuilderName: name,
          SoftwareNames: fc.subarray(["Microsoft_Office_2021_LTSC_Professional_Plus_64Bit", "Microsoft_Visio_2024_LTSC_Standard_32Bit"], {
            minLength: 1,
          }),
        }),
      ),
    ),
    t("StartSoftwareDeploymentToImageBuilder", fc.record({ ImageBuilderName: name, RetryFailedDeployments: fc.boolean() })),
    t("DescribeAppLicenseUsage", fc.record({ BillingPeriod: fc.constantFrom("2026-11", "2026-13", "x") })),
  ],
  ssm: [
    t(
      "PutParameter",
      fc.record({
        Name: parameter,
        Value: patternValue,
        Type: fc.constantFrom("String", "StringList"),
        Overwrite: fc.boolean(),
        AllowedPattern: fc.option(pattern, { nil: undefined }),
      }),
    ),
    t("GetParameter", fc.record({ Name: parameter })),
    t("GetParameters", fc.record({ Names: fc.array(parameter, { minLength: 1, maxLength: 3 }) })),
    t("GetParametersByPath", fc.record({ Path: fc.constantFrom("/fuzz", "/fuzz/b"), Recursive: fc.boolean() })),
    t("GetParameterHistory", fc.record({ Name: parameter })),
    t("DescribeParameters", fc.constant({})),
    t("DeleteParameter", fc.record({ Name: parameter })),
    t("LabelParameterVersion", fc.record({ Name: parameter, Labels: fc.constant(["fuzz"]) })),
  ],
  ec2: [
    // Counts, user data and device lists a request can multiply: refused by quotas and limits, never run.
    t(
      "RunInstances",
      fc.record({
        ImageId: ami,
        MinCount: fc.integer({ min: 1, max: 3 }),
        MaxCount: fc.constantFrom(1, 5, 1_000, 100_000, 1_000_000_000, 2_147_483_647),
        InstanceType: fc.constantFrom("t3.micro", "m5.24xlarge", "p4d.24xlarge"),
        UserData: fc.option(userData, { nil: undefined }),
        BlockDeviceMappings: fc.option(devices, { nil: undefined }),
      }),
    ),
    t(
      "CreateLaunchTemplateVersion",
      fc.record({
        LaunchTemplateName: name,
        LaunchTemplateData: fc.record({ ImageId: ami, UserData: userData, BlockDeviceMappings: fc.option(devices, { nil: undefined }) }),
      }),
    ),
    t("ModifyInstanceAttribute", fc.record({ InstanceId: instance, UserData: fc.record({ Value: userData }) })),
    t("DescribeLaunchTemplateVersions", fc.record({ LaunchTemplateName: name })),
    t(
      "RegisterImage",
      fc.record({
        Name: name,
        Architecture: fc.constantFrom("x86_64", "arm64"),
        VirtualizationType: fc.constant("hvm"),
        RootDeviceName: fc.constant("/dev/xvda"),
        // An EBS-backed AMI is registered from a snapshot of its root volume.
        BlockDeviceMappings: snapshot.map((SnapshotId) => [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId } }]),
      }),
    ),
    t("CopyImage", fc.record({ Name: name, SourceImageId: ami, SourceRegion: fc.constantFrom("us-east-1", "eu-west-1") })),
    t("DeregisterImage", fc.record({ ImageId: ami })),
    t("CreateTags", fc.record({ Resources: fc.array(ami, { minLength: 1, maxLength: 2 }), Tags: ec2Tags })),
    t("DeleteTags", fc.record({ Resources: fc.array(ami, { minLength: 1, maxLength: 1 }), Tags: ec2Tags })),
    t(
      "ModifyImageAttribute",
      fc.oneof(
        fc.record({
          ImageId: ami,
          LaunchPermission: fc.record({ Add: fc.array(fc.record({ UserId: account }), { minLength: 1, maxLength: 1 }) }),
        }),
        fc.record({ ImageId: ami, Description: fc.record({ Value: fc.string({ maxLength: 10 }) }) }),
      ),
    ),
    t(
      "DescribeImageAttribute",
      fc.record({ ImageId: ami, Attribute: fc.constantFrom("description", "launchPermission", "blockDeviceMapping") }),
    ),
    t("ResetImageAttribute", fc.record({ ImageId: ami, Attribute: fc.constant("launchPermission") })),
    t(
      "ImportImage",
      fc.record({ DiskContainers: fc.constant([{ Format: "VMDK", UserBucket: { S3Bucket: "bucket", S3Key: "disk.vmdk" } }]) }),
    ),
    t("CancelImportTask", fc.record({ ImportTaskId: ref("import-ami-") })),
    t(
      "ExportImage",
      fc.record({
        ImageId: ami,
        DiskImageFormat: fc.constantFrom("VMDK", "RAW", "VHD"),
        S3ExportLocation: fc.constant({ S3Bucket: "bucket", S3Prefix: "exports/" }),
      }),
    ),
    t("CancelExportTask", fc.record({ ExportTaskId: ref("export-ami-") })),
    t("DescribeExportImageTasks", fc.constant({})),
    t(
      "ImportSnapshot",
      fc.record({ DiskContainer: fc.constant({ Format: "VMDK", UserBucket: { S3Bucket: "bucket", S3Key: "disk.vmdk" } }) }),
    ),
    t("CancelImportTask", fc.record({ ImportTaskId: ref("import-snap-") })),
    t("DescribeImportSnapshotTasks", fc.constant({})),
    t(
      "ImportVolume",
      fc.record({
        AvailabilityZone: fc.constant("us-east-1a"),
        Image: fc.record({
          Format: fc.constantFrom("VMDK", "RAW", "VHD"),
          Bytes: fc.integer({ min: 1, max: 8 }),
          ImportManifestUrl: fc.constant("https://bucket.s3.amazonaws.com/disk.manifest.xml"),
        }),
        Volume: fc.record({ Size: fc.integer({ min: 8, max: 16 }) }),
      }),
    ),
    t("CancelConversionTask", fc.record({ ConversionTaskId: ref("import-vol-") })),
    t("DescribeConversionTasks", fc.constant({})),
    t("CreateStoreImageTask", fc.record({ ImageId: ami, Bucket: fc.constantFrom("bucket", "other") })),
    t("DescribeStoreImageTasks", fc.oneof(fc.constant({}), fc.record({ ImageIds: fc.array(ami, { minLength: 1, maxLength: 2 }) }))),
    t(
      "CreateRestoreImageTask",
      fc.record({
        Bucket: fc.constantFrom("bucket", "other"),
        ObjectKey: fc.constantFrom("ami-0123456789abcdef0.bin", "missing.bin"),
        Name: fc.option(name, { nil: undefined }),
      }),
    ),
    t("CreateImageUsageReport", fc.record({ ImageId: ami, ResourceTypes: fc.constant([{ ResourceType: "ec2:Instance" }]) })),
    t("EnableFastLaunch", fc.record({ ImageId: ami })),
    t("DisableFastLaunch", fc.record({ ImageId: ami })),
    t("DescribeImages", fc.record({ Owners: fc.constant(["self"]) })),
    t("DescribeImportImageTasks", fc.constant({})),
    t("DescribeTags", fc.constant({})),
    t("DescribeFastLaunchImages", fc.constant({})),
    t("DescribeImageUsageReports", fc.constant({})),
    // The instance-type catalog: names known, unknown and not types at all; filters, pages and Spot windows.
    t(
      "DescribeInstanceTypes",
      fc.record({
        InstanceTypes: fc.option(
          fc.array(fc.constantFrom("t3.micro", "m7g.large", "g5.48xlarge", "a1.medium", "t9.huge"), { maxLength: 3 }),
          {
            nil: undefined,
          },
        ),
        Filters: fc.option(
          fc.array(
            fc.record({
              Name: fc.constantFrom(
                "processor-info.supported-architecture",
                "vcpu-info.default-vcpus",
                "current-generation",
                "instance-type",
                "bogus",
              ),
              Values: fc.array(fc.constantFrom("arm64", "x86_64", "2", "true", "t3.*", "*"), { minLength: 1, maxLength: 2 }),
            }),
            { maxLength: 2 },
          ),
          { nil: undefined },
        ),
        MaxResults: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      }),
    ),
    t(
      "DescribeInstanceTypeOfferings",
      fc.record({
        LocationType: fc.option(fc.constantFrom("region", "availability-zone", "availability-zone-id", "outpost"), { nil: undefined }),
        Filters: fc.option(fc.constant([{ Name: "location", Values: ["us-east-1a", "use1-az2"] }]), { nil: undefined }),
        MaxResults: fc.option(fc.integer({ min: 0, max: 1200 }), { nil: undefined }),
      }),
    ),
    t(
      "DescribeSpotPriceHistory",
      fc.record({
        InstanceTypes: fc.option(fc.array(fc.constantFrom("t3.micro", "c7g.large", "t2.nano", "p3.2xlarge"), { maxLength: 2 }), {
          nil: undefined,
        }),
        ProductDescriptions: fc.option(fc.constant(["Linux/UNIX"]), { nil: undefined }),
        AvailabilityZone: fc.option(fc.constantFrom("", "us-east-1a", "eu-west-1a"), { nil: undefined }),
        StartTime: fc.option(fc.constantFrom("2026-11-23T00:00:00Z", "2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z"), { nil: undefined }),
        EndTime: fc.option(fc.constantFrom("2026-11-23T12:00:00Z", "2026-11-01T00:00:00Z"), { nil: undefined }),
        MaxResults: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
      }),
    ),
    // The image pipeline: instances from AMIs, their volumes and snapshots, AMIs made from instances, launch templates.
    t(
      "RunInstances",
      fc.record({
        ImageId: ami,
        MinCount: fc.constant(1),
        MaxCount: fc.integer({ min: 1, max: 2 }),
        InstanceType: fc.constantFrom("t3.micro", "m5.large"),
        KeyName: fc.option(name, { nil: undefined }),
        ClientToken: fc.option(name, { nil: undefined }),
      }),
    ),
    ...["StartInstances", "StopInstances", "TerminateInstances"].map((op) =>
      t(op, fc.record({ InstanceIds: fc.array(instance, { minLength: 1, maxLength: 2 }) })),
    ),
    t("CreateImage", fc.record({ InstanceId: instance, Name: name, NoReboot: fc.boolean() })),
    t(
      "ModifyInstanceAttribute",
      fc.oneof(
        fc.record({ InstanceId: instance, DisableApiTermination: fc.record({ Value: fc.boolean() }) }),
        fc.record({ InstanceId: instance, InstanceType: fc.record({ Value: fc.constantFrom("t3.large", "m5.xlarge") }) }),
      ),
    ),
    t("DescribeInstances", fc.constant({})),
    // EBS volumes, encryption by default, snapshot tiers, Spot launches and instant fleets.
    t(
      "CreateVolume",
      fc.record({
        AvailabilityZone: fc.constantFrom("us-east-1a", "us-east-1b", "us-east-1z", ""),
        Size: fc.option(fc.integer({ min: 0, max: 70_000 }), { nil: undefined }),
        VolumeType: fc.option(fc.constantFrom("gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"), { nil: undefined }),
        Iops: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
        Throughput: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
        SnapshotId: fc.option(snapshot, { nil: undefined }),
        Encrypted: fc.option(fc.boolean(), { nil: undefined }),
        KmsKeyId: fc.option(fc.constantFrom("alias/aws/ebs", "alias/fuzz", "1234abcd-12ab-34cd-56ef-1234567890ab", "key"), {
          nil: undefined,
        }),
        MultiAttachEnabled: fc.option(fc.boolean(), { nil: undefined }),
        ClientToken: fc.option(name, { nil: undefined }),
        TagSpecifications: fc.option(
          ec2Tags.map((Tags) => [{ ResourceType: "volume", Tags }]),
          { nil: undefined },
        ),
      }),
    ),
    t(
      "AttachVolume",
      fc.record({
        VolumeId: ref("vol-"),
        InstanceId: instance,
        Device: fc.constantFrom("/dev/sdf", "/dev/xvdb", "xvdg", "/dev/sda1", "sdf"),
      }),
    ),
    t("DetachVolume", fc.record({ VolumeId: ref("vol-"), Force: fc.option(fc.boolean(), { nil: undefined }) })),
    t(
      "ModifyVolume",
      fc.record({
        VolumeId: ref("vol-"),
        Size: fc.option(fc.integer({ min: 0, max: 70_000 }), { nil: undefined }),
        VolumeType: fc.option(fc.constantFrom("gp2", "gp3", "io1", "io2", "st1"), { nil: undefined }),
        Iops: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
        Throughput: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
      }),
    ),
    t("DescribeVolumesModifications", fc.constant({})),
    t("ModifyVolumeAttribute", fc.record({ VolumeId: ref("vol-"), AutoEnableIO: fc.record({ Value: fc.boolean() }) })),
    t("DescribeVolumeStatus", fc.record({ MaxResults: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }) })),
    ...["EnableEbsEncryptionByDefault", "DisableEbsEncryptionByDefault", "ResetEbsDefaultKmsKeyId"].map((op) => t(op, fc.constant({}))),
    t(
      "ModifyEbsDefaultKmsKeyId",
      fc.record({
        KmsKeyId: fc.constantFrom("alias/fuzz", "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab", "nope"),
      }),
    ),
    t(
      "LockSnapshot",
      fc.record({
        SnapshotId: snapshot,
        LockMode: fc.constantFrom("governance", "compliance"),
        CoolOffPeriod: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
        LockDuration: fc.option(fc.integer({ min: 0, max: 40000 }), { nil: undefined }),
      }),
    ),
    t("UnlockSnapshot", fc.record({ SnapshotId: snapshot })),
    t(
      "CreateSnapshots",
      fc.record({
        InstanceSpecification: fc.record({ InstanceId: instance, ExcludeBootVolume: fc.option(fc.boolean(), { nil: undefined }) }),
        CopyTagsFromSource: fc.option(fc.constant("volume"), { nil: undefined }),
      }),
    ),
    t(
      "CreateReplaceRootVolumeTask",
      fc.record({
        InstanceId: instance,
        SnapshotId: fc.option(snapshot, { nil: undefined }),
        DeleteReplacedRootVolume: fc.option(fc.boolean(), { nil: undefined }),
      }),
    ),
    t(
      "EnableFastSnapshotRestores",
      fc.record({
        SourceSnapshotIds: fc.array(snapshot, { minLength: 1, maxLength: 3 }),
        AvailabilityZones: fc.array(fc.constantFrom("us-east-1a", "us-east-1b", "us-east-1z"), { minLength: 1, maxLength: 2 }),
      }),
    ),
    t(
      "DisableFastSnapshotRestores",
      fc.record({
        SourceSnapshotIds: fc.array(snapshot, { minLength: 1, maxLength: 3 }),
        AvailabilityZones: fc.array(fc.constantFrom("us-east-1a", "us-east-1b"), { minLength: 1, maxLength: 2 }),
      }),
    ),
    t("ModifySnapshotTier", fc.record({ SnapshotId: snapshot, StorageTier: fc.constant("archive") })),
    t(
      "RestoreSnapshotTier",
      fc.record({
        SnapshotId: snapshot,
        TemporaryRestoreDays: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
        PermanentRestore: fc.option(fc.boolean(), { nil: undefined }),
      }),
    ),
    t(
      "RunInstances",
      fc.record({
        ImageId: ami,
        MinCount: fc.constant(1),
        MaxCount: fc.constant(1),
        InstanceType: fc.constantFrom("t3.micro", "m5.large"),
        InstanceMarketOptions: fc.record({
          MarketType: fc.constantFrom("spot", "capacity-block"),
          SpotOptions: fc.record({
            MaxPrice: fc.option(fc.constantFrom("0.0001", "1", "abc", "0"), { nil: undefined }),
            SpotInstanceType: fc.option(fc.constantFrom("one-time", "persistent"), { nil: undefined }),
            InstanceInterruptionBehavior: fc.option(fc.constantFrom("stop", "terminate", "hibernate"), { nil: undefined }),
          }),
        }),
      }),
    ),
    t(
      "CreateFleet",
      fc.record({
        Type: fc.constantFrom("instant", "request"),
        LaunchTemplateConfigs: fc.array(
          fc.record({
            LaunchTemplateSpecification: fc.record({ LaunchTemplateName: name, Version: fc.constantFrom("1", "$Latest") }),
            Overrides: fc.array(fc.record({ InstanceType: fc.constantFrom("t3.micro", "t3a.micro", "m5.large") }), { maxLength: 3 }),
          }),
          { minLength: 1, maxLength: 2 },
        ),
        TargetCapacitySpecification: fc.record({
          TotalTargetCapacity: fc.integer({ min: 0, max: 3 }),
          DefaultTargetCapacityType: fc.constantFrom("spot", "on-demand"),
        }),
      }),
    ),
    t("DeleteFleets", fc.record({ FleetIds: fc.array(ref("fleet-"), { minLength: 1, maxLength: 2 }), TerminateInstances: fc.boolean() })),
    t("DescribeSpotInstanceRequests", fc.constant({})),
    t("DeleteVolume", fc.record({ VolumeId: ref("vol-") })),
    t("CreateSnapshot", fc.record({ VolumeId: ref("vol-") })),
    t("CopySnapshot", fc.record({ SourceSnapshotId: snapshot, SourceRegion: fc.constantFrom("us-east-1", "eu-west-1") })),
    t("DeleteSnapshot", fc.record({ SnapshotId: snapshot })),
    t(
      "ModifySnapshotAttribute",
      fc.record({
        SnapshotId: snapshot,
        Attribute: fc.constant("createVolumePermission"),
        OperationType: fc.constantFrom("add", "remove"),
        UserIds: fc.array(account, { minLength: 1, maxLength: 1 }),
      }),
    ),
    t("DescribeSnapshots", fc.record({ OwnerIds: fc.constant(["self"]) })),
    t("CreateKeyPair", fc.record({ KeyName: name, KeyType: fc.constantFrom("rsa", "ed25519") })),
    t("DeleteKeyPair", fc.record({ KeyName: name })),
    t("CreateSecurityGroup", fc.record({ GroupName: name, Description: fc.constant("fuzz") })),
    t("DeleteSecurityGroup", fc.record({ GroupName: name })),
    t(
      "CreateVpc",
      fc.record({ CidrBlock: fc.constantFrom("10.0.0.0/16", "10.1.0.0/24", "10.0.0.1/16", "10.0.0.0/8", "172.31.0.0/28", "nonsense") }),
    ),
    t("DeleteVpc", fc.record({ VpcId: ref("vpc-") })),
    t("CreateDefaultVpc", fc.constant({})),
    t("ModifyVpcAttribute", fc.record({ VpcId: ref("vpc-"), EnableDnsHostnames: fc.record({ Value: fc.boolean() }) })),
    t(
      "DescribeVpcAttribute",
      fc.record({
        VpcId: ref("vpc-"),
        Attribute: fc.constantFrom("enableDnsSupport", "enableDnsHostnames", "enableNetworkAddressUsageMetrics"),
      }),
    ),
    t(
      "CreateSubnet",
      fc.record({
        VpcId: ref("vpc-"),
        CidrBlock: fc.constantFrom("10.0.1.0/24", "10.0.0.0/16", "10.0.1.0/28", "10.9.0.0/24", "172.31.200.0/24", "x/24"),
        AvailabilityZone: fc.constantFrom("us-east-1a", "us-east-1f", "us-east-1z"),
      }),
    ),
    t("DeleteSubnet", fc.record({ SubnetId: ref("subnet-") })),
    t("ModifySubnetAttribute", fc.record({ SubnetId: ref("subnet-"), MapPublicIpOnLaunch: fc.record({ Value: fc.boolean() }) })),
    ...["AuthorizeSecurityGroupEgress", "RevokeSecurityGroupEgress", "RevokeSecurityGroupIngress"].map((op) =>
      t(
        op,
        fc.record({
          GroupId: ref("sg-"),
          IpPermissions: fc.array(
            fc.record({
              IpProtocol: fc.constantFrom("tcp", "-1", "icmp", "udp", "banana"),
              FromPort: fc.integer({ min: -1, max: 70000 }),
              ToPort: fc.integer({ min: -1, max: 70000 }),
              IpRanges: fc.array(fc.record({ CidrIp: fc.constantFrom("0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/33") }), { maxLength: 2 }),
            }),
            { minLength: 1, maxLength: 2 },
          ),
        }),
      ),
    ),
    t(
      "RevokeSecurityGroupIngress",
      fc.record({ GroupId: ref("sg-"), SecurityGroupRuleIds: fc.array(ref("sgr-"), { minLength: 1, maxLength: 2 }) }),
    ),
    t(
      "ModifySecurityGroupRules",
      fc.record({
        GroupId: ref("sg-"),
        SecurityGroupRules: fc.array(
          fc.record({
            SecurityGroupRuleId: ref("sgr-"),
            SecurityGroupRule: fc.record({
              IpProtocol: fc.constantFrom("tcp", "-1"),
              FromPort: fc.nat(100),
              ToPort: fc.nat(100),
              CidrIpv4: fc.constant("10.0.0.0/8"),
            }),
          }),
          { minLength: 1, maxLength: 2 },
        ),
      }),
    ),
    t("DescribeSecurityGroupRules", fc.record({ Filters: fc.constant([{ Name: "group-id", Values: ["sg-*"] }]) })),
    t(
      "CreateLaunchTemplate",
      fc.record({ LaunchTemplateName: name, LaunchTemplateData: fc.record({ ImageId: ami, InstanceType: fc.constant("t3.micro") }) }),
    ),
    t(
      "CreateLaunchTemplateVersion",
      fc.record({ LaunchTemplateName: name, LaunchTemplateData: fc.record({ ImageId: ami }), SourceVersion: fc.constant("$Latest") }),
    ),
    t("DeleteLaunchTemplate", fc.record({ LaunchTemplateName: name })),
    ...["DisableImage", "EnableImage", "EnableImageDeregistrationProtection", "DisableImageDeregistrationProtection"].map((op) =>
      t(op, fc.record({ ImageId: ami })),
    ),
    t("EnableImageDeprecation", fc.record({ ImageId: ami, DeprecateAt: fc.constant("2027-01-01T00:00:00Z") })),
    t("DeregisterImage", fc.record({ ImageId: ami, DeleteAssociatedSnapshots: fc.constant(true) })),
    t("CancelImageLaunchPermission", fc.record({ ImageId: ami })),
    t("GetImageAncestry", fc.record({ ImageId: ami })),
    t(
      "DescribeInstanceImageMetadata",
      fc.record(
        {
          InstanceIds: fc.array(instance, { maxLength: 2 }),
          Filters: fc.constantFrom([{ Name: "image-allowed", Values: ["false"] }], [{ Name: "instance-state-name", Values: ["running"] }]),
          MaxResults: fc.constantFrom(1, 5, 1000, 0),
        },
        { requiredKeys: [] },
      ),
    ),
    // Allowed AMIs: the states, and criteria within and past AWS's limits.
    t("EnableAllowedImagesSettings", fc.record({ AllowedImagesSettingsState: fc.constantFrom("enabled", "audit-mode", "disabled") })),
    t("DisableAllowedImagesSettings", fc.constant({})),
    t(
      "ReplaceImageCriteriaInAllowedImagesSettings",
      fc.record({
        ImageCriteria: fc.array(
          fc.record(
            {
              ImageProviders: fc.constantFrom(["amazon"], ["111111111111", "aws-marketplace"], ["none"], ["none", "amazon"], ["x"]),
              ImageNames: fc.constantFrom(["golden-*"], ["a?"], ["n".repeat(129)], ["ok name (1)"]),
              MarketplaceProductCodes: fc.constantFrom(["abc123"], ["bad-code"]),
              CreationDateCondition: fc.record({ MaximumDaysSinceCreated: fc.constantFrom(0, 300, -1) }),
              DeprecationTimeCondition: fc.record({ MaximumDaysSinceDeprecated: fc.constantFrom(0, 30) }),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 11 },
        ),
      }),
    ),
    // Internet gateways, route tables, network ACLs, Elastic IPs.
    t(
      "CreateInternetGateway",
      fc.record({ TagSpecifications: fc.constant([{ ResourceType: "internet-gateway", Tags: [{ Key: "team", Value: "blue" }] }]) }),
    ),
    t("AttachInternetGateway", fc.record({ InternetGatewayId: gateway, VpcId: vpc })),
    t("DetachInternetGateway", fc.record({ InternetGatewayId: gateway, VpcId: vpc })),
    t("DeleteInternetGateway", fc.record({ InternetGatewayId: gateway })),
    t("DescribeInternetGateways", fc.record({ Filters: fc.constant([{ Name: "attachment.vpc-id", Values: ["vpc-*"] }]) })),
    t("CreateRouteTable", fc.record({ VpcId: vpc })),
    t("DeleteRouteTable", fc.record({ RouteTableId: routeTable })),
    t("CreateRoute", fc.record({ RouteTableId: routeTable, DestinationCidrBlock: cidr, GatewayId: gateway })),
    t("CreateRoute", fc.record({ RouteTableId: routeTable, DestinationCidrBlock: cidr, InstanceId: instance })),
    t("ReplaceRoute", fc.record({ RouteTableId: routeTable, DestinationCidrBlock: cidr, GatewayId: gateway })),
    t("DeleteRoute", fc.record({ RouteTableId: routeTable, DestinationCidrBlock: cidr })),
    t("AssociateRouteTable", fc.record({ RouteTableId: routeTable, SubnetId: subnet })),
    t("DisassociateRouteTable", fc.record({ AssociationId: ref("rtbassoc-") })),
    t("ReplaceRouteTableAssociation", fc.record({ AssociationId: ref("rtbassoc-"), RouteTableId: routeTable })),
    t("DescribeRouteTables", fc.record({ Filters: fc.constant([{ Name: "association.main", Values: ["true"] }]) })),
    t("CreateNetworkAcl", fc.record({ VpcId: vpc })),
    t("DeleteNetworkAcl", fc.record({ NetworkAclId: acl })),
    t(
      "CreateNetworkAclEntry",
      fc.record({
        NetworkAclId: acl,
        RuleNumber: fc.constantFrom(1, 100, 32766, 32767, 0),
        Egress: fc.boolean(),
        Protocol: fc.constantFrom("-1", "6", "tcp", "17", "1", "gre", "300"),
        RuleAction: fc.constantFrom("allow", "deny"),
        CidrBlock: cidr,
        PortRange: fc.option(fc.record({ From: fc.constantFrom(22, 0, 70000), To: fc.constantFrom(22, 65535, 1) }), { nil: undefined }),
      }),
    ),
    t("DeleteNetworkAclEntry", fc.record({ NetworkAclId: acl, RuleNumber: fc.constantFrom(100, 32767), Egress: fc.boolean() })),
    t("ReplaceNetworkAclAssociation", fc.record({ AssociationId: ref("aclassoc-"), NetworkAclId: acl })),
    t("DescribeNetworkAcls", fc.record({ Filters: fc.constant([{ Name: "default", Values: ["true"] }]) })),
    t(
      "AllocateAddress",
      fc.record({
        Domain: fc.constantFrom("vpc", "standard"),
        TagSpecifications: fc.constant([{ ResourceType: "elastic-ip", Tags: [{ Key: "team", Value: "blue" }] }]),
      }),
    ),
    t("AssociateAddress", fc.record({ AllocationId: allocation, InstanceId: instance, AllowReassociation: fc.boolean() })),
    t(
      "AssociateAddress",
      fc.record(
        {
          AllocationId: allocation,
          NetworkInterfaceId: eni,
          PrivateIpAddress: fc.constantFrom("172.31.0.4", "172.31.16.5", "10.0.0.9"),
          AllowReassociation: fc.boolean(),
        },
        { requiredKeys: ["AllocationId", "NetworkInterfaceId"] },
      ),
    ),
    t("DisassociateAddress", fc.record({ AssociationId: ref("eipassoc-") })),
    t("ReleaseAddress", fc.record({ AllocationId: allocation })),
    t("DescribeAddresses", fc.record({ Filters: fc.constant([{ Name: "domain", Values: ["vpc"] }]) })),
    t(
      "DescribeAddresses",
      fc.record({
        Filters: fc
          .tuple(fc.constantFrom("network-interface-id", "private-ip-address", "instance-id"), eni)
          .map(([Name, v]) => [{ Name, Values: [v] }]),
      }),
    ),
    t(
      "DescribeAddressesAttribute",
      fc.record({ AllocationIds: fc.array(allocation, { maxLength: 2 }), Attribute: fc.constant("domain-name") }),
    ),
    t("DescribeAccountAttributes", fc.record({ AttributeNames: fc.constantFrom(["default-vpc"], ["supported-platforms", "default-vpc"]) })),
    // Network interfaces, and what tools change on running instances.
    t(
      "CreateNetworkInterface",
      fc.record({
        SubnetId: subnet,
        Description: fc.option(name, { nil: undefined }),
        SecondaryPrivateIpAddressCount: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        PrivateIpAddress: fc.option(fc.constantFrom("172.31.0.9", "172.31.0.1", "10.0.0.5", "not-an-ip"), { nil: undefined }),
      }),
    ),
    t("DeleteNetworkInterface", fc.record({ NetworkInterfaceId: eni })),
    t(
      "AttachNetworkInterface",
      fc.record({ NetworkInterfaceId: eni, InstanceId: instance, DeviceIndex: fc.integer({ min: -1, max: 20 }) }),
    ),
    t("DetachNetworkInterface", fc.record({ AttachmentId: ref("eni-attach-") })),
    t(
      "ModifyNetworkInterfaceAttribute",
      fc.oneof(
        fc.record({ NetworkInterfaceId: eni, SourceDestCheck: fc.record({ Value: fc.boolean() }) }),
        fc.record({ NetworkInterfaceId: eni, Description: fc.record({ Value: name }) }),
      ),
    ),
    t(
      "DescribeNetworkInterfaceAttribute",
      fc.record({ NetworkInterfaceId: eni, Attribute: fc.constantFrom("description", "groupSet", "sourceDestCheck", "attachment") }),
    ),
    t(
      "DescribeNetworkInterfaces",
      fc.record({
        Filters: fc.option(
          fc.array(
            fc.record({
              Name: fc.constantFrom("attachment.instance-id", "subnet-id", "vpc-id", "addresses.private-ip-address", "status", "bogus"),
              Values: fc.array(fc.constantFrom("in-use", "172.31.0.4", "*", "i-0123456789abcdef0"), { minLength: 1, maxLength: 2 }),
            }),
            { maxLength: 2 },
          ),
          { nil: undefined },
        ),
        MaxResults: fc.option(fc.integer({ min: 0, max: 1200 }), { nil: undefined }),
      }),
    ),
    ...["MonitorInstances", "UnmonitorInstances"].map((op) =>
      t(op, fc.record({ InstanceIds: fc.array(instance, { minLength: 1, maxLength: 2 }) })),
    ),
    t(
      "ModifyInstanceMetadataOptions",
      fc.record({
        InstanceId: instance,
        HttpTokens: fc.option(fc.constantFrom("optional", "required"), { nil: undefined }),
        HttpPutResponseHopLimit: fc.option(fc.integer({ min: -1, max: 70 }), { nil: undefined }),
      }),
    ),
    t("ModifyInstanceMaintenanceOptions", fc.record({ InstanceId: instance, AutoRecovery: fc.constantFrom("default", "disabled") })),
    t("DescribeInstanceCreditSpecifications", fc.record({ InstanceIds: fc.array(instance, { maxLength: 2 }) })),
    t(
      "ModifyInstanceCreditSpecification",
      fc.record({
        InstanceCreditSpecifications: fc.array(
          fc.record({ InstanceId: instance, CpuCredits: fc.constantFrom("standard", "unlimited", "x") }),
          {
            maxLength: 3,
          },
        ),
      }),
    ),
    ...["GetPasswordData", "GetInstanceUefiData", "GetLaunchTemplateData"].map((op) => t(op, fc.record({ InstanceId: instance }))),
    t("CreateDelegateMacVolumeOwnershipTask", fc.record({ InstanceId: instance, MacCredentials: fc.constant("{}") })),
    t(
      "CreateMacSystemIntegrityProtectionModificationTask",
      fc.record({ InstanceId: instance, MacSystemIntegrityProtectionStatus: fc.constantFrom("enabled", "disabled") }),
    ),
    t("DescribeMacModificationTasks", fc.record({ MaxResults: fc.integer({ min: 5, max: 500 }) })),
    t(
      "AssociateIamInstanceProfile",
      fc.record({ InstanceId: instance, IamInstanceProfile: fc.record({ Name: fc.constantFrom("builder", "bad name", "") }) }),
    ),
    t("DescribeIamInstanceProfileAssociations", fc.constant({})),
    t("DisassociateIamInstanceProfile", fc.record({ AssociationId: ref("iip-assoc-") })),
    t(
      "ReplaceIamInstanceProfileAssociation",
      fc.record({
        AssociationId: ref("iip-assoc-"),
        IamInstanceProfile: fc.record({ Arn: fc.constant("arn:aws:iam::111111111111:instance-profile/x") }),
      }),
    ),
  ],
};
