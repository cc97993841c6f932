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
import { compileFilters, type FilterSpec } from "../filters";
import { findInstances, instances, instanceState, stateShape, STATE_CODES, type InstanceRecord } from "./records";
import { reservationView } from "./view";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { byValues, candidates, collectionSource, conditionsOf, RANK, type DescribePlan } from "../query-plan";
import { tagMap } from "../tags/records";
import { attachedVolumes } from "../volumes/records";
import { interfacesOf } from "../network-interfaces/records";
import { associationOf } from "../network-interfaces/view";

function instanceFilters(ctx: RequestContext): FilterSpec<InstanceRecord> {
  const enis = (r: InstanceRecord) => interfacesOf(ctx, r.InstanceId);
  const primaryAssociation = (r: InstanceRecord) => {
    const p = enis(r).find((e) => e.attachment!.DeviceIndex === 0);
    return p && associationOf(ctx, p);
  };
  return {
    fields: {
      "ip-address": (r) => primaryAssociation(r)?.PublicIp,
      "dns-name": (r) => primaryAssociation(r)?.PublicDnsName,
      "network-interface.network-interface-id": (r) => enis(r).map((e) => e.NetworkInterfaceId),
      "network-interface.subnet-id": (r) => enis(r).map((e) => e.SubnetId),
      "network-interface.vpc-id": (r) => enis(r).map((e) => e.VpcId),
      "network-interface.mac-address": (r) => enis(r).map((e) => e.MacAddress),
      "network-interface.private-dns-name": (r) => enis(r).map((e) => e.PrivateDnsName),
      "network-interface.addresses.private-ip-address": (r) => enis(r).flatMap((e) => [e.PrivateIpAddress, ...e.secondaryIps]),
      "network-interface.attachment.device-index": (r) => enis(r).map((e) => e.attachment!.DeviceIndex),
      "network-interface.attachment.attachment-id": (r) => enis(r).map((e) => e.attachment!.AttachmentId),
      "network-interface.group-id": (r) => enis(r).flatMap((e) => e.Groups.map((g) => g.GroupId)),
      "network-interface.source-dest-check": (r) => enis(r).map((e) => e.SourceDestCheck),
      "network-interface.status": (r) => enis(r).map(() => "in-use"),
      "source-dest-check": (r) => r.SourceDestCheck,
      "monitoring-state": (r) => (r.Monitoring ? "enabled" : "disabled"),
      "iam-instance-profile.id": (r) => r.IamInstanceProfile?.Id,
      "iam-instance-profile.name": (r) => r.IamInstanceProfile?.Arn?.split("/").pop(),
      "metadata-options.http-tokens": (r) => r.MetadataOptions.HttpTokens,
      "metadata-options.http-endpoint": (r) => r.MetadataOptions.HttpEndpoint,
      "metadata-options.http-put-response-hop-limit": (r) => r.MetadataOptions.HttpPutResponseHopLimit,
      "metadata-options.instance-metadata-tags": (r) => r.MetadataOptions.InstanceMetadataTags,
      "hibernation-options.configured": (r) => r.HibernationConfigured ?? false,
      "maintenance-options.auto-recovery": (r) => r.MaintenanceOptions?.AutoRecovery ?? "default",
      "cpu-options.core-count": (r) => r.CpuOptions?.CoreCount,
      "cpu-options.threads-per-core": (r) => r.CpuOptions?.ThreadsPerCore,
      "capacity-reservation-specification.capacity-reservation-preference": (r) =>
        r.CapacityReservationSpecification?.CapacityReservationPreference ?? "open",
      "private-dns-name-options.hostname-type": (r) => r.PrivateDnsNameOptions?.HostnameType ?? "ip-name",
      tenancy: (r) => r.Placement.Tenancy ?? "default",
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
 * DescribeInstances' plan: the caller's instances, served in (reservation, instance) order, which the walk reads
 * through the reservation index; instance ids, an AMI id, a VPC id, a subnet id and the caller's tags have indexes.
 */
function instancePlan(ctx: RequestContext): DescribePlan<InstanceRecord, "image" | "vpc" | "subnet"> {
  return {
    idOf: (r) => r.InstanceId,
    orderOf: (r) => `${r.ReservationId} ${r.InstanceId}`,
    sources: [collectionSource(instances, ctx, ["image", "vpc", "subnet"], (_, r) => r)],
    *walk(after, batch) {
      const space = after.indexOf(" ");
      const from = after ? { key: after.slice(0, space), id: after.slice(space + 1) } : undefined;
      for (const e of instances.indexScan(ctx, "reservation", { prefix: "" }, { after: from, batch })) yield e.value;
    },
    tagType: "instance",
    conditions: {
      "instance-id": byValues("id", RANK.id),
      "image-id": byValues("image", RANK.key),
      "vpc-id": byValues("vpc", RANK.key),
      "subnet-id": byValues("subnet", RANK.key),
    },
  };
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
    const source = candidates(ctx, instancePlan(ctx), conditionsOf({}, input.Filters), {
      after: startAfter(ctx, input.NextToken),
      batch: Math.min(limit, 1000) + 1,
    });
    const { page, more } = takePage(source, matches, limit);
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
