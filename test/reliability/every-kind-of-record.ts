// A state that holds at least one record of every type the services declare (for the state import tests).
import assert from "node:assert/strict";
import {
  AssociateAppBlockBuilderAppBlockCommand,
  AssociateApplicationFleetCommand,
  AssociateApplicationToEntitlementCommand,
  AssociateFleetCommand,
  CreateAppBlockBuilderCommand,
  CreateAppBlockCommand,
  CreateApplicationCommand,
  CreateDirectoryConfigCommand,
  CreateEntitlementCommand,
  BatchAssociateUserStackCommand,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  CreateImportedImageCommand,
  CreateStackCommand,
  CreateUsageReportSubscriptionCommand,
  CreateUserCommand,
  UpdateImagePermissionsCommand,
  AssociateSoftwareToImageBuilderCommand,
  StartSoftwareDeploymentToImageBuilderCommand,
  CreateThemeForStackCommand,
  CreateExportImageTaskCommand,
  StartFleetCommand,
  CreateStreamingURLCommand,
} from "@aws-sdk/client-appstream";
import {
  CopyImageCommand,
  CreateFleetCommand as CreateEc2FleetCommand,
  CreateImageUsageReportCommand,
  AllocateAddressCommand,
  AssociateAddressCommand,
  CreateNetworkInterfaceCommand,
  DescribeSubnetsCommand,
  CreateInternetGatewayCommand,
  DescribeRouteTablesCommand,
  CreateKeyPairCommand,
  CreateLaunchTemplateCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  EnableEbsEncryptionByDefaultCommand,
  EnableFastLaunchCommand,
  EnableImageBlockPublicAccessCommand,
  EnableSnapshotBlockPublicAccessCommand,
  EnableFastSnapshotRestoresCommand,
  CreateReplaceRootVolumeTaskCommand,
  EnableAllowedImagesSettingsCommand,
  ReplaceImageCriteriaInAllowedImagesSettingsCommand,
  ImportImageCommand,
  CreateStoreImageTaskCommand,
  ExportImageCommand,
  ImportSnapshotCommand,
  ImportVolumeCommand,
  DescribeImagesCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  RunInstancesCommand,
  DeregisterImageCommand,
  DeleteSnapshotCommand,
} from "@aws-sdk/client-ec2";
import { PutParameterCommand, PutResourcePolicyCommand } from "@aws-sdk/client-ssm";
import { CreateRuleCommand } from "@aws-sdk/client-rbin";
import type { Imagelite } from "../../src/index";
import {
  ACCOUNT_A,
  ACCOUNT_B,
  admin,
  appstreamClient,
  createImageFromBuilder,
  ec2Client,
  rbinClient,
  ssmClient,
  T,
  REGION,
} from "../support/server";
import { importableWindows, ownSnapshot, registerAmi, settle } from "../ec2/helpers";

const BASE = "AppStream-WinServer2022-11-10-2025";

/** Makes at least one record of every type the services declare. */
export async function everyKindOfRecord(server: Imagelite): Promise<void> {
  const ec2 = ec2Client(server);
  const app = appstreamClient(server);
  const appB = appstreamClient(server, ACCOUNT_B);
  const ssm = ssmClient(server);
  const rbin = rbinClient(server);
  try {
    const ami = await registerAmi(ec2, "golden-windows", await importableWindows(ec2));
    settle(server);
    await ec2.send(new ModifyImageAttributeCommand({ ImageId: ami, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }, { Group: "all" }] } }));
    await ec2.send(new CreateTagsCommand({ Resources: [ami], Tags: [{ Key: "team", Value: "imaging" }] }));
    const [root] = (await ec2.send(new DescribeImagesCommand({ ImageIds: [ami] }))).Images![0].BlockDeviceMappings!;
    await ec2.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: root.Ebs!.SnapshotId!,
        CreateVolumePermission: { Add: [{ UserId: ACCOUNT_B }, { Group: "all" }] },
      }),
    );
    await ec2.send(
      new EnableFastSnapshotRestoresCommand({ SourceSnapshotIds: [root.Ebs!.SnapshotId!], AvailabilityZones: ["us-east-1a"] }),
    );
    const ec2B = ec2Client(server, ACCOUNT_B);
    await ec2B.send(new CreateTagsCommand({ Resources: [ami], Tags: [{ Key: "seen-by", Value: "b" }] })); // a reference from another account
    // A snapshot shared with an account and with everyone.
    const snapshot = await ownSnapshot(ec2);
    for (const p of [{ UserId: ACCOUNT_B }, { Group: "all" as const }]) {
      await ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: snapshot, CreateVolumePermission: { Add: [p] } }));
    }
    await ec2.send(new CopyImageCommand({ SourceImageId: ami, SourceRegion: "us-east-1", Name: "golden-copy", ClientToken: "copy-1" }));
    await ec2.send(new ImportImageCommand({ DiskContainers: [{ Format: "vmdk", UserBucket: { S3Bucket: "b", S3Key: "k.vmdk" } }] }));
    // A store task and the object it writes.
    await ec2.send(new CreateStoreImageTaskCommand({ ImageId: ami, Bucket: "amis" }));
    // An export image task of a Linux AMI (a Windows one cannot be exported).
    const linux = await registerAmi(ec2, "golden-linux");
    settle(server);
    await ec2.send(new ImportSnapshotCommand({ DiskContainer: { Format: "vmdk", UserBucket: { S3Bucket: "b", S3Key: "d.vmdk" } } }));
    await ec2.send(
      new ImportVolumeCommand({
        AvailabilityZone: "us-east-1a",
        Image: { Format: "RAW", Bytes: 1, ImportManifestUrl: "https://b.s3.amazonaws.com/d.manifest.xml" },
        Volume: { Size: 1 },
      }),
    );
    await ec2.send(new ExportImageCommand({ ImageId: linux, DiskImageFormat: "VMDK", S3ExportLocation: { S3Bucket: "exports" } }));
    await ec2.send(new EnableFastLaunchCommand({ ImageId: ami }));
    await ec2.send(new CreateKeyPairCommand({ KeyName: "golden-key" }));
    const launched = await ec2.send(new RunInstancesCommand({ ImageId: ami, MinCount: 1, MaxCount: 1, KeyName: "golden-key" }));
    await ec2.send(new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: "block-new-sharing" }));
    await ec2.send(new EnableSnapshotBlockPublicAccessCommand({ State: "block-new-sharing" }));
    // Allowed AMIs in audit mode, which restricts nothing that follows.
    await ec2.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: "audit-mode" }));
    await ec2.send(
      new ReplaceImageCriteriaInAllowedImagesSettingsCommand({
        ImageCriteria: [{ ImageProviders: ["amazon"], CreationDateCondition: { MaximumDaysSinceCreated: 300 } }],
      }),
    );
    await ec2.send(new CreateImageUsageReportCommand({ ImageId: ami, ResourceTypes: [{ ResourceType: "ec2:Instance" }] }));
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "golden-lt", LaunchTemplateData: { ImageId: ami } }));
    // An instant fleet of one Spot Instance (and its Spot request: records of ec2.fleet and ec2.spot-instance-request,
    // and of ec2.network-interface for its instance's primary interface), and encryption by default.
    const fleet = await ec2.send(
      new CreateEc2FleetCommand({
        Type: "instant",
        LaunchTemplateConfigs: [
          { LaunchTemplateSpecification: { LaunchTemplateName: "golden-lt", Version: "1" }, Overrides: [{ InstanceType: "t3.micro" }] },
        ],
        TargetCapacitySpecification: { TotalTargetCapacity: 1, DefaultTargetCapacityType: "spot" },
      }),
    );
    assert.deepEqual(fleet.Errors, []);
    await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
    // The default VPC, its subnets and default group come with the first network call.
    await ec2.send(new CreateSecurityGroupCommand({ GroupName: "builders", Description: "image builders" }));
    // A deregistered AMI, whose id answers with no image for a while once it is gone.
    await ec2.send(new DeregisterImageCommand({ ImageId: await registerAmi(ec2, "short-lived") }));
    await ec2.send(new CreateKeyPairCommand({ KeyName: "golden-ed25519", KeyType: "ed25519" }));
    // Each VPC's main route table and default ACL come with the first routing call; a gateway and an address of their own.
    await ec2.send(new DescribeRouteTablesCommand({}));
    await ec2.send(new CreateInternetGatewayCommand({}));
    const address = await ec2.send(
      new AllocateAddressCommand({ TagSpecifications: [{ ResourceType: "elastic-ip", Tags: [{ Key: "Name", Value: "golden" }] }] }),
    );
    // A network interface kept apart from any instance (each instance has its own too), with the address associated.
    const [subnet] = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "default-for-az", Values: ["true"] }] }))).Subnets!;
    const { NetworkInterface } = await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId, Description: "spare" }));
    await ec2.send(
      new AssociateAddressCommand({ AllocationId: address.AllocationId, NetworkInterfaceId: NetworkInterface!.NetworkInterfaceId }),
    );
    await ec2B.send(
      new CreateLaunchTemplateCommand({ LaunchTemplateName: "web", LaunchTemplateData: { ImageId: ami, InstanceType: "t3.micro" } }),
    );
    ec2B.destroy();
    await app.send(
      new CreateImportedImageCommand({ Name: "imported", SourceAmiId: ami, IamRoleArn: `arn:aws:iam::${ACCOUNT_A}:role/Import` }),
    );
    await app.send(
      new CreateDirectoryConfigCommand({
        DirectoryName: "corp.example.com",
        OrganizationalUnitDistinguishedNames: ["OU=desktops,DC=corp,DC=example,DC=com"],
        ServiceAccountCredentials: { AccountName: "CORP\\svc", AccountPassword: "secret" },
      }),
    );
    await app.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: BASE, InstanceType: "stream.standard.small" }));
    server.clock.advance(T);
    // License-included software installed on the builder, which the image keeps.
    const office = "Microsoft_Office_2021_LTSC_Professional_Plus_64Bit";
    await app.send(new AssociateSoftwareToImageBuilderCommand({ ImageBuilderName: "ib", SoftwareNames: [office] }));
    await app.send(new StartSoftwareDeploymentToImageBuilderCommand({ ImageBuilderName: "ib" }));
    server.clock.advance(2 * T);
    assert.equal((await createImageFromBuilder(server, "ib", "golden")).status, 200);
    server.clock.advance(3 * T);
    // A root volume replacement of the running instance.
    await ec2.send(new CreateReplaceRootVolumeTaskCommand({ InstanceId: launched.Instances![0].InstanceId! }));
    await app.send(
      new UpdateImagePermissionsCommand({ Name: "golden", SharedAccountId: ACCOUNT_B, ImagePermissions: { allowFleet: true } }),
    );
    await app.send(
      new CreateFleetCommand({
        Name: "f",
        ImageName: "golden",
        InstanceType: "stream.standard.small",
        ComputeCapacity: { DesiredInstances: 1 },
      }),
    );
    await app.send(new CreateStackCommand({ Name: "s" }));
    await app.send(new AssociateFleetCommand({ FleetName: "f", StackName: "s" }));
    await app.send(
      new CreateEntitlementCommand({
        Name: "e",
        StackName: "s",
        AppVisibility: "ALL",
        Attributes: [{ Name: "department", Value: "engineering" }],
      }),
    );
    // In another account (the shape tests read this one's fleets and stacks): an app block with its application on an
    // Elastic fleet of a stack, entitled; an app block builder with its app block.
    const block = await appB.send(
      new CreateAppBlockCommand({
        Name: "ab",
        SourceS3Location: { S3Bucket: "apps", S3Key: "ab.vhdx" },
        SetupScriptDetails: {
          ScriptS3Location: { S3Bucket: "apps", S3Key: "setup.ps1" },
          ExecutablePath: "setup.ps1",
          TimeoutInSeconds: 60,
        },
      }),
    );
    const application = await appB.send(
      new CreateApplicationCommand({
        Name: "editor",
        AppBlockArn: block.AppBlock!.Arn!,
        IconS3Location: { S3Bucket: "apps", S3Key: "icon.png" },
        LaunchPath: "C:\\editor.exe",
        Platforms: ["WINDOWS_SERVER_2019"],
        InstanceFamilies: ["GENERAL_PURPOSE"],
      }),
    );
    await appB.send(
      new CreateFleetCommand({
        Name: "elastic",
        FleetType: "ELASTIC",
        Platform: "WINDOWS_SERVER_2019",
        InstanceType: "stream.standard.small",
        MaxConcurrentSessions: 2,
        VpcConfig: { SubnetIds: ["subnet-a", "subnet-b"] },
      }),
    );
    await appB.send(new AssociateApplicationFleetCommand({ FleetName: "elastic", ApplicationArn: application.Application!.Arn! }));
    await appB.send(new CreateStackCommand({ Name: "elastic-stack" }));
    await appB.send(new AssociateFleetCommand({ FleetName: "elastic", StackName: "elastic-stack" }));
    await appB.send(
      new CreateEntitlementCommand({
        Name: "picked",
        StackName: "elastic-stack",
        AppVisibility: "ASSOCIATED",
        Attributes: [{ Name: "department", Value: "engineering" }],
      }),
    );
    await appB.send(
      new AssociateApplicationToEntitlementCommand({
        StackName: "elastic-stack",
        EntitlementName: "picked",
        ApplicationIdentifier: "editor",
      }),
    );
    const packaged = await appB.send(
      new CreateAppBlockCommand({ Name: "packaged", PackagingType: "APPSTREAM2", SourceS3Location: { S3Bucket: "apps" } }),
    );
    await appB.send(
      new CreateAppBlockBuilderCommand({
        Name: "abb",
        Platform: "WINDOWS_SERVER_2019",
        InstanceType: "stream.standard.small",
        VpcConfig: { SubnetIds: ["subnet-a", "subnet-b"] },
      }),
    );
    await appB.send(new AssociateAppBlockBuilderAppBlockCommand({ AppBlockBuilderName: "abb", AppBlockArn: packaged.AppBlock!.Arn! }));
    const user = { UserName: "u@example.com", AuthenticationType: "USERPOOL" as const };
    await app.send(new CreateUserCommand(user));
    await app.send(new BatchAssociateUserStackCommand({ UserStackAssociations: [{ ...user, StackName: "s" }] }));
    await app.send(new CreateUsageReportSubscriptionCommand({}));
    // A theme, an export of the image to an AMI, and a session (with the user's license usage) on the running fleet.
    await app.send(
      new CreateThemeForStackCommand({
        StackName: "s",
        TitleText: "Golden apps",
        ThemeStyling: "BLUE",
        OrganizationLogoS3Location: { S3Bucket: "brand-bucket", S3Key: "logo.png" },
        FaviconS3Location: { S3Bucket: "brand-bucket", S3Key: "favicon.ico" },
      }),
    );
    await app.send(
      new CreateExportImageTaskCommand({
        ImageName: "golden",
        AmiName: "golden-exported",
        IamRoleArn: `arn:aws:iam::${ACCOUNT_A}:role/Export`,
      }),
    );
    await app.send(new StartFleetCommand({ Name: "f" }));
    server.clock.advance(T);
    await app.send(new CreateStreamingURLCommand({ StackName: "s", FleetName: "f", UserId: user.UserName }));
    await ssm.send(
      new PutParameterCommand({ Name: "/golden/windows/latest", Value: ami, Type: "String", DataType: "aws:ec2:image", Tier: "Advanced" }),
    );
    const Policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: ACCOUNT_B }, Action: "ssm:GetParameter" }] });
    await ssm.send(
      new PutResourcePolicyCommand({ ResourceArn: `arn:aws:ssm:${REGION}:${ACCOUNT_A}:parameter/golden/windows/latest`, Policy }),
    );
    // A Recycle Bin rule for snapshots, and a snapshot in the bin.
    await rbin.send(
      new CreateRuleCommand({ ResourceType: "EBS_SNAPSHOT", RetentionPeriod: { RetentionPeriodValue: 7, RetentionPeriodUnit: "DAYS" } }),
    );
    server.clock.advance(T);
    await ec2.send(new DeleteSnapshotCommand({ SnapshotId: await ownSnapshot(ec2) }));
    // Quota values for one account and region, and for every account (in imagelite's own partition).
    for (const body of [
      { accountId: ACCOUNT_A, region: REGION, quotas: { "L-1216C47A": 64 } },
      { quotas: { "L-417A185B": 256 } },
      { service: "appstream", accountId: ACCOUNT_A, region: REGION, quotas: { "L-A8B8B901": 20 } },
      { service: "appstream", quotas: { images: 40 } },
    ]) {
      assert.equal((await admin(server, "POST", "/_imagelite/quotas", body)).status, 200);
    }
  } finally {
    ec2.destroy();
    app.destroy();
    appB.destroy();
    ssm.destroy();
    rbin.destroy();
  }
}
