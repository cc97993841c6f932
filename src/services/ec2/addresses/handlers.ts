// AllocateAddress, AssociateAddress, DisassociateAddress, ReleaseAddress, DescribeAddresses and
// DescribeAddressesAttribute (the API reference page of each; "Elastic IP addresses", elastic-ip-addresses-eip.html).
// Addresses are for use in a VPC (EC2-Classic is retired: Domain `standard` is refused). An address is associated
// with a private address of a network interface whose VPC has an internet gateway: named by NetworkInterfaceId,
// or by InstanceId (a running or stopped instance's primary interface), the interface's primary address unless
// PrivateIpAddress names another of its addresses. A private address holds one Elastic IP, so associating another
// moves it; an address already associated moves only with AllowReassociation (Resource.AlreadyAssociated
// otherwise). Associating an Elastic IP with an instance's primary address releases the public IPv4 address EC2
// gave it; disassociating it gives a new one when the launch or the subnet asked for one and the instance has
// one network interface ("Elastic IP addresses": "If you disassociate an Elastic IP address from the instance,
// the instance is automatically assigned a new public IPv4 address within a few minutes. However, if you have
// attached a second network interface ..., the instance is not automatically assigned a new public IPv4
// address"; "Public IPv4 addresses", using-instance-addressing.html). A stop keeps the association; the end of
// the primary interface at termination ends it. An address that is associated cannot be released
// (InvalidIPAddress.InUse); one of a VPC is released by its allocation id.
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { Address, Ec2Handlers } from "../api.generated";
import * as ec2err from "../errors";
import { findInstance, instances, instanceState } from "../instances/records";
import {
  attachmentOf,
  findNetworkInterface,
  interfacesOf,
  networkInterfaces,
  primaryInterface,
  publicAddress,
  saveNetworkInterface,
  type EniRecord,
} from "../network-interfaces/records";
import { dropTags, putTags, tagList, tagsFor } from "../tags/records";
import { describeIndexed } from "../vpc-defaults/describe";
import { ensureAllVpcDefaults } from "../vpc-defaults/records";
import { gatewayOf } from "../internet-gateways/records";
import * as err from "../vpc-defaults/errors";
import { nextToken, pageLimit, startAfter } from "../paging";
import {
  activeAssociation,
  addresses,
  elasticIpsOn,
  findAddress,
  findByIp,
  freeAddress,
  inPool,
  MAX_ADDRESSES,
  type AddressRecord,
} from "./records";

export const addressView = (ctx: RequestContext, r: AddressRecord): Address => {
  const a = activeAssociation(ctx, r);
  return {
    AllocationId: r.AllocationId,
    PublicIp: r.PublicIp,
    Domain: "vpc",
    PublicIpv4Pool: "amazon",
    NetworkBorderGroup: ctx.region,
    AssociationId: a?.AssociationId,
    InstanceId: a?.InstanceId,
    NetworkInterfaceId: a?.NetworkInterfaceId,
    NetworkInterfaceOwnerId: a?.NetworkInterfaceOwnerId,
    PrivateIpAddress: a?.PrivateIpAddress,
    Tags: tagList(ctx, r.AllocationId),
  };
};

/** The address a call names by allocation id or by public address. */
function named(ctx: RequestContext, input: { AllocationId?: string; PublicIp?: string }): AddressRecord {
  if (input.AllocationId) return findAddress(ctx, input.AllocationId);
  if (input.PublicIp) return findByIp(ctx, input.PublicIp);
  throw ec2err.missingParameter("AllocationId");
}

/**
 * Ends the address's association. The interface it leaves gets a public IPv4 address again when it is the primary
 * address of an instance that runs, whose launch or subnet asked for one, and which has no other interface.
 */
function disassociate(ctx: RequestContext, r: AddressRecord): void {
  const was = activeAssociation(ctx, r);
  addresses.put(ctx, { ...r, AssociationId: undefined, InstanceId: undefined, PrivateIpAddress: undefined, NetworkInterfaceId: undefined });
  const eni = was?.NetworkInterfaceId === undefined ? undefined : networkInterfaces.get(ctx, was.NetworkInterfaceId);
  if (!eni || was!.PrivateIpAddress !== eni.PrivateIpAddress || !eni.publicOnStart || eni.publicIp) return;
  const a = attachmentOf(ctx, eni);
  const instance = a && a.DeviceIndex === 0 ? instances.get(ctx, a.InstanceId) : undefined;
  const state = instance && instanceState(ctx, instance);
  if ((state !== "pending" && state !== "running") || interfacesOf(ctx, instance!.InstanceId).length > 1) return;
  eni.publicIp = publicAddress(ctx, eni.NetworkInterfaceId).ip;
  saveNetworkInterface(ctx, eni);
}

/** The interface and private address an AssociateAddress names, checked as EC2 checks them. */
function target(
  ctx: RequestContext,
  input: { InstanceId?: string; NetworkInterfaceId?: string; PrivateIpAddress?: string },
): { eni: EniRecord; ip: string } {
  let eni: EniRecord;
  if (input.NetworkInterfaceId !== undefined) {
    if (input.InstanceId !== undefined) {
      throw ec2err.invalidCombination("Only one of instanceId or networkInterfaceId may be specified.");
    }
    eni = findNetworkInterface(ctx, input.NetworkInterfaceId);
  } else {
    if (!input.InstanceId) throw ec2err.missingParameter("InstanceId or NetworkInterfaceId");
    const instance = findInstance(ctx, input.InstanceId);
    const state = instanceState(ctx, instance);
    if (state !== "running" && state !== "stopped") {
      throw ec2err.incorrectInstanceState(`The instance '${instance.InstanceId}' is not in a valid state for this operation.`);
    }
    const primary = primaryInterface(ctx, instance.InstanceId);
    if (!primary) throw ec2err.incorrectInstanceState(`The instance '${instance.InstanceId}' has no network interface.`);
    eni = primary;
  }
  ensureAllVpcDefaults(ctx);
  if (!gatewayOf(ctx, eni.VpcId)) throw err.vpcWithoutGateway(eni.VpcId);
  const ip = input.PrivateIpAddress ?? eni.PrivateIpAddress;
  if (ip !== eni.PrivateIpAddress && !eni.secondaryIps.includes(ip)) {
    const holder = input.NetworkInterfaceId !== undefined ? `network interface ${eni.NetworkInterfaceId}` : `instance ${input.InstanceId}`;
    throw ec2err.invalidValue(`The private IP address ${ip} is not assigned to ${holder}.`);
  }
  return { eni, ip };
}

export const addressHandlers: Pick<
  Ec2Handlers,
  "AllocateAddress" | "AssociateAddress" | "DisassociateAddress" | "ReleaseAddress" | "DescribeAddresses" | "DescribeAddressesAttribute"
> = {
  AllocateAddress(ctx, input) {
    if (input.Domain === "standard")
      throw ec2err.invalidValue("EC2-Classic is retired: Elastic IP addresses are allocated for use in a VPC.");
    if (input.PublicIpv4Pool !== undefined && input.PublicIpv4Pool !== "amazon") {
      throw ec2err.invalidValue(
        `Value (${input.PublicIpv4Pool}) for parameter PublicIpv4Pool is invalid. Only the pool amazon is offered.`,
      );
    }
    if (input.NetworkBorderGroup !== undefined && input.NetworkBorderGroup !== ctx.region) {
      throw ec2err.invalidValue(`Value (${input.NetworkBorderGroup}) for parameter NetworkBorderGroup is invalid.`);
    }
    if (input.IpamPoolId !== undefined || input.CustomerOwnedIpv4Pool !== undefined) {
      throw ec2err.invalidValue("Only addresses of Amazon's pool (amazon) can be allocated here.");
    }
    const tags = tagsFor(input.TagSpecifications, "elastic-ip");
    if ([...addresses.scan(ctx)].length >= MAX_ADDRESSES) throw err.addressLimit();
    let ip: string;
    if (input.Address !== undefined) {
      if (!inPool(input.Address)) throw err.addressNotFound(input.Address);
      if (addresses.find(ctx, "ip", input.Address)) throw err.addressInUse(input.Address);
      ip = input.Address;
    } else {
      ip = freeAddress(ctx);
    }
    const r: AddressRecord = { AllocationId: hexId("eipalloc"), PublicIp: ip };
    addresses.put(ctx, r);
    if (tags.length) putTags(ctx, r.AllocationId, "elastic-ip", tags, true);
    return { AllocationId: r.AllocationId, PublicIp: r.PublicIp, Domain: "vpc", PublicIpv4Pool: "amazon", NetworkBorderGroup: ctx.region };
  },

  AssociateAddress(ctx, input) {
    const r = named(ctx, input);
    const { eni, ip } = target(ctx, input);
    const current = activeAssociation(ctx, r);
    if (current && current.NetworkInterfaceId === eni.NetworkInterfaceId && current.PrivateIpAddress === ip) {
      return { AssociationId: current.AssociationId };
    }
    if (current && input.AllowReassociation !== true) {
      throw err.alreadyAttached(`resource ${r.AllocationId} is already associated with associate-id ${current.AssociationId}`);
    }
    // The private address's other Elastic IP, if it has one, is disassociated; so is this one from where it was.
    const other = elasticIpsOn(ctx, eni).get(ip);
    if (other && other.AllocationId !== r.AllocationId)
      addresses.put(ctx, {
        ...other,
        AssociationId: undefined,
        InstanceId: undefined,
        PrivateIpAddress: undefined,
        NetworkInterfaceId: undefined,
      });
    if (current) disassociate(ctx, r);
    const AssociationId = hexId("eipassoc");
    addresses.put(ctx, { ...r, AssociationId, InstanceId: undefined, PrivateIpAddress: ip, NetworkInterfaceId: eni.NetworkInterfaceId });
    // The public IPv4 address EC2 gave the interface is released (elastic-ip-addresses-eip.html).
    const fresh = networkInterfaces.get(ctx, eni.NetworkInterfaceId)!;
    if (ip === fresh.PrivateIpAddress && fresh.publicIp) {
      fresh.publicIp = undefined;
      saveNetworkInterface(ctx, fresh);
    }
    return { AssociationId };
  },

  DisassociateAddress(ctx, input) {
    if (input.AssociationId) {
      const r = addresses.find(ctx, "association", input.AssociationId);
      if (!r || !activeAssociation(ctx, r)) throw err.associationNotFound(input.AssociationId);
      disassociate(ctx, r);
      return {};
    }
    if (!input.PublicIp) throw ec2err.missingParameter("AssociationId");
    const r = findByIp(ctx, input.PublicIp);
    if (activeAssociation(ctx, r)) disassociate(ctx, r);
    return {};
  },

  ReleaseAddress(ctx, input) {
    if (!input.AllocationId && input.PublicIp) {
      findByIp(ctx, input.PublicIp);
      throw ec2err.invalidValue("You must specify an allocation id when releasing a VPC elastic IP address");
    }
    const r = named(ctx, input);
    if (input.NetworkBorderGroup !== undefined && input.NetworkBorderGroup !== ctx.region) {
      throw ec2err.invalidValue(`Value (${input.NetworkBorderGroup}) for parameter NetworkBorderGroup is invalid.`);
    }
    if (activeAssociation(ctx, r)) throw err.addressInUse(r.PublicIp);
    addresses.delete(ctx, r.AllocationId);
    dropTags(ctx, r.AllocationId);
    return {};
  },

  DescribeAddresses(ctx, input) {
    const byIp = (input.PublicIps ?? []).map((ip) => findByIp(ctx, ip).AllocationId);
    const { items } = describeIndexed(ctx, {
      collection: addresses,
      tagType: "elastic-ip",
      idOf: (r) => r.AllocationId,
      // The instance an association shows is the one its interface is attached to now: no index holds it.
      indexed: { "allocation-id": "id", "public-ip": "ip", "association-id": "association", "network-interface-id": "interface" },
      fields: {
        "allocation-id": (r) => r.AllocationId,
        "public-ip": (r) => r.PublicIp,
        "association-id": (r) => activeAssociation(ctx, r)?.AssociationId,
        "instance-id": (r) => activeAssociation(ctx, r)?.InstanceId,
        "private-ip-address": (r) => activeAssociation(ctx, r)?.PrivateIpAddress,
        "network-interface-id": (r) => activeAssociation(ctx, r)?.NetworkInterfaceId,
        "network-interface-owner-id": (r) => activeAssociation(ctx, r)?.NetworkInterfaceOwnerId,
        domain: () => "vpc",
        "network-border-group": () => ctx.region,
        "public-ipv4-pool": () => "amazon",
      },
      ids: [...(input.AllocationIds ?? []), ...byIp],
      find: (id) => findAddress(ctx, id),
      Filters: input.Filters,
    });
    return { Addresses: items.map((r) => addressView(ctx, r)) };
  },

  DescribeAddressesAttribute(ctx, input) {
    // No reverse DNS record is ever set (ModifyAddressAttribute is not served): each address is listed without one.
    const limit = pageLimit(input.MaxResults, 1, 1000);
    const ids = input.AllocationIds ?? [];
    if (ids.length) {
      const found = [...new Set(ids)].map((id) => findAddress(ctx, id));
      return { Addresses: found.map((r) => ({ AllocationId: r.AllocationId, PublicIp: r.PublicIp })) };
    }
    const page = addresses.page(ctx, { after: startAfter(ctx, input.NextToken), limit: Number.isFinite(limit) ? limit : 1e9 });
    return {
      Addresses: page.items.map((e) => ({ AllocationId: e.value.AllocationId, PublicIp: e.value.PublicIp })),
      NextToken: page.next === undefined ? undefined : nextToken(ctx, page.next),
    };
  },
};
