// AllocateAddress, AssociateAddress, DisassociateAddress, ReleaseAddress, DescribeAddresses and
// DescribeAddressesAttribute (the API reference page of each; "Elastic IP addresses", elastic-ip-addresses-eip.html).
// Addresses are for use in a VPC (EC2-Classic is retired: Domain `standard` is refused). An address is associated
// with a running or stopped instance whose VPC has an internet gateway; an instance holds one Elastic IP, so
// associating another moves it; an address already associated moves only with AllowReassociation. An address
// that is associated cannot be released; one of a VPC is released by its allocation id.
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { Address, Ec2Handlers } from "../api.generated";
import * as ec2err from "../errors";
import { findInstance, instanceState } from "../instances/records";
import { dropTags, putTags, tagList, tagsFor } from "../tags/records";
import { describeIndexed } from "../vpc-defaults/describe";
import { ensureAllVpcDefaults } from "../vpc-defaults/records";
import { gatewayOf } from "../internet-gateways/records";
import * as err from "../vpc-defaults/errors";
import { nextToken, pageLimit, startAfter } from "../paging";
import { activeAssociation, addresses, findAddress, findByIp, freeAddress, inPool, MAX_ADDRESSES, type AddressRecord } from "./records";

const ENI_ID = /^eni-([0-9a-f]{8}|[0-9a-f]{17})$/;

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
    if (input.NetworkInterfaceId !== undefined) {
      // Network interfaces are not kept apart from their instances: none can be named.
      if (!ENI_ID.test(input.NetworkInterfaceId)) throw err.interfaceMalformed(input.NetworkInterfaceId);
      throw err.interfaceNotFound(input.NetworkInterfaceId);
    }
    if (!input.InstanceId) throw ec2err.missingParameter("InstanceId or NetworkInterfaceId");
    const instance = findInstance(ctx, input.InstanceId);
    const state = instanceState(ctx, instance);
    if (state !== "running" && state !== "stopped") {
      throw ec2err.incorrectInstanceState(`The instance '${instance.InstanceId}' is not in a valid state for this operation.`);
    }
    ensureAllVpcDefaults(ctx);
    if (!instance.VpcId || !gatewayOf(ctx, instance.VpcId)) throw err.vpcWithoutGateway(instance.VpcId ?? "");
    if (input.PrivateIpAddress !== undefined && input.PrivateIpAddress !== instance.PrivateIpAddress) {
      throw ec2err.invalidValue(`The private IP address ${input.PrivateIpAddress} is not assigned to instance ${instance.InstanceId}.`);
    }
    const current = activeAssociation(ctx, r);
    if (current && current.InstanceId === instance.InstanceId) return { AssociationId: current.AssociationId };
    if (current && input.AllowReassociation !== true) {
      throw err.alreadyAttached(`resource ${r.AllocationId} is already associated with associate-id ${current.AssociationId}`);
    }
    // The instance's other Elastic IP, if it has one, is disassociated.
    for (const other of addresses.lookup(ctx, "instance", { key: instance.InstanceId })) {
      if (other.id !== r.AllocationId)
        addresses.put(ctx, { ...other.value, AssociationId: undefined, InstanceId: undefined, PrivateIpAddress: undefined });
    }
    const AssociationId = hexId("eipassoc");
    addresses.put(ctx, { ...r, AssociationId, InstanceId: instance.InstanceId, PrivateIpAddress: instance.PrivateIpAddress });
    return { AssociationId };
  },

  DisassociateAddress(ctx, input) {
    if (input.AssociationId) {
      const r = addresses.find(ctx, "association", input.AssociationId);
      if (!r || !activeAssociation(ctx, r)) throw err.associationNotFound(input.AssociationId);
      addresses.put(ctx, { ...r, AssociationId: undefined, InstanceId: undefined, PrivateIpAddress: undefined });
      return {};
    }
    if (!input.PublicIp) throw ec2err.missingParameter("AssociationId");
    const r = findByIp(ctx, input.PublicIp);
    if (activeAssociation(ctx, r))
      addresses.put(ctx, { ...r, AssociationId: undefined, InstanceId: undefined, PrivateIpAddress: undefined });
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
      indexed: { "allocation-id": "id", "public-ip": "ip", "instance-id": "instance", "association-id": "association" },
      fields: {
        "allocation-id": (r) => r.AllocationId,
        "public-ip": (r) => r.PublicIp,
        "association-id": (r) => activeAssociation(ctx, r)?.AssociationId,
        "instance-id": (r) => activeAssociation(ctx, r)?.InstanceId,
        "private-ip-address": (r) => activeAssociation(ctx, r)?.PrivateIpAddress,
        // No address is associated with a network interface of its own (AssociateAddress refuses them).
        "network-interface-id": () => undefined,
        "network-interface-owner-id": () => undefined,
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
