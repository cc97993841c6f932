// How elastic network interfaces are kept ("Elastic network interfaces", using-eni.html): one record per
// interface in its owner's partition, keyed by its eni- id, in one subnet with a primary private IPv4 address
// from the subnet's CIDR block (and secondary ones), a MAC address, security groups of the subnet's VPC and a
// source/destination check. An attachment ties it to an instance at a device index; the primary interface
// (device index 0) comes with the instance (RunInstances) and goes with it when its DeleteOnTermination is set.
// A termination writes ahead of time when the interface goes or is detached (`goneAt`, `detachedAt`), so that
// no timer runs. The public IPv4 address EC2 gives an instance lives on its primary interface; it is released
// while the instance is stopped and a new one is given when it starts ("Public IPv4 addresses",
// using-instance-addressing.html).
import { createHash } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { listOf, object, schema, typed, unchecked, type RecordOf } from "../../../state/record-schema";
import type { GroupIdentifier } from "../api.generated";
import { echo } from "../../../errors/echo";
import { ServiceError } from "../../../errors/service-error";
import { taggable } from "../resource-types";
import { dropTags } from "../tags/records";
import { partitionOf } from "../../../util/regions";

const attachmentSchema = schema({
  AttachmentId: "string",
  InstanceId: "string",
  DeviceIndex: "count",
  NetworkCardIndex: "count",
  DeleteOnTermination: "boolean",
  attachedAt: "time",
  /** When a termination detaches it (an interface kept after its instance), if one does. */
  detachedAt: unchecked<number | undefined>(),
});
export type EniAttachmentRecord = RecordOf<typeof attachmentSchema>;

const eniSchema = schema({
  NetworkInterfaceId: "string",
  owner: "string",
  region: "string",
  SubnetId: "string",
  VpcId: "string",
  AvailabilityZone: "string",
  Description: "string",
  InterfaceType: "string",
  PrivateIpAddress: "string",
  PrivateDnsName: "string",
  /** The secondary private IPv4 addresses, in the order given. */
  secondaryIps: "strings",
  MacAddress: "string",
  Groups: typed<GroupIdentifier[]>(listOf({ GroupId: "string?", GroupName: "string?" })),
  SourceDestCheck: "boolean",
  createdAt: "time",
  /** The public IPv4 address EC2 gave it, while its instance holds one. */
  publicIp: unchecked<string | undefined>(),
  /** Whether its instance gets a public address when it starts (the subnet's setting or the launch's request). */
  publicOnStart: "boolean",
  attachment: object(attachmentSchema, true),
  /** When it is deleted with its instance, if it is. */
  goneAt: unchecked<number | undefined>(),
});
export type EniRecord = RecordOf<typeof eniSchema>;

/**
 * In the owner's partition, keyed by interface id; indexed by subnet and VPC (filters), by the instance it is
 * attached to, by security group (DeleteSecurityGroup's check), and by (subnet, address) so that an address
 * is given once in a subnet.
 */
export const networkInterfaces = collection<EniRecord, string, "subnet" | "vpc" | "instance" | "attachment" | "group" | "address">({
  type: "ec2.network-interface",
  schema: eniSchema,
  key: (r) => r.NetworkInterfaceId,
  rules: { partition: (r) => ({ account: r.owner, region: r.region }) },
  live: (r, now) => r.goneAt === undefined || now < r.goneAt,
  indexes: {
    subnet: (r) => r.SubnetId,
    vpc: (r) => r.VpcId,
    instance: (r) => r.attachment?.InstanceId,
    attachment: (r) => r.attachment?.AttachmentId,
    group: (r) => r.Groups.map((g) => g.GroupId ?? "").filter((id) => id),
    address: (r) => [r.PrivateIpAddress, ...r.secondaryIps].map((ip) => `${r.SubnetId} ${ip}`),
  },
  expires: {
    goneAt: (r) => r.goneAt,
    purge(scope, id) {
      networkInterfaces.delete(scope, id);
      dropTags(scope, id);
    },
  },
  taggable: taggable("network-interface", (ctx, id) => findNetworkInterface(ctx, id)),
});

/** `eni-` and 8 (older) or 17 hexadecimal digits. */
export const ENI_ID = /^eni-([0-9a-f]{8}|[0-9a-f]{17})$/;
export const ATTACHMENT_ID = /^eni-attach-([0-9a-f]{8}|[0-9a-f]{17})$/;

export const eniMalformed = (id: string) =>
  new ServiceError("InvalidNetworkInterfaceID.Malformed", `Invalid id: "${echo(id)}" (expecting "eni-...")`);
export const eniNotFound = (id: string) =>
  new ServiceError("InvalidNetworkInterfaceID.NotFound", `The networkInterface ID '${echo(id)}' does not exist`);
export const attachmentNotFound = (id: string) =>
  new ServiceError("InvalidAttachmentID.NotFound", `The attachment ID '${echo(id)}' does not exist`);

/** The caller's interface with this id; EC2's error otherwise. */
export function findNetworkInterface(ctx: RequestContext, id: string): EniRecord {
  if (!ENI_ID.test(id)) throw eniMalformed(id);
  const r = networkInterfaces.get(ctx, id);
  if (!r) throw eniNotFound(id);
  return r;
}

export const saveNetworkInterface = (ctx: RequestContext, r: EniRecord): void => networkInterfaces.put(ctx, r);

/** Its attachment at the request's time, if it is attached. */
export function attachmentOf(ctx: RequestContext, r: EniRecord): EniAttachmentRecord | undefined {
  const a = r.attachment;
  return a && (a.detachedAt === undefined || ctx.now < a.detachedAt) ? a : undefined;
}

/** The caller's interfaces attached to an instance now, by device index. */
export function interfacesOf(ctx: RequestContext, instanceId: string): EniRecord[] {
  return networkInterfaces
    .lookup(ctx, "instance", { key: instanceId })
    .map((e) => e.value)
    .filter((r) => attachmentOf(ctx, r)?.InstanceId === instanceId)
    .sort((a, b) => a.attachment!.DeviceIndex - b.attachment!.DeviceIndex);
}

/** The instance's primary interface (device index 0), if it has one. */
export const primaryInterface = (ctx: RequestContext, instanceId: string): EniRecord | undefined =>
  interfacesOf(ctx, instanceId).find((r) => r.attachment!.DeviceIndex === 0);

/** The caller's interfaces that have this security group (DeleteSecurityGroup refuses a group in use). */
export const interfacesUsingGroup = (ctx: RequestContext, groupId: string): EniRecord[] =>
  networkInterfaces.lookup(ctx, "group", { key: groupId }).map((e) => e.value);

/** Whether an address of the subnet is held by an interface. */
export const addressInUse = (ctx: RequestContext, subnetId: string, ip: string): boolean =>
  networkInterfaces.lookup(ctx, "address", { key: `${subnetId} ${ip}` }).length > 0;

const digest = (...parts: (string | number)[]) => createHash("sha256").update(parts.join(" ")).digest();

/** A locally administered unicast MAC address, drawn from the interface id. */
export function macAddressOf(id: string): string {
  const d = digest("mac", id);
  return ["0e", ...[0, 1, 2, 3, 4].map((i) => d[i].toString(16).padStart(2, "0"))].join(":");
}

/** A Region's public range as [first octet, first second octet, how many second octets]: 3.80.0.0/12 is [3, 80, 16]. */
const PUBLIC_RANGES: Record<string, [number, number, number]> = {
  "us-east-1": [3, 80, 16],
  "cn-north-1": [52, 80, 2],
  "cn-northwest-1": [52, 82, 2],
  "us-gov-west-1": [52, 61, 1],
  "us-gov-east-1": [18, 252, 2],
};

/**
 * A public IPv4 address for an interface at a time, from Amazon's ranges of the Region (us-east-1: 3.80.0.0/12, as
 * its addresses usually are; the China and GovCloud (US) Regions: ranges of their own, ip-ranges.json; elsewhere
 * 18.128.0.0/9), and its public DNS name ("Amazon EC2 instance hostname types":
 * ec2-203-0-113-25.compute-1.amazonaws.com in us-east-1, ec2-….<region>.compute.<DNS suffix> elsewhere, the suffix
 * amazonaws.com.cn in the China Regions).
 */
export function publicAddress(ctx: RequestContext, eniId: string): { ip: string; dns: string } {
  const d = digest("public", eniId, ctx.now);
  const [a, first, count] = PUBLIC_RANGES[ctx.region] ?? [18, 128, 128];
  const b = first + (d[0] % count);
  const ip = `${a}.${b}.${d[1]}.${1 + (d[2] % 254)}`;
  return { ip, dns: publicDnsName(ctx.region, ip) };
}

export const publicDnsName = (region: string, ip: string): string =>
  `ec2-${ip.replace(/\./g, "-")}.${region === "us-east-1" ? "compute-1" : `${region}.compute`}.${partitionOf(region).dnsSuffix}`;

/** The private DNS name of an address (ip-10-0-0-12.ec2.internal in us-east-1, ip-….<region>.compute.internal elsewhere). */
export const privateDnsName = (region: string, ip: string): string => {
  const host = `ip-${ip.replace(/\./g, "-")}`;
  return region === "us-east-1" ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
};
