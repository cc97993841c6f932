// Instance settings through the AWS SDK: the option blocks RunInstances takes read back by DescribeInstances;
// MonitorInstances and UnmonitorInstances; ModifyInstanceMetadataOptions; ModifyInstanceMaintenanceOptions;
// credit specifications (burstable types only, "Burstable performance instances"); GetPasswordData for a Windows
// instance launched with an RSA key pair (decrypted with the pair's private key, empty for the first minutes,
// "Connect to your Windows instance"); GetInstanceUefiData; IAM instance profile associations;
// GetLaunchTemplateData; DescribeInstanceAttribute for every attribute of its enum.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createPrivateKey } from "node:crypto";
import {
  AssociateIamInstanceProfileCommand,
  CreateKeyPairCommand,
  DescribeIamInstanceProfileAssociationsCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstanceCreditSpecificationsCommand,
  DescribeInstancesCommand,
  DisassociateIamInstanceProfileCommand,
  GetInstanceUefiDataCommand,
  GetLaunchTemplateDataCommand,
  GetPasswordDataCommand,
  ModifyInstanceCreditSpecificationCommand,
  ModifyInstanceMaintenanceOptionsCommand,
  ModifyInstanceMetadataOptionsCommand,
  MonitorInstancesCommand,
  ReplaceIamInstanceProfileAssociationCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  UnmonitorInstancesCommand,
  type EC2Client,
  type InstanceAttributeName,
  type RunInstancesCommandInput,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, rejection, T, useServer } from "../support/server";
import { registerAmi, WINDOWS } from "./helpers";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
});

async function ami(extra: Parameters<typeof registerAmi>[2] = {}): Promise<string> {
  const id = await registerAmi(a, `base-${Math.random().toString(36).slice(2)}`, extra);
  server.clock.advance(T + 1);
  return id;
}

const run = async (input: Partial<RunInstancesCommandInput>) =>
  (await a.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, InstanceType: "t3.micro", ...input } as RunInstancesCommandInput)))
    .Instances![0];

const describe1 = async (id: string) => (await a.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0].Instances![0];

test("RunInstances: every option block is read back, with the type's defaults where the request says nothing", async () => {
  const image = await ami();
  const plain = await run({ ImageId: image });
  assert.deepEqual(plain.CpuOptions, { CoreCount: 1, ThreadsPerCore: 2 });
  assert.deepEqual(plain.HibernationOptions, { Configured: false });
  assert.deepEqual(plain.EnclaveOptions, { Enabled: false });
  assert.deepEqual(plain.MaintenanceOptions, { AutoRecovery: "default", RebootMigration: "default" });
  assert.deepEqual(plain.PrivateDnsNameOptions, {
    HostnameType: "ip-name",
    EnableResourceNameDnsARecord: false,
    EnableResourceNameDnsAAAARecord: false,
  });
  assert.deepEqual(plain.CapacityReservationSpecification, { CapacityReservationPreference: "open" });
  assert.equal(plain.Monitoring!.State, "disabled");

  const custom = await run({
    ImageId: image,
    InstanceType: "m5.xlarge",
    CpuOptions: { CoreCount: 2, ThreadsPerCore: 1 },
    HibernationOptions: { Configured: true },
    MaintenanceOptions: { AutoRecovery: "disabled" },
    PrivateDnsNameOptions: { HostnameType: "resource-name", EnableResourceNameDnsARecord: true },
    CapacityReservationSpecification: { CapacityReservationPreference: "none" },
    Monitoring: { Enabled: true },
  });
  const read = await describe1(custom.InstanceId!);
  assert.deepEqual(read.CpuOptions, { CoreCount: 2, ThreadsPerCore: 1 });
  assert.deepEqual(read.HibernationOptions, { Configured: true });
  assert.equal(read.MaintenanceOptions!.AutoRecovery, "disabled");
  assert.equal(read.PrivateDnsNameOptions!.HostnameType, "resource-name");
  assert.equal(read.PrivateDnsNameOptions!.EnableResourceNameDnsARecord, true);
  assert.deepEqual(read.CapacityReservationSpecification, { CapacityReservationPreference: "none" });
  assert.equal(read.Monitoring!.State, "enabled");

  const cores = await rejection(() => run({ ImageId: image, InstanceType: "m5.xlarge", CpuOptions: { CoreCount: 7, ThreadsPerCore: 1 } }));
  assert.equal(cores.name, "InvalidParameterValue");
  const credits = await rejection(() =>
    run({ ImageId: image, InstanceType: "m5.large", CreditSpecification: { CpuCredits: "unlimited" } }),
  );
  assert.equal(credits.name, "InvalidParameterCombination");
  const enclave = await rejection(() => run({ ImageId: image, InstanceType: "t3.micro", EnclaveOptions: { Enabled: true } }));
  assert.equal(enclave.name, "UnsupportedOperation");
});

test("MonitorInstances / UnmonitorInstances: pending then enabled, disabling then disabled; unknown and terminated instances refused", async () => {
  const image = await ami();
  const { InstanceId } = await run({ ImageId: image });
  const on = await a.send(new MonitorInstancesCommand({ InstanceIds: [InstanceId!] }));
  assert.deepEqual(on.InstanceMonitorings, [{ InstanceId, Monitoring: { State: "pending" } }]);
  assert.equal((await describe1(InstanceId!)).Monitoring!.State, "enabled");
  const off = await a.send(new UnmonitorInstancesCommand({ InstanceIds: [InstanceId!] }));
  assert.deepEqual(off.InstanceMonitorings, [{ InstanceId, Monitoring: { State: "disabling" } }]);
  assert.equal((await describe1(InstanceId!)).Monitoring!.State, "disabled");
  assert.equal(
    (await rejection(() => a.send(new MonitorInstancesCommand({ InstanceIds: ["i-12345678"] })))).name,
    "InvalidInstanceID.NotFound",
  );
  const dry = await rejection(() => a.send(new MonitorInstancesCommand({ InstanceIds: [InstanceId!], DryRun: true })));
  assert.equal(dry.name, "DryRunOperation");
  await a.send(new TerminateInstancesCommand({ InstanceIds: [InstanceId!] }));
  assert.equal((await rejection(() => a.send(new MonitorInstancesCommand({ InstanceIds: [InstanceId!] })))).name, "IncorrectInstanceState");
});

test("ModifyInstanceMetadataOptions and ModifyInstanceMaintenanceOptions change what DescribeInstances shows", async () => {
  const image = await ami();
  const { InstanceId } = await run({ ImageId: image });
  server.clock.advance(T + 1);
  const md = await a.send(
    new ModifyInstanceMetadataOptionsCommand({
      InstanceId,
      HttpTokens: "required",
      HttpPutResponseHopLimit: 3,
      InstanceMetadataTags: "enabled",
    }),
  );
  assert.equal(md.InstanceId, InstanceId);
  assert.equal(md.InstanceMetadataOptions!.State, "pending");
  assert.equal(md.InstanceMetadataOptions!.HttpTokens, "required");
  const read = (await describe1(InstanceId!)).MetadataOptions!;
  assert.deepEqual(
    [read.HttpTokens, read.HttpPutResponseHopLimit, read.InstanceMetadataTags, read.HttpEndpoint, read.State],
    ["required", 3, "enabled", "enabled", "applied"],
  );
  const hop = await rejection(() => a.send(new ModifyInstanceMetadataOptionsCommand({ InstanceId, HttpPutResponseHopLimit: 65 })));
  assert.equal(hop.name, "InvalidParameterValue");

  const mo = await a.send(new ModifyInstanceMaintenanceOptionsCommand({ InstanceId, AutoRecovery: "disabled" }));
  assert.deepEqual([mo.InstanceId, mo.AutoRecovery], [InstanceId, "disabled"]);
  assert.equal((await describe1(InstanceId!)).MaintenanceOptions!.AutoRecovery, "disabled");
  const nothing = await rejection(() => a.send(new ModifyInstanceMaintenanceOptionsCommand({ InstanceId })));
  assert.equal(nothing.name, "MissingParameter");
});

test("Credit specifications: burstable types only; T3 launches unlimited, T2 standard; a modify lists what it could not change", async () => {
  const image = await ami();
  const t3 = await run({ ImageId: image });
  const t2 = await run({ ImageId: image, InstanceType: "t2.micro" });
  const m5 = await run({ ImageId: image, InstanceType: "m5.large" });
  const std = await run({ ImageId: image, CreditSpecification: { CpuCredits: "standard" } });
  const { InstanceCreditSpecifications } = await a.send(
    new DescribeInstanceCreditSpecificationsCommand({ InstanceIds: [t3.InstanceId!, t2.InstanceId!, std.InstanceId!] }),
  );
  assert.deepEqual(
    InstanceCreditSpecifications!.map((c) => c.CpuCredits),
    ["unlimited", "standard", "standard"],
  );
  const all = await a.send(new DescribeInstanceCreditSpecificationsCommand({}));
  assert.equal(all.InstanceCreditSpecifications!.length, 3, "the m5 is not listed");
  const unsupported = await rejection(() => a.send(new DescribeInstanceCreditSpecificationsCommand({ InstanceIds: [m5.InstanceId!] })));
  assert.equal(unsupported.name, "InstanceCreditSpecification.NotSupported");

  const out = await a.send(
    new ModifyInstanceCreditSpecificationCommand({
      InstanceCreditSpecifications: [
        { InstanceId: t2.InstanceId!, CpuCredits: "unlimited" },
        { InstanceId: m5.InstanceId!, CpuCredits: "unlimited" },
        { InstanceId: "i-12345678", CpuCredits: "unlimited" },
      ],
    }),
  );
  assert.deepEqual(out.SuccessfulInstanceCreditSpecifications, [{ InstanceId: t2.InstanceId }]);
  assert.deepEqual(
    out.UnsuccessfulInstanceCreditSpecifications!.map((u) => [u.InstanceId, u.Error!.Code]),
    [
      [m5.InstanceId, "InstanceCreditSpecification.NotSupported"],
      ["i-12345678", "InvalidInstanceID.NotFound"],
    ],
  );
  const after = await a.send(new DescribeInstanceCreditSpecificationsCommand({ InstanceIds: [t2.InstanceId!] }));
  assert.equal(after.InstanceCreditSpecifications![0].CpuCredits, "unlimited");
  const bad = await rejection(() =>
    a.send(
      new ModifyInstanceCreditSpecificationCommand({ InstanceCreditSpecifications: [{ InstanceId: t2.InstanceId!, CpuCredits: "max" }] }),
    ),
  );
  assert.equal(bad.name, "InvalidParameterValue");
});

/** RSA PKCS#1 v1.5 decryption with the private key's numbers (Node refuses that padding for private decryption). */
function decryptPkcs1(pem: string, data: Buffer): string {
  const jwk = createPrivateKey(pem).export({ format: "jwk" });
  const big = (v: string | undefined) => BigInt(`0x${Buffer.from(v!, "base64url").toString("hex")}`);
  const [n, d] = [big(jwk.n), big(jwk.d)];
  let [result, base, e] = [1n, BigInt(`0x${data.toString("hex")}`) % n, d];
  while (e > 0n) {
    if (e & 1n) result = (result * base) % n;
    base = (base * base) % n;
    e >>= 1n;
  }
  const bytes = Buffer.from(result.toString(16).padStart(data.length * 2, "0"), "hex");
  assert.deepEqual([bytes[0], bytes[1]], [0, 2], "PKCS#1 v1.5 encryption block");
  return bytes.subarray(bytes.indexOf(0, 2) + 1).toString();
}

test("GetPasswordData: empty at first, then the administrator password encrypted with the key pair's public key", async () => {
  const windows = await ami(WINDOWS);
  const linux = await ami();
  const { KeyMaterial } = await a.send(new CreateKeyPairCommand({ KeyName: "rdp", KeyType: "rsa" }));
  await a.send(new CreateKeyPairCommand({ KeyName: "ed", KeyType: "ed25519" }));
  const { InstanceId, Platform } = await run({ ImageId: windows, KeyName: "rdp" });
  assert.equal(Platform, "windows");
  const first = await a.send(new GetPasswordDataCommand({ InstanceId }));
  assert.equal(first.InstanceId, InstanceId);
  assert.equal(first.PasswordData, "");
  // Running, but not yet for the few minutes EC2 takes.
  server.clock.advance(T + 1);
  assert.equal((await a.send(new GetPasswordDataCommand({ InstanceId }))).PasswordData, "");
  server.clock.advance(4 * T);
  const later = await a.send(new GetPasswordDataCommand({ InstanceId }));
  assert.notEqual(later.PasswordData, "");
  const password = decryptPkcs1(KeyMaterial!, Buffer.from(later.PasswordData!, "base64"));
  assert.match(password, /^[\x21-\x7e]{32}$/);
  assert.equal((await a.send(new GetPasswordDataCommand({ InstanceId }))).PasswordData, later.PasswordData, "the same password each time");

  const { InstanceId: penguin } = await run({ ImageId: linux, KeyName: "rdp" });
  server.clock.advance(10 * T);
  assert.equal((await a.send(new GetPasswordDataCommand({ InstanceId: penguin }))).PasswordData, "", "a Linux instance has no password");
  const ed = await rejection(() => run({ ImageId: windows, KeyName: "ed" }));
  assert.equal(ed.name, "InvalidParameterValue");
  assert.equal(
    (await rejection(() => a.send(new GetPasswordDataCommand({ InstanceId: "i-12345678" })))).name,
    "InvalidInstanceID.NotFound",
  );
});

test("GetInstanceUefiData: the variable store a UEFI instance booted with; none for a legacy BIOS instance", async () => {
  const store = Buffer.from("variable store").toString("base64");
  const uefi = await ami({ BootMode: "uefi", UefiData: store });
  const bios = await ami();
  const u = await run({ ImageId: uefi });
  const l = await run({ ImageId: bios });
  assert.equal((await a.send(new GetInstanceUefiDataCommand({ InstanceId: u.InstanceId }))).UefiData, store);
  const none = await a.send(new GetInstanceUefiDataCommand({ InstanceId: l.InstanceId }));
  assert.equal(none.InstanceId, l.InstanceId);
  assert.equal(none.UefiData, undefined);
});

test("IAM instance profile associations: at launch, associate, replace, disassociate; malformed names and a second association refused", async () => {
  const image = await ami();
  const launched = await run({ ImageId: image, IamInstanceProfile: { Name: "builder" } });
  const plain = await run({ ImageId: image });
  const list = async (Filters?: { Name: string; Values: string[] }[]) =>
    (await a.send(new DescribeIamInstanceProfileAssociationsCommand({ Filters }))).IamInstanceProfileAssociations!;
  const [at] = await list();
  assert.equal(at.InstanceId, launched.InstanceId);
  assert.equal(at.State, "associated");
  assert.equal(at.IamInstanceProfile!.Arn, `arn:aws:iam::${ACCOUNT_A}:instance-profile/builder`);
  assert.match(at.AssociationId!, /^iip-assoc-[0-9a-f]{17}$/);

  const arn = `arn:aws:iam::${ACCOUNT_A}:instance-profile/team/runner`;
  const assoc = await a.send(new AssociateIamInstanceProfileCommand({ InstanceId: plain.InstanceId, IamInstanceProfile: { Arn: arn } }));
  assert.equal(assoc.IamInstanceProfileAssociation!.State, "associating");
  assert.equal((await describe1(plain.InstanceId!)).IamInstanceProfile!.Arn, arn);
  const second = await rejection(() =>
    a.send(new AssociateIamInstanceProfileCommand({ InstanceId: plain.InstanceId, IamInstanceProfile: { Name: "x" } })),
  );
  assert.equal(second.name, "IncorrectState");
  assert.deepEqual(
    (await list([{ Name: "instance-id", Values: [plain.InstanceId!] }])).map((x) => x.IamInstanceProfile!.Arn),
    [arn],
  );

  const replaced = await a.send(
    new ReplaceIamInstanceProfileAssociationCommand({ AssociationId: at.AssociationId, IamInstanceProfile: { Name: "other" } }),
  );
  assert.notEqual(replaced.IamInstanceProfileAssociation!.AssociationId, at.AssociationId);
  assert.equal((await describe1(launched.InstanceId!)).IamInstanceProfile!.Arn, `arn:aws:iam::${ACCOUNT_A}:instance-profile/other`);
  assert.equal(
    (await rejection(() => a.send(new DisassociateIamInstanceProfileCommand({ AssociationId: at.AssociationId })))).name,
    "InvalidAssociationID.NotFound",
  );
  const gone = await a.send(
    new DisassociateIamInstanceProfileCommand({ AssociationId: replaced.IamInstanceProfileAssociation!.AssociationId }),
  );
  assert.equal(gone.IamInstanceProfileAssociation!.State, "disassociating");
  assert.equal((await describe1(launched.InstanceId!)).IamInstanceProfile, undefined);
  assert.equal((await list()).length, 1);

  const badName = await rejection(() => run({ ImageId: image, IamInstanceProfile: { Name: "no spaces allowed" } }));
  assert.equal(badName.name, "InvalidParameterValue");
  const badArn = await rejection(() => run({ ImageId: image, IamInstanceProfile: { Arn: "arn:aws:iam::1:role/x" } }));
  assert.equal(badArn.name, "InvalidParameterValue");
});

test("GetLaunchTemplateData: the instance's launch parameters as template data", async () => {
  const image = await ami();
  const { InstanceId, SecurityGroups, SubnetId } = await run({
    ImageId: image,
    UserData: Buffer.from("#!/bin/sh").toString("base64"),
    Monitoring: { Enabled: true },
    TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "web" }] }],
  });
  const { LaunchTemplateData: d } = await a.send(new GetLaunchTemplateDataCommand({ InstanceId }));
  assert.equal(d!.ImageId, image);
  assert.equal(d!.InstanceType, "t3.micro");
  assert.equal(d!.UserData, Buffer.from("#!/bin/sh").toString("base64"));
  assert.deepEqual(d!.Monitoring, { Enabled: true });
  assert.deepEqual(d!.CreditSpecification, { CpuCredits: "unlimited" });
  assert.equal(d!.NetworkInterfaces![0].SubnetId, SubnetId);
  assert.deepEqual(d!.NetworkInterfaces![0].Groups, [SecurityGroups![0].GroupId]);
  assert.equal(d!.NetworkInterfaces![0].DeviceIndex, 0);
  assert.equal(d!.BlockDeviceMappings!.length, 1);
  assert.deepEqual(d!.TagSpecifications, [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "web" }] }]);
  assert.equal(
    (await rejection(() => a.send(new GetLaunchTemplateDataCommand({ InstanceId: "i-12345678" })))).name,
    "InvalidInstanceID.NotFound",
  );
});

test("DescribeInstanceAttribute answers every attribute of its enum", async () => {
  const image = await ami();
  const { InstanceId } = await run({ ImageId: image });
  const attributes: InstanceAttributeName[] = [
    "instanceType",
    "kernel",
    "ramdisk",
    "userData",
    "disableApiTermination",
    "instanceInitiatedShutdownBehavior",
    "rootDeviceName",
    "blockDeviceMapping",
    "productCodes",
    "sourceDestCheck",
    "groupSet",
    "ebsOptimized",
    "sriovNetSupport",
    "enaSupport",
    "enclaveOptions",
    "disableApiStop",
  ];
  for (const Attribute of attributes) {
    const out = await a.send(new DescribeInstanceAttributeCommand({ InstanceId, Attribute }));
    assert.equal(out.InstanceId, InstanceId, Attribute);
  }
  const enclave = await a.send(new DescribeInstanceAttributeCommand({ InstanceId, Attribute: "enclaveOptions" }));
  assert.deepEqual(enclave.EnclaveOptions, { Enabled: false });
  const groups = await a.send(new DescribeInstanceAttributeCommand({ InstanceId, Attribute: "groupSet" }));
  assert.equal(groups.Groups![0].GroupName, "default");
});
