// Instance settings that change while it runs (their API references):
// - MonitorInstances / UnmonitorInstances: detailed monitoring on or off; the answer says "pending" or
//   "disabling" as EC2's does, and DescribeInstances shows the new state.
// - ModifyInstanceMetadataOptions: the members given, on an instance that is not terminated; the answer's
//   State is "pending" (DescribeInstances shows "applied" once the instance runs).
// - ModifyInstanceMaintenanceOptions: auto recovery and reboot migration, "default" or "disabled".
// - DescribeInstanceCreditSpecifications / ModifyInstanceCreditSpecification: burstable types only
//   (InstanceCreditSpecification.NotSupported otherwise), "standard" or "unlimited"; a modify answers each
//   instance it could not change among the unsuccessful ones rather than failing.
// - GetPasswordData (password.ts) and GetInstanceUefiData: the variable store of a UEFI instance, its AMI's.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import type {
  DescribeInstanceCreditSpecificationsResult,
  Ec2Handlers,
  InstanceCreditSpecification,
  UnsuccessfulInstanceCreditSpecificationItem,
} from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { nextToken, pageLimit, startAfter } from "../paging";
import { checkCredits, isBurstable } from "./options";
import { passwordData } from "./password";
import { findInstance, findInstances, INSTANCE_ID, instances, instanceState, saveInstance, type InstanceRecord } from "./records";

const notTerminated = (ctx: RequestContext, r: InstanceRecord, what: string): void => {
  const state = instanceState(ctx, r);
  if (state === "terminated" || state === "shutting-down") {
    throw err.incorrectInstanceState(`The instance '${r.InstanceId}' is not in a state from which ${what}.`);
  }
};

const creditsNotSupported = (r: InstanceRecord) =>
  new ServiceError(
    "InstanceCreditSpecification.NotSupported",
    `The instance ${r.InstanceId} has instance type ${r.InstanceType}, which does not support CPU credit specifications.`,
  );

const creditView = (r: InstanceRecord): InstanceCreditSpecification => ({ InstanceId: r.InstanceId, CpuCredits: r.CpuCredits });

/** Whether an instance is listed for its credits: a burstable type, not terminated. */
const listedForCredits = (ctx: RequestContext, r: InstanceRecord) => isBurstable(r.InstanceType) && instanceState(ctx, r) !== "terminated";

function setMonitoring(ctx: RequestContext, ids: string[], on: boolean) {
  const recs = findInstances(ctx, ids);
  recs.forEach((r) => notTerminated(ctx, r, "monitoring can be changed"));
  return recs.map((r) => {
    const changed = r.Monitoring !== on;
    r.Monitoring = on;
    saveInstance(ctx, r);
    const State = on ? (changed ? "pending" : "enabled") : changed ? "disabling" : "disabled";
    return { InstanceId: r.InstanceId, Monitoring: { State } as const };
  });
}

export const instanceSettingHandlers: Pick<
  Ec2Handlers,
  | "MonitorInstances"
  | "UnmonitorInstances"
  | "ModifyInstanceMetadataOptions"
  | "ModifyInstanceMaintenanceOptions"
  | "DescribeInstanceCreditSpecifications"
  | "ModifyInstanceCreditSpecification"
  | "GetPasswordData"
  | "GetInstanceUefiData"
> = {
  MonitorInstances(ctx, { InstanceIds }) {
    return { InstanceMonitorings: setMonitoring(ctx, InstanceIds, true) };
  },

  UnmonitorInstances(ctx, { InstanceIds }) {
    return { InstanceMonitorings: setMonitoring(ctx, InstanceIds, false) };
  },

  ModifyInstanceMetadataOptions(ctx, input) {
    const r = findInstance(ctx, input.InstanceId);
    notTerminated(ctx, r, "its metadata options can be modified");
    const hop = input.HttpPutResponseHopLimit;
    if (hop !== undefined && (hop < 1 || hop > 64)) {
      throw err.invalidValue(`Value (${hop}) for parameter httpPutResponseHopLimit is invalid. Expected a value between 1 and 64.`);
    }
    const md = { ...r.MetadataOptions };
    if (input.HttpTokens !== undefined) md.HttpTokens = input.HttpTokens;
    if (hop !== undefined) md.HttpPutResponseHopLimit = hop;
    if (input.HttpEndpoint !== undefined) md.HttpEndpoint = input.HttpEndpoint;
    if (input.HttpProtocolIpv6 !== undefined) md.HttpProtocolIpv6 = input.HttpProtocolIpv6;
    if (input.InstanceMetadataTags !== undefined) md.InstanceMetadataTags = input.InstanceMetadataTags;
    r.MetadataOptions = md;
    saveInstance(ctx, r);
    return { InstanceId: r.InstanceId, InstanceMetadataOptions: { ...md, State: "pending" } };
  },

  ModifyInstanceMaintenanceOptions(ctx, input) {
    const r = findInstance(ctx, input.InstanceId);
    notTerminated(ctx, r, "its maintenance options can be modified");
    if (input.AutoRecovery === undefined && input.RebootMigration === undefined) throw err.missingParameter("AutoRecovery");
    const current = r.MaintenanceOptions ?? { AutoRecovery: "default", RebootMigration: "default" };
    r.MaintenanceOptions = {
      AutoRecovery: input.AutoRecovery ?? current.AutoRecovery,
      RebootMigration: input.RebootMigration ?? current.RebootMigration,
    };
    saveInstance(ctx, r);
    return { InstanceId: r.InstanceId, ...r.MaintenanceOptions };
  },

  DescribeInstanceCreditSpecifications(ctx, input): DescribeInstanceCreditSpecificationsResult {
    const ids = input.InstanceIds ?? [];
    if (ids.length && input.MaxResults !== undefined) {
      throw err.invalidCombination("The parameter instancesSet cannot be used with the parameter maxResults");
    }
    const matches = compileFilters<InstanceRecord>(input.Filters, { fields: { "instance-id": (r) => r.InstanceId } });
    if (ids.length) {
      const found = findInstances(ctx, [...new Set(ids)]);
      const unsupported = found.find((r) => !isBurstable(r.InstanceType));
      if (unsupported) throw creditsNotSupported(unsupported);
      return { InstanceCreditSpecifications: found.filter(matches).map(creditView) };
    }
    const page = instances.page(ctx, {
      after: startAfter(ctx, input.NextToken),
      limit: pageLimit(input.MaxResults, 5, 1000),
      filter: (r) => listedForCredits(ctx, r) && matches(r),
    });
    return {
      InstanceCreditSpecifications: page.items.map((e) => creditView(e.value)),
      NextToken: page.next ? nextToken(ctx, page.next) : undefined,
    };
  },

  ModifyInstanceCreditSpecification(ctx, input) {
    const specs = input.InstanceCreditSpecifications;
    if (!specs.length) throw err.missingParameter("InstanceCreditSpecification");
    const ok: { InstanceId: string }[] = [];
    const failed: UnsuccessfulInstanceCreditSpecificationItem[] = [];
    for (const spec of specs) {
      const fail = (Code: NonNullable<UnsuccessfulInstanceCreditSpecificationItem["Error"]>["Code"], Message: string) =>
        failed.push({ InstanceId: spec.InstanceId, Error: { Code, Message } });
      if (spec.CpuCredits === undefined) throw err.missingParameter("InstanceCreditSpecification.CpuCredits");
      checkCredits(spec.CpuCredits);
      if (!INSTANCE_ID.test(spec.InstanceId)) {
        fail("InvalidInstanceID.Malformed", `Invalid id: "${spec.InstanceId}"`);
        continue;
      }
      const r = instances.get(ctx, spec.InstanceId);
      if (!r) {
        fail("InvalidInstanceID.NotFound", `The instance ID '${spec.InstanceId}' does not exist`);
        continue;
      }
      const state = instanceState(ctx, r);
      if (state === "terminated" || state === "shutting-down") {
        fail("IncorrectInstanceState", `The instance '${r.InstanceId}' is not in a state from which its credit option can be modified.`);
        continue;
      }
      if (!isBurstable(r.InstanceType)) {
        fail("InstanceCreditSpecification.NotSupported", creditsNotSupported(r).message);
        continue;
      }
      r.CpuCredits = spec.CpuCredits;
      saveInstance(ctx, r);
      ok.push({ InstanceId: r.InstanceId });
    }
    return { SuccessfulInstanceCreditSpecifications: ok, UnsuccessfulInstanceCreditSpecifications: failed };
  },

  GetPasswordData(ctx, { InstanceId }) {
    const r = findInstance(ctx, InstanceId);
    return { InstanceId: r.InstanceId, PasswordData: passwordData(ctx, r), Timestamp: new Date(ctx.now) };
  },

  GetInstanceUefiData(ctx, { InstanceId }) {
    const r = findInstance(ctx, InstanceId);
    return { InstanceId: r.InstanceId, UefiData: r.UefiData };
  },
};
