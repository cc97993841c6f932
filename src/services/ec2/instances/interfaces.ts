// The network interfaces RunInstances gives each instance (RunInstances' NetworkInterfaces, and "Elastic network
// interfaces", using-eni.html): a primary interface at device index 0 in the instance's subnet, made for it
// (deleted with it unless DeleteOnTermination says otherwise) or an existing one named by id (kept); further
// interfaces at the device indexes asked for. The primary interface gets a public IPv4 address when the request
// asks for one (AssociatePublicIpAddress, device index 0 only, and not with several interfaces) or, when it does
// not say, when the subnet maps public addresses on launch (the default subnets do).
import type { RequestContext } from "../../../gateway/context";
import type { InstanceNetworkInterfaceSpecification, RunInstancesRequest, Tag } from "../api.generated";
import * as err from "../errors";
import { findSecurityGroups, findSubnet } from "../network/records";
import { createInterface } from "../network-interfaces/create";
import { attachInterface } from "../network-interfaces/handlers";
import { findNetworkInterface, publicAddress, saveNetworkInterface, type EniRecord } from "../network-interfaces/records";
import { putTags } from "../tags/records";
import type { Placement } from "./placement";
import type { InstanceRecord } from "./records";

/** The request's interface specifications, checked as EC2 checks them before anything is made. */
export function checkInterfaceSpecs(input: RunInstancesRequest, count: number): InstanceNetworkInterfaceSpecification[] {
  const specs = input.NetworkInterfaces ?? [];
  const seen = new Set<number>();
  specs.forEach((s, i) => {
    if (s.DeviceIndex === undefined && s.NetworkCardIndex === undefined)
      throw err.missingParameter(`NetworkInterface.${i + 1}.DeviceIndex`);
    const index = s.DeviceIndex ?? 0;
    if (seen.has(index)) throw err.invalidValue(`Each network interface requires a unique device index.`);
    seen.add(index);
    if (s.NetworkInterfaceId && count > 1) {
      throw err.invalidCombination("Network interfaces with an ID may only be specified when launching a single instance.");
    }
    if (s.AssociatePublicIpAddress !== undefined) {
      if (index !== 0) {
        throw err.invalidCombination(
          "The associatePublicIPAddress parameter can only be specified for the network interface with DeviceIndex 0.",
        );
      }
      if (specs.length > 1 && s.AssociatePublicIpAddress) {
        throw err.invalidCombination(
          "The associatePublicIPAddress parameter cannot be specified when launching with multiple network interfaces.",
        );
      }
      if (s.NetworkInterfaceId) {
        throw err.invalidCombination("The associatePublicIPAddress parameter cannot be specified for an existing network interface.");
      }
    }
    if ((s.NetworkCardIndex ?? 0) !== 0)
      throw err.invalidValue(`Network card index ${s.NetworkCardIndex} is not valid for this instance type.`);
  });
  return specs;
}

function ipv6Asked(s: InstanceNetworkInterfaceSpecification | undefined): boolean {
  return !!(s?.Ipv6Addresses?.length || s?.Ipv6PrefixCount || s?.Ipv6Prefixes?.length || s?.PrimaryIpv6);
}

/** Makes or attaches the instance's interfaces; the primary one (its addresses are the instance's). */
export function launchInterfaces(
  ctx: RequestContext,
  rec: InstanceRecord,
  where: Placement,
  input: RunInstancesRequest,
  specs: InstanceNetworkInterfaceSpecification[],
  tags: Tag[],
): EniRecord {
  const made = (eni: EniRecord) => {
    if (tags.length) putTags(ctx, eni.NetworkInterfaceId, "network-interface", tags, true);
    return eni;
  };
  const first = specs.find((s) => (s.DeviceIndex ?? 0) === 0);
  let primary: EniRecord;
  if (first?.NetworkInterfaceId) {
    primary = findNetworkInterface(ctx, first.NetworkInterfaceId);
    attachInterface(ctx, primary, rec, 0, 0, first.DeleteOnTermination ?? false);
  } else {
    primary = made(
      createInterface(ctx, {
        subnet: where.subnet,
        groups: where.Groups,
        description: first?.Description,
        privateIp: input.PrivateIpAddress ?? first?.PrivateIpAddress,
        privateIps: first?.PrivateIpAddresses,
        secondaryCount: first?.SecondaryPrivateIpAddressCount,
        interfaceType: first?.InterfaceType === "efa" ? "efa" : undefined,
        ipv6Count: input.Ipv6AddressCount ?? first?.Ipv6AddressCount,
        ipv6Given: !!input.Ipv6Addresses?.length || ipv6Asked(first),
        publicOnStart: first?.AssociatePublicIpAddress ?? where.mapPublicIp,
      }),
    );
    attachInterface(ctx, primary, rec, 0, 0, first?.DeleteOnTermination ?? true);
  }
  if (primary.publicOnStart) {
    primary.publicIp = publicAddress(ctx, primary.NetworkInterfaceId).ip;
    saveNetworkInterface(ctx, primary);
  }
  for (const s of specs) {
    const index = s.DeviceIndex ?? 0;
    if (index === 0) continue;
    if (s.NetworkInterfaceId) {
      attachInterface(ctx, findNetworkInterface(ctx, s.NetworkInterfaceId), rec, index, 0, s.DeleteOnTermination ?? false);
      continue;
    }
    const subnet = s.SubnetId ? findSubnet(ctx, s.SubnetId) : where.subnet;
    const groups = findSecurityGroups(ctx, { ids: s.Groups, vpcId: subnet.VpcId }).map((g) => ({
      GroupId: g.GroupId,
      GroupName: g.GroupName,
    }));
    const eni = made(
      createInterface(ctx, {
        subnet,
        groups,
        description: s.Description,
        privateIp: s.PrivateIpAddress,
        privateIps: s.PrivateIpAddresses,
        secondaryCount: s.SecondaryPrivateIpAddressCount,
        ipv6Count: s.Ipv6AddressCount,
        ipv6Given: ipv6Asked(s),
      }),
    );
    attachInterface(ctx, eni, rec, index, 0, s.DeleteOnTermination ?? true);
  }
  return primary;
}
