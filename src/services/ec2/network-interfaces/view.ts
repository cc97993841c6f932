// A network interface as DescribeNetworkInterfaces and CreateNetworkInterface show it, and as an instance lists
// it (DescribeInstances' NetworkInterfaces). Its status is `in-use` while attached, `available` otherwise; its
// public address (Association) shows while its instance holds one, owned by "amazon" (using-instance-addressing.html).
import type { RequestContext } from "../../../gateway/context";
import type { InstanceNetworkInterface, NetworkInterface, NetworkInterfaceAssociation } from "../api.generated";
import { tagList } from "../tags/records";
import { attachmentOf, publicDnsName, type EniRecord } from "./records";

/** The public address of the interface, as Association shows it, if it has one now. */
export function associationOf(r: EniRecord): NetworkInterfaceAssociation | undefined {
  if (!r.publicIp) return undefined;
  return { IpOwnerId: "amazon", PublicIp: r.publicIp, PublicDnsName: publicDnsName(r.region, r.publicIp) };
}

function privateIps(r: EniRecord, association: NetworkInterfaceAssociation | undefined) {
  return [
    { Primary: true, PrivateIpAddress: r.PrivateIpAddress, PrivateDnsName: r.PrivateDnsName, Association: association },
    ...r.secondaryIps.map((ip) => ({
      Primary: false,
      PrivateIpAddress: ip,
      PrivateDnsName: `ip-${ip.replace(/\./g, "-")}.${r.PrivateDnsName.split(".").slice(1).join(".")}`,
    })),
  ];
}

export function networkInterfaceView(ctx: RequestContext, r: EniRecord): NetworkInterface {
  const a = attachmentOf(ctx, r);
  const association = associationOf(r);
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
    PrivateIpAddresses: privateIps(r, association),
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
  const association = associationOf(r);
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
    PrivateIpAddresses: privateIps(r, association),
    Ipv6Addresses: [],
    Groups: r.Groups,
    SourceDestCheck: r.SourceDestCheck,
    Status: "in-use",
    Association: association,
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
