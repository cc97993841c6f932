// The account's On-Demand instance quotas ("On-Demand Instance quotas", ec2-on-demand-instances.html): one
// quota per instance family class, counted in the vCPUs of the instances that hold capacity, per account and
// region, under the quota codes of Service Quotas. That page gives new accounts 5 vCPUs of Standard instances
// and none of the others, which would stop most tests and tools at their second instance; imagelite takes the
// standard defaults documented when vCPU quotas were introduced instead (1,152 vCPUs of Standard instances,
// 128 of each other class). A count of instances (InstanceLimitExceeded) is no quota of a default account
// since vCPU quotas replaced instance counts, so it is unset unless the admin route sets one.
//
// A value set through the admin route is a record: for one account and region in its partition, for every
// account in imagelite's own (global) partition. The account's value wins over the global one, which wins
// over the default. Records live in the store, so that they survive a restart and every process on one store
// reads the same; a reset in their scope forgets them, as it forgets fault rules.
import { collection, inPartition, type Scope } from "../../../state/collection";
import { schema, type RecordOf } from "../../../state/record-schema";
import type { Partition } from "../../../state/store";

export interface QuotaSpec {
  /** The Service Quotas code (ServiceCode ec2), or `instances` for the count of instances. */
  code: string;
  name: string;
  unit: "vCPU" | "instances";
  /** No value (null): the quota does not apply until one is set. */
  defaultValue: number | null;
}

const vcpu = (code: string, name: string, defaultValue: number): QuotaSpec => ({ code, name, unit: "vCPU", defaultValue });

export const STANDARD_QUOTA = "L-1216C47A";
export const INSTANCE_COUNT_QUOTA = "instances";

export const QUOTAS: readonly QuotaSpec[] = [
  vcpu(STANDARD_QUOTA, "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", 1152),
  vcpu("L-6E869C2A", "Running On-Demand DL instances", 128),
  vcpu("L-74FC7D96", "Running On-Demand F instances", 128),
  vcpu("L-DB2E81BA", "Running On-Demand G and VT instances", 128),
  vcpu("L-43DA4232", "Running On-Demand High Memory instances", 128),
  vcpu("L-F7808C92", "Running On-Demand HPC instances", 128),
  vcpu("L-1945791B", "Running On-Demand Inf instances", 128),
  vcpu("L-417A185B", "Running On-Demand P instances", 128),
  vcpu("L-2C3B7624", "Running On-Demand Trn instances", 128),
  vcpu("L-7295265B", "Running On-Demand X instances", 128),
  { code: INSTANCE_COUNT_QUOTA, name: "Running On-Demand instances", unit: "instances", defaultValue: null },
];

export const quotaSpec = (code: string): QuotaSpec | undefined => QUOTAS.find((q) => q.code === code);

/** Where values for every account are kept. */
export const GLOBAL_QUOTAS: Partition = { account: "imagelite", region: "global" };

const quotaSchema = schema({ code: "string", value: "count" });
export type QuotaRecord = RecordOf<typeof quotaSchema>;

/** Values set through the admin route, keyed by quota code, in the account's partition or GLOBAL_QUOTAS. */
export const quotaValues = collection<QuotaRecord>({
  type: "ec2.quota",
  schema: quotaSchema,
  key: (r) => r.code,
  // A value for every account lives in imagelite's own partition (GLOBAL_QUOTAS).
  rules: { global: true },
});

/** The quota's value for the scope's account and region: its own, else the global one, else the default (null: none). */
export function quotaValue(s: Scope, code: string): number | null {
  const own = quotaValues.get(s, code) ?? quotaValues.get(inPartition(s, GLOBAL_QUOTAS), code);
  return own ? own.value : (quotaSpec(code)?.defaultValue ?? null);
}
