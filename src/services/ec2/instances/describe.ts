// DescribeInstances and DescribeInstanceStatus. DescribeInstances walks the caller's instances in (reservation,
// instance) order through the reservation index, so a page groups the instances of a reservation together as
// EC2 does; its token is the last (reservation, instance) served. Terminated instances are listed until they
// go (about an hour). MaxResults (5-1000) cannot be combined with InstanceIds (both API references).
//
// DescribeInstanceStatus lists running instances unless IncludeAllInstances. Status checks start when an
// instance reaches `running` and report `initializing` for one instanceStart phase, then `ok` ("Status checks
// for Amazon EC2 instances": checks run once the instance is running and take a few minutes to pass); an
// instance that is not running reports `not-applicable`.
import type { RequestContext } from "../../../gateway/context";
import type { DescribeInstanceStatusResult, DescribeInstancesResult, Ec2Handlers, InstanceStatus, SummaryStatus } from "../api.generated";
import * as err from "../errors";
import { compileFilters, type Filter, type FilterSpec } from "../filters";
import { findInstances, instances, instanceState, stateShape, STATE_CODES, type InstanceRecord } from "./records";
import { reservationView } from "./view";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { allExact, byIdUnique, firstAbove, noteUnindexed, tagAccess, taggedIds, valuesAccess } from "../query-plan";
import { tagMap } from "../tags/records";
import { attachedVolumes } from "../volumes/records";

function instanceFilters(ctx: RequestContext): FilterSpec<InstanceRecord> {
  return {
    fields: {
      "instance-id": (r) => r.InstanceId,
      "image-id": (r) => r.ImageId,
      "instance-state-name": (r) => instanceState(ctx, r),
      "instance-state-code": (r) => STATE_CODES[instanceState(ctx, r)],
      "instance-type": (r) => r.InstanceType,
      "subnet-id": (r) => r.SubnetId,
      "vpc-id": (r) => r.VpcId,
      "key-name": (r) => r.KeyName,
      "availability-zone": (r) => r.Placement.AvailabilityZone,
      "reservation-id": (r) => r.ReservationId,
      "owner-id": (r) => r.owner,
      "private-dns-name": (r) => r.PrivateDnsName,
      "private-ip-address": (r) => r.PrivateIpAddress,
      architecture: (r) => r.Architecture,
      "root-device-type": (r) => r.RootDeviceType,
      "root-device-name": (r) => r.RootDeviceName,
      platform: (r) => r.Platform,
      "client-token": (r) => r.ClientToken,
      "instance.group-id": (r) => r.Groups.map((g) => g.GroupId),
      "instance.group-name": (r) => r.Groups.map((g) => g.GroupName),
      "iam-instance-profile.arn": (r) => r.IamInstanceProfile?.Arn,
      "launch-time": (r) => new Date(r.launchedAt).toISOString(),
      "block-device-mapping.volume-id": (r) => attachedVolumes(ctx, r.InstanceId).map((v) => v.VolumeId),
      "block-device-mapping.device-name": (r) => attachedVolumes(ctx, r.InstanceId).map((v) => v.attachment!.Device),
    },
    tags: (r) => tagMap(ctx, r.InstanceId),
  };
}

function checkIdsWithoutPaging(ids: string[], max: number | undefined): void {
  if (ids.length && max !== undefined) {
    throw err.invalidCombination("The parameter instancesSet cannot be used with the parameter maxResults");
  }
}

/** Consecutive instances of one reservation as one Reservation, in the order given. */
function grouped(ctx: RequestContext, recs: InstanceRecord[]): DescribeInstancesResult["Reservations"] {
  const groups = new Map<string, InstanceRecord[]>();
  for (const r of recs) groups.set(r.ReservationId, [...(groups.get(r.ReservationId) ?? []), r]);
  return [...groups.entries()].map(([id, members]) => reservationView(ctx, id, members));
}

/** When the instance last reached `running`, if it is running now. */
function runningSince(ctx: RequestContext, r: InstanceRecord): number | undefined {
  if (instanceState(ctx, r) !== "running") return undefined;
  let at: number | undefined;
  for (const s of r.schedule) if (s.at <= ctx.now && s.state === "running") at = s.at;
  return at;
}

function checksOf(ctx: RequestContext, r: InstanceRecord): SummaryStatus {
  const since = runningSince(ctx, r);
  if (since === undefined) return "not-applicable";
  return ctx.now < since + ctx.timings.seconds("instanceStart") * 1000 ? "initializing" : "ok";
}

function statusView(ctx: RequestContext, r: InstanceRecord): InstanceStatus {
  const status = checksOf(ctx, r);
  const details =
    status === "not-applicable" ? undefined : [{ Name: "reachability" as const, Status: status === "ok" ? "passed" : "initializing" }];
  const summary = { Status: status, Details: details as never };
  return {
    InstanceId: r.InstanceId,
    AvailabilityZone: r.Placement.AvailabilityZone,
    InstanceState: stateShape(instanceState(ctx, r)),
    InstanceStatus: summary,
    SystemStatus: summary,
  };
}

function statusFilters(ctx: RequestContext): FilterSpec<InstanceRecord> {
  const reachability = (r: InstanceRecord) => {
    const s = checksOf(ctx, r);
    return s === "ok" ? "passed" : s === "initializing" ? "initializing" : undefined;
  };
  return {
    fields: {
      "availability-zone": (r) => r.Placement.AvailabilityZone,
      "instance-state-name": (r) => instanceState(ctx, r),
      "instance-state-code": (r) => STATE_CODES[instanceState(ctx, r)],
      "instance-status.status": (r) => checksOf(ctx, r),
      "system-status.status": (r) => checksOf(ctx, r),
      "instance-status.reachability": reachability,
      "system-status.reachability": reachability,
    },
  };
}

/**
 * The candidates of a filtered DescribeInstances through an index (instance ids, an AMI id, the caller's tags),
 * in (reservation, instance) order, or undefined when no filter has one (then every instance is walked).
 */
function plannedInstances(ctx: RequestContext, filters: Filter[] | undefined): InstanceRecord[] | undefined {
  let best: { rank: number; read: () => InstanceRecord[] } | undefined;
  const offer = (rank: number, read: () => InstanceRecord[]) => {
    if (!best || rank < best.rank) best = { rank, read };
  };
  const unindexed: string[] = [];
  for (const f of filters ?? []) {
    const values = f.Values ?? [];
    const accesses = valuesAccess(values);
    const exact = accesses !== undefined && allExact(accesses);
    const tag = tagAccess(f.Name!, values);
    if (tag) offer("tag" in tag ? (exact ? 1 : 2) : 3, () => taggedIds(ctx, "instance", tag).map((id) => instances.get(ctx, id)!));
    else if (exact && f.Name === "instance-id") offer(0, () => values.map((id) => instances.get(ctx, id)!));
    else if (exact && f.Name === "image-id")
      offer(1, () => values.flatMap((id) => instances.lookup(ctx, "image", { key: id }).map((e) => e.value)));
    else unindexed.push(f.Name!);
  }
  if (!best) {
    noteUnindexed(ctx, unindexed);
    return undefined;
  }
  const key = (r: InstanceRecord) => `${r.ReservationId} ${r.InstanceId}`;
  return byIdUnique(
    best.read().filter((r) => r !== undefined),
    key,
  );
}

export const describeInstancesHandlers: Pick<Ec2Handlers, "DescribeInstances" | "DescribeInstanceStatus"> = {
  DescribeInstances(ctx, input): DescribeInstancesResult {
    const ids = input.InstanceIds ?? [];
    checkIdsWithoutPaging(ids, input.MaxResults);
    const matches = compileFilters(input.Filters, instanceFilters(ctx));
    if (ids.length) {
      const found = findInstances(ctx, [...new Set(ids)]);
      return { Reservations: grouped(ctx, found.filter(matches)) };
    }
    const limit = pageLimit(input.MaxResults, 5, 1000);
    const token = startAfter(ctx, input.NextToken);
    const space = token.indexOf(" ");
    let after = token ? { key: token.slice(0, space), id: token.slice(space + 1) } : undefined;
    const planned = plannedInstances(ctx, input.Filters);
    if (planned) {
      const start = token ? firstAbove(planned, (r) => `${r.ReservationId} ${r.InstanceId}`, token) : 0;
      const { page, more } = takePage(planned.slice(start), matches, limit);
      const last = page[page.length - 1];
      return {
        Reservations: grouped(ctx, page),
        NextToken: more ? nextToken(ctx, `${last.ReservationId} ${last.InstanceId}`) : undefined,
      };
    }
    const page: InstanceRecord[] = [];
    let more = false;
    // Reads a batch at a time through the index; filters may skip many.
    for (;;) {
      const batch = instances.lookup(ctx, "reservation", { prefix: "", after, limit: Math.min(limit, 1000) + 1 });
      for (const e of batch) {
        if (!matches(e.value)) continue;
        if (page.length >= limit) {
          more = true;
          break;
        }
        page.push(e.value);
      }
      if (more || batch.length <= Math.min(limit, 1000)) break;
      const last = batch[batch.length - 1];
      after = { key: last.key, id: last.id };
    }
    const last = page[page.length - 1];
    return {
      Reservations: grouped(ctx, page),
      NextToken: more ? nextToken(ctx, `${last.ReservationId} ${last.InstanceId}`) : undefined,
    };
  },

  DescribeInstanceStatus(ctx, input): DescribeInstanceStatusResult {
    const ids = input.InstanceIds ?? [];
    checkIdsWithoutPaging(ids, input.MaxResults);
    const matches = compileFilters(input.Filters, statusFilters(ctx));
    const shown = (r: InstanceRecord) => (input.IncludeAllInstances || instanceState(ctx, r) === "running") && matches(r);
    if (ids.length)
      return {
        InstanceStatuses: findInstances(ctx, [...new Set(ids)])
          .filter(shown)
          .map((r) => statusView(ctx, r)),
      };
    const page = instances.page(ctx, {
      after: startAfter(ctx, input.NextToken),
      limit: pageLimit(input.MaxResults, 5, 1000),
      filter: shown,
    });
    return {
      InstanceStatuses: page.items.map((e) => statusView(ctx, e.value)),
      NextToken: page.next ? nextToken(ctx, page.next) : undefined,
    };
  },
};
