// How many instances a launch or a start may add under the account's On-Demand quotas (instances/quota-records.ts),
// checked before anything is made. Instances hold capacity in every state but stopped and terminated ("On-Demand
// Instance quotas": usage is the vCPUs of running On-Demand instances; pending, stopping and shutting-down ones
// still hold their capacity). RunInstances' MinCount and MaxCount (its API reference): each is constrained to
// between 1 and the quota, so a MaxCount that the whole quota could not hold is refused; within it, EC2
// launches as many as the room left allows, and none at all when that is fewer than MinCount.
// Errors as EC2 words them ("Error codes for the Amazon EC2 API", errors-overview.html: VcpuLimitExceeded,
// InstanceLimitExceeded).
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import type { Scope } from "../../../state/collection";
import { stateAt } from "../../../state/lifecycle";
import { instances, type InstanceRecord } from "./records";
import { quotaOf, vcpusOf } from "./type-capacity";
import { INSTANCE_COUNT_QUOTA, quotaValue } from "./quota-records";

const REQUEST_ADJUSTMENT = "Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.";

export const vcpuLimitExceeded = (limit: number) =>
  new ServiceError(
    "VcpuLimitExceeded",
    `You have requested more vCPU capacity than your current vCPU limit of ${limit} allows for the instance bucket that the specified instance type belongs to. ${REQUEST_ADJUSTMENT}`,
  );

export const instanceLimitExceeded = (requested: number, limit: number) =>
  new ServiceError(
    "InstanceLimitExceeded",
    `You have requested more instances (${requested}) than your current instance limit of ${limit} allows for the specified instance type. ${REQUEST_ADJUSTMENT}`,
  );

export const holdsCapacity = (s: Scope, r: InstanceRecord): boolean => {
  const state = stateAt(r.schedule, s.now);
  return state !== "stopped" && state !== "terminated";
};

export interface Usage {
  /** vCPUs in use, by quota code. */
  vcpus: Map<string, number>;
  instances: number;
}

/** What the instances of the scope's account and region hold now. */
export function usage(s: Scope): Usage {
  const out: Usage = { vcpus: new Map(), instances: 0 };
  for (const r of instances.scan(s, { batch: 500 })) {
    if (!holdsCapacity(s, r)) continue;
    const code = quotaOf(r.InstanceType);
    out.vcpus.set(code, (out.vcpus.get(code) ?? 0) + vcpusOf(r.InstanceType));
    out.instances++;
  }
  return out;
}

/** How many of MinCount..MaxCount instances of this type RunInstances launches; the quota's error when not even MinCount fit. */
export function launchCount(ctx: RequestContext, instanceType: string, min: number, max: number): number {
  const code = quotaOf(instanceType);
  const per = vcpusOf(instanceType);
  const vcpuLimit = quotaValue(ctx, code);
  const countLimit = quotaValue(ctx, INSTANCE_COUNT_QUOTA);
  // Beyond the whole quota, whatever runs now: refused before the account's instances are read.
  if (vcpuLimit !== null && max * per > vcpuLimit) throw vcpuLimitExceeded(vcpuLimit);
  if (countLimit !== null && max > countLimit) throw instanceLimitExceeded(max, countLimit);
  const used = usage(ctx);
  let n = max;
  if (vcpuLimit !== null) {
    n = Math.min(n, Math.floor((vcpuLimit - (used.vcpus.get(code) ?? 0)) / per));
    if (n < min) throw vcpuLimitExceeded(vcpuLimit);
  }
  if (countLimit !== null) {
    n = Math.min(n, countLimit - used.instances);
    if (n < min) throw instanceLimitExceeded(used.instances + min, countLimit);
  }
  return n;
}

/** StartInstances: the stopped instances it starts must fit beside those that hold capacity, all of them or none. */
export function checkStart(ctx: RequestContext, starting: InstanceRecord[]): void {
  if (!starting.length) return;
  const used = usage(ctx);
  const added = new Map<string, number>();
  for (const r of starting) {
    const code = quotaOf(r.InstanceType);
    added.set(code, (added.get(code) ?? 0) + vcpusOf(r.InstanceType));
  }
  for (const [code, vcpus] of added) {
    const limit = quotaValue(ctx, code);
    if (limit !== null && (used.vcpus.get(code) ?? 0) + vcpus > limit) throw vcpuLimitExceeded(limit);
  }
  const countLimit = quotaValue(ctx, INSTANCE_COUNT_QUOTA);
  if (countLimit !== null && used.instances + starting.length > countLimit) {
    throw instanceLimitExceeded(used.instances + starting.length, countLimit);
  }
}
