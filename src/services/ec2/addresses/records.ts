// How Elastic IP addresses are kept ("Elastic IP addresses", elastic-ip-addresses-eip.html): one record per
// allocation in the account's partition of its Region, keyed by allocation id, with its association if it has
// one: a network interface and one of its private addresses (AssociateAddress with an instance id names the
// instance's primary interface). Indexed by public address, by network interface and by association id; records
// of older versions name an instance instead (`InstanceId`, its primary interface), and keep the instance index.
// An association ends when its interface goes (an instance's primary interface is deleted when the instance
// terminates, as EC2 disassociates the address then): reads see it through `activeAssociation`, so that nothing
// has to run at termination. The instance an association shows is the one the interface is attached to now.
// Public addresses come from the three documentation ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24,
// 203.0.113.0/24), which no real host answers on; an account and Region starts at its own place in them.
import { createHash } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { schema, unchecked, type RecordOf } from "../../../state/record-schema";
import { instances, instanceState, type InstanceRecord } from "../instances/records";
import { attachmentOf, networkInterfaces, primaryInterface, type EniRecord } from "../network-interfaces/records";
import { taggable } from "../resource-types";
import * as err from "../vpc-defaults/errors";

const addressSchema = schema({
  AllocationId: "string",
  PublicIp: "string",
  AssociationId: unchecked<string | undefined>(),
  InstanceId: unchecked<string | undefined>(),
  PrivateIpAddress: unchecked<string | undefined>(),
  /** The network interface the address is associated with (absent in records of older versions, which name an instance). */
  NetworkInterfaceId: unchecked<string | undefined>(),
});
export type AddressRecord = RecordOf<typeof addressSchema>;

export const ALLOCATION_ID = /^eipalloc-([0-9a-f]{8}|[0-9a-f]{17})$/;

export const addresses = collection<AddressRecord, string, "ip" | "instance" | "association" | "interface">({
  type: "ec2.address",
  schema: addressSchema,
  key: (r) => r.AllocationId,
  indexes: {
    ip: (r) => r.PublicIp,
    instance: (r) => r.InstanceId,
    association: (r) => r.AssociationId,
    interface: (r) => r.NetworkInterfaceId,
  },
  taggable: taggable("elastic-ip", (ctx, id) => findAddress(ctx, id)),
});

/** The Elastic IP addresses an account may allocate in a Region: the default quota, which DescribeAccountAttributes reports. */
export const MAX_ADDRESSES = 5;

const RANGES = ["192.0.2", "198.51.100", "203.0.113"];
/** Hosts 1 to 254 of each range. */
const POOL_SIZE = RANGES.length * 254;
const poolAddress = (i: number) => `${RANGES[Math.floor(i / 254)]}.${(i % 254) + 1}`;

/** The first address of the pool, from the account's and Region's own place in it, that the account does not hold. */
export function freeAddress(ctx: RequestContext): string {
  const start = createHash("sha256").update(`${ctx.accountId} ${ctx.region}`).digest().readUInt32BE(0) % POOL_SIZE;
  for (let i = 0; i < POOL_SIZE; i++) {
    const ip = poolAddress((start + i) % POOL_SIZE);
    if (!addresses.find(ctx, "ip", ip)) return ip;
  }
  throw err.addressLimit();
}

/** Whether an address is one the pool gives out. */
export const inPool = (ip: string): boolean => {
  const m = /^(\d+\.\d+\.\d+)\.(\d+)$/.exec(ip);
  return !!m && RANGES.includes(m[1]) && Number(m[2]) >= 1 && Number(m[2]) <= 254 && String(Number(m[2])) === m[2];
};

export function findAddress(ctx: RequestContext, allocationId: string): AddressRecord {
  if (!ALLOCATION_ID.test(allocationId)) throw err.allocationMalformed(allocationId);
  const r = addresses.get(ctx, allocationId);
  if (!r) throw err.allocationNotFound(allocationId);
  return r;
}

export function findByIp(ctx: RequestContext, ip: string): AddressRecord {
  const r = addresses.find(ctx, "ip", ip);
  if (!r) throw err.addressNotFound(ip);
  return r;
}

/** The instance an association names while it lasts: not once the instance is shutting down or gone. */
function liveInstance(ctx: RequestContext, instanceId: string | undefined): InstanceRecord | undefined {
  const instance = instanceId === undefined ? undefined : instances.get(ctx, instanceId);
  if (!instance) return undefined;
  const state = instanceState(ctx, instance);
  return state === "terminated" || state === "shutting-down" ? undefined : instance;
}

export interface ActiveAssociation {
  AssociationId: string;
  /** The instance its interface is attached to now, if any. */
  InstanceId?: string;
  NetworkInterfaceId?: string;
  NetworkInterfaceOwnerId?: string;
  PrivateIpAddress?: string;
  VpcId?: string;
}

/** The address's association as it stands now, if it has one. */
export function activeAssociation(ctx: RequestContext, r: AddressRecord): ActiveAssociation | undefined {
  if (!r.AssociationId) return undefined;
  if (r.NetworkInterfaceId === undefined) {
    // A record of an older version: associated with an instance, through its primary interface.
    const instance = liveInstance(ctx, r.InstanceId);
    const eni = instance && primaryInterface(ctx, instance.InstanceId);
    return (
      instance && {
        AssociationId: r.AssociationId,
        InstanceId: instance.InstanceId,
        NetworkInterfaceId: eni?.NetworkInterfaceId,
        NetworkInterfaceOwnerId: eni?.owner,
        PrivateIpAddress: r.PrivateIpAddress,
        VpcId: instance.VpcId,
      }
    );
  }
  const eni = networkInterfaces.get(ctx, r.NetworkInterfaceId);
  // An interface that goes with its instance takes the association with it from the termination on.
  if (!eni || eni.goneAt !== undefined) return undefined;
  return {
    AssociationId: r.AssociationId,
    InstanceId: liveInstance(ctx, attachmentOf(ctx, eni)?.InstanceId)?.InstanceId,
    NetworkInterfaceId: eni.NetworkInterfaceId,
    NetworkInterfaceOwnerId: eni.owner,
    PrivateIpAddress: r.PrivateIpAddress,
    VpcId: eni.VpcId,
  };
}

/** Whether an address of the caller's is mapped to an instance or interface of this VPC (DetachInternetGateway refuses then). */
export function mappedAddressIn(ctx: RequestContext, vpcId: string): boolean {
  for (const r of addresses.scan(ctx)) if (activeAssociation(ctx, r)?.VpcId === vpcId) return true;
  return false;
}

/** The Elastic IP addresses associated with an interface now, by the private address each maps to. */
export function elasticIpsOn(ctx: RequestContext, eni: EniRecord): Map<string, AddressRecord> {
  const out = new Map<string, AddressRecord>();
  const candidates = addresses.lookup(ctx, "interface", { key: eni.NetworkInterfaceId }).map((e) => e.value);
  // Records of older versions name the instance whose primary interface this is.
  const a = attachmentOf(ctx, eni);
  if (a?.DeviceIndex === 0) {
    for (const e of addresses.lookup(ctx, "instance", { key: a.InstanceId }))
      if (e.value.NetworkInterfaceId === undefined) candidates.push(e.value);
  }
  for (const r of candidates) {
    const assoc = activeAssociation(ctx, r);
    if (assoc?.NetworkInterfaceId === eni.NetworkInterfaceId) out.set(assoc.PrivateIpAddress ?? eni.PrivateIpAddress, r);
  }
  return out;
}

/** The Elastic IP address mapped to one private address of an interface now, if any. */
export const elasticIpAt = (ctx: RequestContext, eni: EniRecord, privateIp: string): AddressRecord | undefined =>
  elasticIpsOn(ctx, eni).get(privateIp);

/**
 * The Elastic IP associated with an instance now, if any: the one on the primary private address of its primary
 * interface, which DescribeInstances shows as the instance's PublicIpAddress.
 */
export function elasticIpOf(ctx: RequestContext, instanceId: string): AddressRecord | undefined {
  const eni = primaryInterface(ctx, instanceId);
  return eni && liveInstance(ctx, instanceId) ? elasticIpAt(ctx, eni, eni.PrivateIpAddress) : undefined;
}
