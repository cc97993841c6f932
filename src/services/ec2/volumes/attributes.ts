// DescribeVolumeAttribute, ModifyVolumeAttribute, EnableVolumeIO and DescribeVolumeStatus (their API references;
// "Monitor the status of your volumes", monitoring-volume-status.html). autoEnableIO is off until set; volumes
// carry no product codes here. imagelite's volumes never see an inconsistency: their I/O stays enabled and their
// status checks pass (`ok`) once they are created; a volume still creating has `insufficient-data`.
import type { RequestContext } from "../../../gateway/context";
import type { Ec2Handlers, VolumeStatusItem } from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { zoneIdOf } from "./handlers";
import { attachmentsAt, checkVolumeId, findVolume, saveVolume, volumes, volumeState, type VolumeRecord } from "./records";

function statusItem(ctx: RequestContext, v: VolumeRecord): VolumeStatusItem {
  const ready = volumeState(ctx, v) !== "creating";
  const status = ready ? "ok" : "insufficient-data";
  const attached = attachmentsAt(ctx, v);
  return {
    VolumeId: v.VolumeId,
    AvailabilityZone: v.AvailabilityZone,
    AvailabilityZoneId: zoneIdOf(ctx, v.AvailabilityZone),
    VolumeStatus: {
      Status: status,
      Details: [
        { Name: "io-enabled", Status: ready ? "passed" : "insufficient-data" },
        { Name: "io-performance", Status: ready ? "not-applicable" : "insufficient-data" },
      ],
    },
    Events: [],
    Actions: [],
    AttachmentStatuses: attached.map((a) => ({ InstanceId: a.InstanceId, IoPerformance: "not-applicable" })),
  };
}

export const volumeAttributeHandlers: Pick<
  Ec2Handlers,
  "DescribeVolumeAttribute" | "ModifyVolumeAttribute" | "EnableVolumeIO" | "DescribeVolumeStatus"
> = {
  DescribeVolumeAttribute(ctx, { VolumeId, Attribute }) {
    const v = findVolume(ctx, VolumeId);
    return Attribute === "productCodes" ? { VolumeId, ProductCodes: [] } : { VolumeId, AutoEnableIO: { Value: v.autoEnableIO ?? false } };
  },

  ModifyVolumeAttribute(ctx, { VolumeId, AutoEnableIO }) {
    const v = findVolume(ctx, VolumeId);
    if (AutoEnableIO?.Value === undefined) throw err.missingParameter("AutoEnableIO");
    v.autoEnableIO = AutoEnableIO.Value;
    saveVolume(ctx, v);
    return {};
  },

  EnableVolumeIO(ctx, { VolumeId }) {
    findVolume(ctx, VolumeId);
    return {};
  },

  DescribeVolumeStatus(ctx, input) {
    const ids = input.VolumeIds ?? [];
    ids.forEach(checkVolumeId);
    const matches = compileFilters<VolumeStatusItem>(input.Filters, {
      fields: {
        "availability-zone": (s) => s.AvailabilityZone,
        "volume-status.status": (s) => s.VolumeStatus?.Status,
        "volume-status.details-name": (s) => s.VolumeStatus?.Details?.map((d) => d.Name!),
        "volume-status.details-status": (s) => s.VolumeStatus?.Details?.map((d) => d.Status!),
        "event.event-type": (s) => s.Events?.map((e) => e.EventType!),
        "event.event-id": (s) => s.Events?.map((e) => e.EventId!),
        "event.description": (s) => s.Events?.map((e) => e.Description!),
        "event.not-after": (s) => s.Events?.map((e) => e.NotAfter!.toISOString()),
        "event.not-before": (s) => s.Events?.map((e) => e.NotBefore!.toISOString()),
        "action.code": (s) => s.Actions?.map((a) => a.Code!),
        "action.event-id": (s) => s.Actions?.map((a) => a.EventId!),
        "action.description": (s) => s.Actions?.map((a) => a.Description!),
      },
    });
    if (ids.length) {
      if (input.MaxResults !== undefined)
        throw err.invalidCombination("The parameter VolumeIds cannot be used with the parameter MaxResults");
      return { VolumeStatuses: [...new Set(ids)].map((id) => statusItem(ctx, findVolume(ctx, id))).filter(matches) };
    }
    const limit = pageLimit(input.MaxResults === undefined ? undefined : Math.min(input.MaxResults, 1000), 5, 1000);
    const rows = (function* () {
      for (const e of volumes.entries(ctx, { after: startAfter(ctx, input.NextToken), batch: Math.min(limit + 1, 100) }))
        yield statusItem(ctx, e.value);
    })();
    const { page, more } = takePage(rows, matches, limit);
    return { VolumeStatuses: page, NextToken: more ? nextToken(ctx, page[page.length - 1].VolumeId!) : undefined };
  },
};
