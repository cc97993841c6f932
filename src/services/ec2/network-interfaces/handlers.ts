// The network interface operations (their API references, and "Elastic network interfaces", using-eni.html):
// CreateNetworkInterface in a subnet; DeleteNetworkInterface, refused while attached
// (InvalidNetworkInterface.InUse); AttachNetworkInterface to an instance of the same Availability Zone at a free
// device index, within the instance type's interface limit (AttachmentLimitExceeded); DetachNetworkInterface by
// attachment id, never the primary interface (device index 0); ModifyNetworkInterfaceAttribute and
// DescribeNetworkInterfaceAttribute, one attribute a call; DescribeNetworkInterfaces with the documented filters,
// index-backed by id, subnet, VPC, attached instance and tags. Attaching and detaching take effect at once.
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import { ServiceError } from "../../../errors/service-error";
import { echo } from "../../../errors/echo";
import type { DescribeNetworkInterfacesResult, Ec2Handlers, NetworkInterface } from "../api.generated";
import { idempotent } from "../client-tokens";
import * as err from "../errors";
import { compileFilters, type FilterSpec } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { byValues, candidates, collectionSource, conditionsOf, RANK, type DescribePlan } from "../query-plan";
import { dropTags, putTags, tagMap, tagsFor } from "../tags/records";
import { findSecurityGroups, findSubnet } from "../network/records";
import { findInstance, instanceState, saveInstance } from "../instances/records";
import { instanceTypeInfo } from "../instance-types/catalog";
import { elasticIpAt } from "../addresses/records";
import { createInterface } from "./create";
import {
  ATTACHMENT_ID,
  attachmentNotFound,
  attachmentOf,
  findNetworkInterface,
  interfacesOf,
  networkInterfaces,
  publicAddress,
  saveNetworkInterface,
  type EniRecord,
} from "./records";
import { associationOf, associationsOf, networkInterfaceView } from "./view";

/** The filters of DescribeNetworkInterfaces, as its API reference lists them. */
function eniFilters(ctx: RequestContext): FilterSpec<EniRecord> {
  const a = (r: EniRecord) => attachmentOf(ctx, r);
  const assoc = (r: EniRecord) => associationOf(ctx, r);
  const all = (r: EniRecord) => [...associationsOf(ctx, r).values()];
  return {
    fields: {
      "addresses.private-ip-address": (r) => [r.PrivateIpAddress, ...r.secondaryIps],
      "addresses.primary": (r) => [true, ...r.secondaryIps.map(() => false)],
      "addresses.association.public-ip": (r) => all(r).map((x) => x.PublicIp),
      "addresses.association.owner-id": (r) => all(r).map((x) => x.IpOwnerId),
      "association.ip-owner-id": (r) => assoc(r)?.IpOwnerId,
      "association.public-ip": (r) => assoc(r)?.PublicIp,
      "association.public-dns-name": (r) => assoc(r)?.PublicDnsName,
      "association.association-id": (r) => assoc(r)?.AssociationId,
      "association.allocation-id": (r) => assoc(r)?.AllocationId,
      "attachment.attachment-id": (r) => a(r)?.AttachmentId,
      "attachment.attach-time": (r) => {
        const at = a(r)?.attachedAt;
        return at === undefined ? undefined : new Date(at).toISOString();
      },
      "attachment.delete-on-termination": (r) => a(r)?.DeleteOnTermination,
      "attachment.device-index": (r) => a(r)?.DeviceIndex,
      "attachment.instance-id": (r) => a(r)?.InstanceId,
      "attachment.instance-owner-id": (r) => (a(r) ? r.owner : undefined),
      "attachment.status": (r) => (a(r) ? "attached" : undefined),
      "availability-zone": (r) => r.AvailabilityZone,
      description: (r) => r.Description,
      "group-id": (r) => r.Groups.map((g) => g.GroupId),
      "group-name": (r) => r.Groups.map((g) => g.GroupName),
      "ipv6-addresses.ipv6-address": () => [],
      "interface-type": (r) => r.InterfaceType,
      "mac-address": (r) => r.MacAddress,
      "network-interface-id": (r) => r.NetworkInterfaceId,
      "owner-id": (r) => r.owner,
      "private-dns-name": (r) => r.PrivateDnsName,
      "private-ip-address": (r) => r.PrivateIpAddress,
      "requester-id": () => undefined,
      "requester-managed": () => false,
      "source-dest-check": (r) => r.SourceDestCheck,
      status: (r) => (a(r) ? "in-use" : "available"),
      "subnet-id": (r) => r.SubnetId,
      "vpc-id": (r) => r.VpcId,
    },
    tags: (r) => tagMap(ctx, r.NetworkInterfaceId),
  };
}

function eniPlan(ctx: RequestContext): DescribePlan<EniRecord, "subnet" | "vpc" | "instance"> {
  return {
    idOf: (r) => r.NetworkInterfaceId,
    sources: [collectionSource(networkInterfaces, ctx, ["subnet", "vpc", "instance"], (_, r) => r)],
    tagType: "network-interface",
    conditions: {
      "network-interface-id": byValues("id", RANK.id),
      "subnet-id": byValues("subnet", RANK.key),
      "vpc-id": byValues("vpc", RANK.key),
      "attachment.instance-id": byValues("instance", RANK.key),
    },
  };
}

const inUse = (id: string) => new ServiceError("InvalidNetworkInterface.InUse", `The network interface '${id}' is currently in use.`);

/** The interface attached with this attachment id now; InvalidAttachmentID.NotFound otherwise. */
function findByAttachment(ctx: RequestContext, attachmentId: string): EniRecord {
  if (!ATTACHMENT_ID.test(attachmentId)) throw attachmentNotFound(attachmentId);
  const r = networkInterfaces.lookup(ctx, "attachment", { key: attachmentId })[0]?.value;
  if (!r || !attachmentOf(ctx, r)) throw attachmentNotFound(attachmentId);
  return r;
}

/** Attaches an interface that is available to an instance (AttachNetworkInterface, and RunInstances' named interfaces). */
export function attachInterface(
  ctx: RequestContext,
  eni: EniRecord,
  instance: { InstanceId: string; InstanceType: string; Placement: { AvailabilityZone?: string }; VpcId?: string },
  deviceIndex: number,
  networkCardIndex = 0,
  deleteOnTermination = false,
): string {
  if (attachmentOf(ctx, eni)) throw inUse(eni.NetworkInterfaceId);
  if (eni.AvailabilityZone !== instance.Placement.AvailabilityZone) {
    throw err.invalidCombination(`You may not attach a network interface to an instance if they are not in the same availability zone`);
  }
  if (instance.VpcId && eni.VpcId !== instance.VpcId) {
    throw err.invalidValue(`Network interface ${eni.NetworkInterfaceId} and instance ${instance.InstanceId} belong to different networks.`);
  }
  if (deviceIndex < 0) throw err.invalidValue(`Value (${deviceIndex}) for parameter deviceIndex is invalid.`);
  const attached = interfacesOf(ctx, instance.InstanceId);
  if (attached.some((r) => r.attachment!.DeviceIndex === deviceIndex)) {
    throw err.invalidValue(`Instance '${instance.InstanceId}' already has an interface attached at device index '${deviceIndex}'.`);
  }
  const limit = instanceTypeInfo(instance.InstanceType)?.NetworkInfo?.MaximumNetworkInterfaces;
  if (limit !== undefined && attached.length + 1 > limit) {
    throw new ServiceError(
      "AttachmentLimitExceeded",
      `Interface count ${attached.length + 1} exceeds the limit for ${instance.InstanceType}`,
    );
  }
  const AttachmentId = hexId("eni-attach");
  eni.attachment = {
    AttachmentId,
    InstanceId: instance.InstanceId,
    DeviceIndex: deviceIndex,
    NetworkCardIndex: networkCardIndex,
    DeleteOnTermination: deleteOnTermination,
    attachedAt: ctx.now,
    detachedAt: undefined,
  };
  saveNetworkInterface(ctx, eni);
  return AttachmentId;
}

type Change =
  | { name: "description"; value: string }
  | { name: "sourceDestCheck"; value: boolean }
  | { name: "groupSet"; value: string[] }
  | { name: "attachment"; value: { AttachmentId?: string; DeleteOnTermination?: boolean } }
  | { name: "associatePublicIpAddress"; value: boolean };

export const networkInterfaceHandlers: Pick<
  Ec2Handlers,
  | "CreateNetworkInterface"
  | "DeleteNetworkInterface"
  | "DescribeNetworkInterfaces"
  | "AttachNetworkInterface"
  | "DetachNetworkInterface"
  | "ModifyNetworkInterfaceAttribute"
  | "DescribeNetworkInterfaceAttribute"
> = {
  CreateNetworkInterface(ctx, input) {
    const subnet = findSubnet(ctx, input.SubnetId);
    const tags = tagsFor(input.TagSpecifications, "network-interface");
    const { NetworkInterfaceId } = idempotent(ctx, input, () => {
      const groups = findSecurityGroups(ctx, { ids: input.Groups, vpcId: subnet.VpcId });
      const stray = groups.find((g) => g.VpcId !== subnet.VpcId);
      if (stray) throw err.invalidValue(`Security group ${stray.GroupId} and subnet ${subnet.SubnetId} belong to different networks.`);
      if (input.InterfaceType && input.InterfaceType !== "efa" && input.InterfaceType !== "trunk") {
        throw err.invalidValue(`Value (${input.InterfaceType}) for parameter interfaceType is not supported in subnet ${subnet.SubnetId}.`);
      }
      if (input.Ipv4PrefixCount || input.Ipv4Prefixes?.length) {
        throw err.invalidValue("IPv4 prefix delegation is not supported for this network interface.");
      }
      const eni = createInterface(ctx, {
        subnet,
        groups: groups.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName })),
        description: input.Description,
        privateIp: input.PrivateIpAddress,
        privateIps: input.PrivateIpAddresses,
        secondaryCount: input.SecondaryPrivateIpAddressCount,
        interfaceType: input.InterfaceType,
        ipv6Count: input.Ipv6AddressCount,
        ipv6Given: !!input.Ipv6Addresses?.length || !!input.Ipv6PrefixCount || !!input.Ipv6Prefixes?.length || !!input.EnablePrimaryIpv6,
      });
      if (tags.length) putTags(ctx, eni.NetworkInterfaceId, "network-interface", tags, true);
      return { NetworkInterfaceId: eni.NetworkInterfaceId };
    });
    return { NetworkInterface: networkInterfaceView(ctx, findNetworkInterface(ctx, NetworkInterfaceId)), ClientToken: input.ClientToken };
  },

  DeleteNetworkInterface(ctx, { NetworkInterfaceId }) {
    const eni = findNetworkInterface(ctx, NetworkInterfaceId);
    if (attachmentOf(ctx, eni)) throw inUse(NetworkInterfaceId);
    networkInterfaces.delete(ctx, NetworkInterfaceId);
    dropTags(ctx, NetworkInterfaceId);
    return {};
  },

  DescribeNetworkInterfaces(ctx, input): DescribeNetworkInterfacesResult {
    const ids = input.NetworkInterfaceIds ?? [];
    if (ids.length && input.MaxResults !== undefined) {
      throw err.invalidCombination("The parameter networkInterfaceIdSet cannot be used with the parameter maxResults");
    }
    const matches = compileFilters(input.Filters, eniFilters(ctx));
    if (ids.length) {
      const found = [...new Set(ids)].map((id) => findNetworkInterface(ctx, id));
      return { NetworkInterfaces: found.filter(matches).map((r) => networkInterfaceView(ctx, r)) };
    }
    const limit = pageLimit(input.MaxResults, 5, 1000);
    const source = candidates(ctx, eniPlan(ctx), conditionsOf({}, input.Filters), {
      after: startAfter(ctx, input.NextToken),
      batch: Math.min(limit, 1000) + 1,
    });
    const { page, more } = takePage(source, matches, limit);
    return {
      NetworkInterfaces: page.map((r) => networkInterfaceView(ctx, r)),
      NextToken: more ? nextToken(ctx, page[page.length - 1].NetworkInterfaceId) : undefined,
    };
  },

  AttachNetworkInterface(ctx, input) {
    const eni = findNetworkInterface(ctx, input.NetworkInterfaceId);
    const instance = findInstance(ctx, input.InstanceId);
    const state = instanceState(ctx, instance);
    if (state !== "running" && state !== "stopped") {
      throw err.incorrectInstanceState(`The instance '${instance.InstanceId}' is not in a valid state for this operation.`);
    }
    if (input.NetworkCardIndex !== undefined && input.NetworkCardIndex !== 0) {
      throw err.invalidValue(`Network card index ${input.NetworkCardIndex} is not valid for instance type ${instance.InstanceType}.`);
    }
    const AttachmentId = attachInterface(ctx, eni, instance, input.DeviceIndex, input.NetworkCardIndex ?? 0);
    return { AttachmentId, NetworkCardIndex: input.NetworkCardIndex ?? 0 };
  },

  DetachNetworkInterface(ctx, { AttachmentId }) {
    const eni = findByAttachment(ctx, AttachmentId);
    if (eni.attachment!.DeviceIndex === 0) {
      throw err.operationNotPermitted(`The network interface at device index 0 cannot be detached.`);
    }
    eni.attachment = undefined;
    saveNetworkInterface(ctx, eni);
    return {};
  },

  ModifyNetworkInterfaceAttribute(ctx, input) {
    const eni = findNetworkInterface(ctx, input.NetworkInterfaceId);
    const given: Change[] = [];
    if (input.Description !== undefined) given.push({ name: "description", value: input.Description.Value ?? "" });
    if (input.SourceDestCheck !== undefined) {
      if (input.SourceDestCheck.Value === undefined) throw err.missingParameter("SourceDestCheck.Value");
      given.push({ name: "sourceDestCheck", value: input.SourceDestCheck.Value });
    }
    if (input.Groups !== undefined) given.push({ name: "groupSet", value: input.Groups });
    if (input.Attachment !== undefined) given.push({ name: "attachment", value: input.Attachment });
    if (input.AssociatePublicIpAddress !== undefined)
      given.push({ name: "associatePublicIpAddress", value: input.AssociatePublicIpAddress });
    if (given.length !== 1) {
      throw err.invalidCombination("Exactly one attribute may be modified in a single ModifyNetworkInterfaceAttribute request.");
    }
    const change = given[0];
    const a = attachmentOf(ctx, eni);
    switch (change.name) {
      case "description":
        eni.Description = change.value;
        break;
      case "sourceDestCheck":
        eni.SourceDestCheck = change.value;
        if (a?.DeviceIndex === 0) {
          const inst = findInstance(ctx, a.InstanceId);
          inst.SourceDestCheck = change.value;
          saveInstance(ctx, inst);
        }
        break;
      case "groupSet": {
        if (!change.value.length) throw err.missingParameter("SecurityGroupId");
        const groups = findSecurityGroups(ctx, { ids: change.value, vpcId: eni.VpcId });
        const stray = groups.find((g) => g.VpcId !== eni.VpcId);
        if (stray)
          throw err.invalidValue(`Security group ${stray.GroupId} and interface ${eni.NetworkInterfaceId} belong to different networks.`);
        eni.Groups = groups.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName }));
        if (a?.DeviceIndex === 0) {
          const inst = findInstance(ctx, a.InstanceId);
          inst.Groups = eni.Groups;
          saveInstance(ctx, inst);
        }
        break;
      }
      case "attachment": {
        const { AttachmentId, DeleteOnTermination } = change.value;
        if (!AttachmentId) throw err.missingParameter("Attachment.AttachmentId");
        if (!a || a.AttachmentId !== AttachmentId) throw attachmentNotFound(AttachmentId);
        if (DeleteOnTermination !== undefined) eni.attachment = { ...a, DeleteOnTermination };
        break;
      }
      case "associatePublicIpAddress": {
        // On or off now for an interface whose instance runs, and at its instance's next start otherwise.
        eni.publicOnStart = change.value;
        const state = a && instanceState(ctx, findInstance(ctx, a.InstanceId));
        const holds = state === "pending" || state === "running";
        // An Elastic IP on its primary address stands in for the public address EC2 would give.
        const elastic = elasticIpAt(ctx, eni, eni.PrivateIpAddress);
        eni.publicIp = change.value && holds && !elastic ? (eni.publicIp ?? publicAddress(ctx, eni.NetworkInterfaceId).ip) : undefined;
        break;
      }
    }
    saveNetworkInterface(ctx, eni);
    return {};
  },

  DescribeNetworkInterfaceAttribute(ctx, { NetworkInterfaceId, Attribute }) {
    const eni = findNetworkInterface(ctx, NetworkInterfaceId);
    if (!Attribute) throw err.missingParameter("Attribute");
    const view: NetworkInterface = networkInterfaceView(ctx, eni);
    const out = { NetworkInterfaceId };
    switch (Attribute) {
      case "description":
        return { ...out, Description: { Value: eni.Description } };
      case "groupSet":
        return { ...out, Groups: eni.Groups };
      case "sourceDestCheck":
        return { ...out, SourceDestCheck: { Value: eni.SourceDestCheck } };
      case "attachment":
        return { ...out, Attachment: view.Attachment };
      case "associatePublicIpAddress":
        return { ...out, AssociatePublicIpAddress: eni.publicOnStart };
    }
    throw err.invalidValue(`Value (${echo(Attribute as string)}) for parameter attribute is invalid. Unknown attribute.`);
  },
};
