// How Elastic IP addresses are kept ("Elastic IP addresses", elastic-ip-addresses-eip.html): one record per
// allocation in the account's partition of its Region, keyed by allocation id, with its association if it has
// one; indexed by public address, by instance and by association id. An association with an instance ends when
// the instance terminates, as EC2 disassociates the address then: reads see it through `activeAssociation`.
// Public addresses come from the three documentation ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24,
// 203.0.113.0/24), which no real host answers on; an account and Region starts at its own place in them.
import { createHash } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { schema, unchecked, type RecordOf } from "../../../state/record-schema";
import { instances, instanceState, type InstanceRecord } from "../instances/records";
import { taggable } from "../resource-types";
import * as err from "../vpc-defaults/errors";

const addressSchema = schema({
  AllocationId: "string",
  PublicIp: "string",
  AssociationId: unchecked<string | undefined>(),
  InstanceId: unchecked<string | undefined>(),
  PrivateIpAddress: unchecked<string | undefined>(),
});
export type AddressRecord = RecordOf<typeof addressSchema>;

export const ALLOCATION_ID = /^eipalloc-([0-9a-f]{8}|[0-9a-f]{17})$/;

export const addresses = collection<AddressRecord, string, "ip" | "instance" | "association">({
  type: "ec2.address",
  schema: addressSchema,
  key: (r) => r.AllocationId,
  indexes: { ip: (r) => r.PublicIp, instance: (r) => r.InstanceId, association: (r) => r.AssociationId },
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
function associatedInstance(ctx: RequestContext, r: AddressRecord): InstanceRecord | undefined {
  if (!r.InstanceId) return undefined;
  const instance = instances.get(ctx, r.InstanceId);
  if (!instance) return undefined;
  const state = instanceState(ctx, instance);
  return state === "terminated" || state === "shutting-down" ? undefined : instance;
}

/** The address's association as it stands now, if it has one. */
export function activeAssociation(
  ctx: RequestContext,
  r: AddressRecord,
): { AssociationId: string; InstanceId: string; PrivateIpAddress?: string; VpcId?: string } | undefined {
  const instance = r.AssociationId ? associatedInstance(ctx, r) : undefined;
  return (
    instance && {
      AssociationId: r.AssociationId!,
      InstanceId: instance.InstanceId,
      PrivateIpAddress: r.PrivateIpAddress,
      VpcId: instance.VpcId,
    }
  );
}

/** Whether an address of the caller's is mapped to an instance of this VPC (DetachInternetGateway refuses then). */
export function mappedAddressIn(ctx: RequestContext, vpcId: string): boolean {
  for (const r of addresses.scan(ctx)) if (activeAssociation(ctx, r)?.VpcId === vpcId) return true;
  return false;
}

/**
 * The Elastic IP associated with an instance now, if any: the public address DescribeInstances shows for it
 * (PublicIpAddress, and Association.IpOwnerId / AllocationId of its network interface).
 */
export function elasticIpOf(ctx: RequestContext, instanceId: string): AddressRecord | undefined {
  for (const e of addresses.lookup(ctx, "instance", { key: instanceId })) if (activeAssociation(ctx, e.value)) return e.value;
  return undefined;
}
