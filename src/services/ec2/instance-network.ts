// Where a new instance is placed in the caller's network and the addresses it gets. Private addresses are
// handed out in order from the subnet's CIDR block, after the four addresses AWS reserves at its start ("Subnet
// CIDR blocks", subnet-sizing.html); the private DNS name is derived from the address as EC2 names it
// (ip-10-0-0-12.ec2.internal in us-east-1, ip-10-0-0-12.<region>.compute.internal elsewhere).
import type { RequestContext } from "../../gateway/context";
import { collection } from "../../state/collection";
import * as err from "./errors";
import type { GroupIdentifier, RunInstancesRequest } from "./api.generated";

export interface Placement {
  AvailabilityZone: string;
  SubnetId?: string;
  VpcId?: string;
  cidr: string;
  Groups: GroupIdentifier[];
}

/** The caller's partition, keyed by subnet (or the zone, outside any subnet) → how many addresses were given out. */
export const addressCounters = collection<{ next: number }>({ type: "ec2.address-counter" });

/** Outside any VPC, instances take addresses of the default VPC's documented block (172.31.0.0/16). */
const DEFAULT_CIDR = "172.31.0.0/16";

export function placeInstance(ctx: RequestContext, input: RunInstancesRequest): Placement {
  return {
    AvailabilityZone: input.Placement?.AvailabilityZone ?? `${ctx.region}a`,
    cidr: DEFAULT_CIDR,
    Groups: [],
  };
}

const toInt = (ip: string) => ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
const toIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");

/** The next private address of the subnet (or zone), and its DNS name. */
export function nextAddress(ctx: RequestContext, where: Placement): { ip: string; dns: string } {
  const key = where.SubnetId ?? where.AvailabilityZone;
  const n = addressCounters.get(ctx, key)?.next ?? 0;
  addressCounters.set(ctx, key, { next: n + 1 });
  const [base, bits] = where.cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  // The first four and the last address of a block are reserved; wrap within what is left.
  const ip = toIp(toInt(base) + 4 + (n % Math.max(1, size - 5)));
  const host = `ip-${ip.replace(/\./g, "-")}`;
  return { ip, dns: ctx.region === "us-east-1" ? `${host}.ec2.internal` : `${host}.${ctx.region}.compute.internal` };
}

/** ModifyInstanceAttribute groupSet: the security groups (by id) an instance in a VPC is to have. */
export function resolveGroups(_ctx: RequestContext, r: { InstanceId: string; VpcId?: string }, ids: string[]): GroupIdentifier[] {
  if (!ids.length) throw err.missingParameter("GroupId");
  return ids.map((GroupId) => ({ GroupId }));
}
