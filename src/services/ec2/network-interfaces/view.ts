// A network interface as DescribeNetworkInterfaces and CreateNetworkInterface show it, and as an instance lists
// it (DescribeInstances' NetworkInterfaces). Its status is `in-use` while attached, `available` otherwise. Each
// private address shows its public one (Association): an Elastic IP address associated with it, owned by the
// account, with its allocation and association ids; else, on the primary address, the public address EC2 gave
// the instance, owned by "amazon" ("Elastic IP addresses", elastic-ip-addresses-eip.html, and "Public IPv4
// addresses", using-instance-addressing.html: associating an Elastic IP releases that public address).
import type { RequestContext } from "../../../gateway/context";
import type {
  InstanceNetworkInterface,
  InstanceNetworkInterfaceAssociation,
  NetworkInterface,
  NetworkInterfaceAssociation,
} from "../api.generated";
import { elasticIpsOn } from "../addresses/records";
import { tagList } from "../tags/records";
import { attachmentOf, publicDnsName, type EniRecord } from "./records";

/** The public address of each private address of the interface that has one now, by private address. */
export function associationsOf(ctx: RequestContext, r: EniRecord): Map<string, NetworkInterfaceAssociation> {
  const out = new Map<string, NetworkInterfaceAssociation>();
  for (const [ip, eip] of elasticIpsOn(ctx, r)) {
    out.set(ip, {
      IpOwnerId: r.owner,
      PublicIp: eip.PublicIp,
      PublicDnsName: publicDnsName(r.region, eip.PublicIp),
      AllocationId: eip.AllocationId,
      AssociationId: eip.AssociationId,
    });
  }
  if (r.publicIp && !out.has(r.PrivateIpAddress)) {
    out.set(r.PrivateIpAddress, { IpOwnerId: "amazon", PublicIp: r.publicIp, PublicDnsName: publicDnsName(r.region, r.publicIp) });
  }
  return out;
}

/** The public address of the interface's primary private address, as Association shows it, if it has one now. */
export const associationOf = (ctx: RequestContext, r: EniRecord): NetworkInterfaceAssociation | undefined =>
  associationsOf(ctx, r).get(r.PrivateIpAddress);

/** An association as an instance lists it (no allocation or association id). */
const forInstance = (a: NetworkInterfaceAssociation | undefined): InstanceNetworkInterfaceAssociation | undefined =>
  a && { IpOwnerId: a.IpOwnerId, PublicIp: a.PublicIp, PublicDnsName: a.PublicDnsName };

function privateIps(r: EniRecord, associations: Map<string, NetworkInterfaceAssociation>) {
  return [
    {
      Primary: true,
      PrivateIpAddress: r.PrivateIpAddress,
      PrivateDnsName: r.PrivateDnsName,
      Association: associations.get(r.PrivateIpAddress),
    },
    ...r.secondaryIps.map((ip) => ({
      Primary: false,
      PrivateIpAddress: ip,
      PrivateDnsName: `ip-${ip.replace(/\./g, "-")}.${r.PrivateDnsName.split(".").slice(1).join(".")}`,
      Association: associations.get(ip),
    })),
  ];
}

export function networkInterfaceView(ctx: RequestContext, r: EniRecord): NetworkInterface {
  const a = attachmentOf(ctx, r);
  const associations = associationsOf(ctx, r);
  const association = associations.get(r.PrivateIpAddress);
  return {
    NetworkInterfaceId: r.NetworkInterfaceId,
    OwnerId: r.owner,
    SubnetId: r.SubnetId,
    VpcId: r.VpcId,
    AvailabilityZone: r.AvailabilityZone,
    Description: r.Description,
    InterfaceType: r.InterfaceType as NetworkInterface["InterfaceType"],
    MacAddress: r.MacAddress,
    PrivateIpAddress: r.PrivateIpAddress,
    PrivateDnsName: r.PrivateDnsName,
    PrivateIpAddresses: privateIps(r, associations),
    Ipv6Addresses: [],
    Groups: r.Groups,
    SourceDestCheck: r.SourceDestCheck,
    RequesterManaged: false,
    Status: a ? "in-use" : "available",
    Association: association,
    PublicDnsName: association?.PublicDnsName,
    Attachment: a && {
      AttachmentId: a.AttachmentId,
      InstanceId: a.InstanceId,
      InstanceOwnerId: r.owner,
      DeviceIndex: a.DeviceIndex,
      NetworkCardIndex: a.NetworkCardIndex,
      DeleteOnTermination: a.DeleteOnTermination,
      AttachTime: new Date(a.attachedAt),
      Status: "attached",
    },
    TagSet: tagList(ctx, r.NetworkInterfaceId) ?? [],
  };
}

/** The interface as its instance lists it. */
export function instanceInterfaceView(ctx: RequestContext, r: EniRecord): InstanceNetworkInterface {
  const a = attachmentOf(ctx, r)!;
  const associations = associationsOf(ctx, r);
  return {
    NetworkInterfaceId: r.NetworkInterfaceId,
    OwnerId: r.owner,
    SubnetId: r.SubnetId,
    VpcId: r.VpcId,
    Description: r.Description,
    InterfaceType: r.InterfaceType,
    MacAddress: r.MacAddress,
    PrivateIpAddress: r.PrivateIpAddress,
    PrivateDnsName: r.PrivateDnsName,
    PrivateIpAddresses: privateIps(r, associations).map((p) => ({ ...p, Association: forInstance(p.Association) })),
    Ipv6Addresses: [],
    Groups: r.Groups,
    SourceDestCheck: r.SourceDestCheck,
    Status: "in-use",
    Association: forInstance(associations.get(r.PrivateIpAddress)),
    Attachment: {
      AttachmentId: a.AttachmentId,
      DeviceIndex: a.DeviceIndex,
      NetworkCardIndex: a.NetworkCardIndex,
      DeleteOnTermination: a.DeleteOnTermination,
      AttachTime: new Date(a.attachedAt),
      Status: "attached",
    },
  };
}
