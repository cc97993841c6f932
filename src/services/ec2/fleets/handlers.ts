// CreateFleet and DeleteFleets (their API references; "EC2 Fleet request types", ec2-fleet-request-type.html;
// "Allocation strategies for Spot Instances", ec2-fleet-allocation-strategy.html). An instant fleet launches its
// target capacity once, synchronously, from its launch templates and their overrides: Spot capacity from the
// cheapest pool first (lowest-price, the default) or by priority (capacity-optimized-prioritized), On-Demand
// from the cheapest rate or by priority (prioritized), each instance counting its override's WeightedCapacity.
// A pool that cannot launch (a quota, an unknown subnet, a Spot price above the maximum) adds an error and the
// next pool is tried; what was launched and what failed are answered together, as Packer's spot builder reads
// them (step_run_spot_instance.go). Request and maintain fleets, which keep capacity over time, are not served.
// Deleting an instant fleet terminates its instances.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { hexId } from "../../../util/ids";
import type {
  CreateFleetError,
  CreateFleetInstance,
  CreateFleetRequest,
  DeleteFleetErrorItem,
  DeleteFleetSuccessItem,
  Ec2Handlers,
  FleetLaunchTemplateConfigRequest,
  FleetLaunchTemplateOverridesRequest,
  LaunchTemplateAndOverridesResponse,
  RunInstancesRequest,
} from "../api.generated";
import { idempotent } from "../client-tokens";
import * as err from "../errors";
import { instanceTypeInfo } from "../instance-types/catalog";
import { spotPriceOf } from "../instance-types/spot-prices";
import { terminate } from "../instances/lifecycle";
import { findInstance, instances, instanceState, saveInstance } from "../instances/records";
import { launch } from "../instances/run";
import { reservationMembers } from "../instances/view";
import { resolveLaunchTemplate } from "../launch-templates/records";
import { findSubnet } from "../network/records";
import { zonesOf } from "../network/zones";
import { putTags, tagsFor } from "../tags/records";
import { unsupported } from "./errors";
import { FLEET_ID, fleets, type FleetRecord } from "./records";
import { spotRequestHandlers } from "./spot";

const MAX_INSTANT_DELETIONS = 25;

type Lifecycle = "spot" | "on-demand";

/** One pool: a launch template (as asked) with one of its overrides, where it launches and what it costs. */
interface Pool {
  config: FleetLaunchTemplateConfigRequest;
  override: FleetLaunchTemplateOverridesRequest;
  instanceType: string;
  zone: string;
  weight: number;
  priority: number;
  spotPrice: number;
  onDemand: number;
}

function fleetId(): string {
  const h = (hexId("f").slice(-16) + hexId("f").slice(-16)).slice(0, 32);
  return `fleet-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The pools of the request, each resolved against its template: type and zone from the override, else the template's. */
function poolsOf(ctx: RequestContext, input: CreateFleetRequest): Pool[] {
  const pools: Pool[] = [];
  for (const config of input.LaunchTemplateConfigs) {
    const spec = config.LaunchTemplateSpecification;
    if (!spec || (!spec.LaunchTemplateId && !spec.LaunchTemplateName)) throw err.missingParameter("LaunchTemplateSpecification");
    if (!spec.Version) throw err.missingParameter("LaunchTemplateSpecification.Version");
    const template = resolveLaunchTemplate(ctx, spec);
    for (const override of config.Overrides?.length ? config.Overrides : [{}]) {
      const instanceType = override.InstanceType ?? template.data.InstanceType;
      if (!instanceType) throw err.missingParameter("InstanceType");
      const subnet = override.SubnetId ? findSubnet(ctx, override.SubnetId) : undefined;
      const zone =
        override.AvailabilityZone ||
        subnet?.AvailabilityZone ||
        template.data.Placement?.AvailabilityZone ||
        zonesOf(ctx.region)[0].ZoneName;
      const price = spotPriceOf(ctx.region, zone, instanceType, ctx.now);
      if (override.WeightedCapacity !== undefined && !(override.WeightedCapacity > 0)) {
        throw err.invalidValue(
          `Value (${override.WeightedCapacity}) for parameter WeightedCapacity is invalid. It must be greater than 0.`,
        );
      }
      pools.push({
        config,
        override,
        instanceType,
        zone,
        weight: override.WeightedCapacity ?? 1,
        priority: override.Priority ?? Number.MAX_VALUE,
        spotPrice: price?.price ?? Number.POSITIVE_INFINITY,
        onDemand: price?.onDemand ?? (instanceTypeInfo(instanceType) ? 1 : Number.POSITIVE_INFINITY),
      });
    }
  }
  return pools;
}

function described(p: Pool): LaunchTemplateAndOverridesResponse {
  const spec = p.config.LaunchTemplateSpecification!;
  return {
    LaunchTemplateSpecification: {
      LaunchTemplateId: spec.LaunchTemplateId,
      LaunchTemplateName: spec.LaunchTemplateName,
      Version: spec.Version,
    },
    Overrides: {
      InstanceType: p.instanceType as never,
      MaxPrice: p.override.MaxPrice,
      SubnetId: p.override.SubnetId,
      AvailabilityZone: p.override.AvailabilityZone,
      WeightedCapacity: p.override.WeightedCapacity,
      Priority: p.override.Priority,
      ImageId: p.override.ImageId,
    },
  };
}

/** The RunInstances of one instance of a pool: the pool's template, its override, its market. */
function launchRequest(input: CreateFleetRequest, p: Pool, lifecycle: Lifecycle): RunInstancesRequest {
  const spec = p.config.LaunchTemplateSpecification!;
  const maxPrice = p.override.MaxPrice ?? input.SpotOptions?.MaxTotalPrice;
  return {
    MinCount: 1,
    MaxCount: 1,
    LaunchTemplate: { LaunchTemplateId: spec.LaunchTemplateId, LaunchTemplateName: spec.LaunchTemplateName, Version: spec.Version },
    InstanceType: p.instanceType as RunInstancesRequest["InstanceType"],
    ImageId: p.override.ImageId,
    SubnetId: p.override.SubnetId,
    Placement: p.override.AvailabilityZone ? { AvailabilityZone: p.override.AvailabilityZone } : undefined,
    // On-Demand capacity ignores market options a template may hold: a defined member keeps the template's out.
    InstanceMarketOptions:
      lifecycle === "spot"
        ? {
            MarketType: "spot",
            SpotOptions: {
              MaxPrice: maxPrice,
              InstanceInterruptionBehavior: input.SpotOptions?.InstanceInterruptionBehavior,
              SpotInstanceType:
                input.SpotOptions?.InstanceInterruptionBehavior && input.SpotOptions.InstanceInterruptionBehavior !== "terminate"
                  ? "persistent"
                  : undefined,
            },
          }
        : { MarketType: undefined },
    TagSpecifications: input.TagSpecifications?.filter((t) => t.ResourceType === "instance" || t.ResourceType === "volume"),
  };
}

/** The pools in the order a lifecycle's allocation strategy takes them. */
function ordered(input: CreateFleetRequest, pools: Pool[], lifecycle: Lifecycle): Pool[] {
  const byPriority = (a: Pool, b: Pool) => a.priority - b.priority;
  if (lifecycle === "spot") {
    const strategy = input.SpotOptions?.AllocationStrategy ?? "lowest-price";
    return [...pools].sort(strategy === "capacity-optimized-prioritized" ? byPriority : (a, b) => a.spotPrice - b.spotPrice);
  }
  const strategy = input.OnDemandOptions?.AllocationStrategy ?? "lowest-price";
  return [...pools].sort(strategy === "prioritized" ? byPriority : (a, b) => a.onDemand - b.onDemand);
}

function createFleet(ctx: RequestContext, input: CreateFleetRequest): FleetRecord {
  const type = input.Type ?? "maintain";
  if (type !== "instant") {
    throw unsupported(`Fleets of type '${type}' are not served: imagelite launches instant fleets only.`);
  }
  if (!input.LaunchTemplateConfigs.length) throw err.missingParameter("LaunchTemplateConfigs");
  const target = input.TargetCapacitySpecification;
  const total = target.TotalTargetCapacity;
  if (total < 1) throw err.invalidValue(`Value (${total}) for parameter TotalTargetCapacity is invalid. It must be at least 1.`);
  if (target.TargetCapacityUnitType !== undefined && target.TargetCapacityUnitType !== "units") {
    throw unsupported(`Target capacity in '${target.TargetCapacityUnitType}' needs instance requirements, which are not served.`);
  }
  const defaultType = target.DefaultTargetCapacityType ?? "on-demand";
  if (defaultType !== "spot" && defaultType !== "on-demand") throw unsupported(`The target capacity type '${defaultType}' is not served.`);
  const spotTarget = target.SpotTargetCapacity ?? (defaultType === "spot" ? total - (target.OnDemandTargetCapacity ?? 0) : 0);
  const onDemandTarget = target.OnDemandTargetCapacity ?? total - spotTarget;
  if (spotTarget < 0 || onDemandTarget < 0 || spotTarget + onDemandTarget > total) {
    throw err.invalidValue("The sum of SpotTargetCapacity and OnDemandTargetCapacity must not exceed TotalTargetCapacity.");
  }
  const fleetTags = tagsFor(input.TagSpecifications, "fleet", ["fleet", "instance", "volume"]);
  const pools = poolsOf(ctx, input);
  const Instances: CreateFleetInstance[] = [];
  const Errors: CreateFleetError[] = [];
  const instanceIds: string[] = [];
  // Capacity that neither target names goes to the default type.
  const rest = total - spotTarget - onDemandTarget;
  const spread = {
    spot: spotTarget + (defaultType === "spot" ? rest : 0),
    "on-demand": onDemandTarget + (defaultType === "on-demand" ? rest : 0),
  };
  for (const lifecycle of ["on-demand", "spot"] as const) {
    let remaining = spread[lifecycle];
    // What each pool launched: one entry of Instances per pool and lifecycle.
    const launched = new Map<Pool, CreateFleetInstance>();
    const failed = new Set<Pool>();
    for (const p of ordered(input, pools, lifecycle)) {
      while (remaining > 0 && !failed.has(p)) {
        try {
          const ids = reservationMembers(ctx, launch(ctx, launchRequest(input, p, lifecycle), undefined)).map((r) => r.InstanceId);
          instanceIds.push(...ids);
          const entry = launched.get(p);
          if (entry) entry.InstanceIds!.push(...ids);
          else {
            const made: CreateFleetInstance = {
              LaunchTemplateAndOverrides: described(p),
              Lifecycle: lifecycle,
              InstanceIds: ids,
              InstanceType: p.instanceType as never,
              Platform: findInstance(ctx, ids[0]).Platform === "windows" ? "Windows" : undefined,
            };
            launched.set(p, made);
            Instances.push(made);
          }
          remaining -= p.weight;
        } catch (e) {
          if (!(e instanceof ServiceError)) throw e;
          failed.add(p);
          Errors.push({ LaunchTemplateAndOverrides: described(p), Lifecycle: lifecycle, ErrorCode: e.code, ErrorMessage: e.message });
        }
      }
      if (remaining <= 0) break;
    }
  }
  const f: FleetRecord = {
    FleetId: fleetId(),
    Type: type,
    createdAt: ctx.now,
    TargetCapacitySpecification: target,
    instanceIds,
    Instances,
    Errors,
  };
  fleets.put(ctx, f);
  if (fleetTags.length) putTags(ctx, f.FleetId, "fleet", fleetTags, true);
  return f;
}

export const fleetHandlers: Pick<Ec2Handlers, "CreateFleet" | "DeleteFleets" | "DescribeSpotInstanceRequests"> = {
  ...spotRequestHandlers,

  CreateFleet(ctx, input) {
    const { FleetId } = idempotent(ctx, input, () => ({ FleetId: createFleet(ctx, input).FleetId }));
    const f = fleets.get(ctx, FleetId)!;
    return { FleetId, Instances: f.Instances, Errors: f.Errors };
  },

  DeleteFleets(ctx, { FleetIds, TerminateInstances }) {
    const unique = [...new Set(FleetIds)];
    if (unique.length > MAX_INSTANT_DELETIONS) {
      throw err.invalidValue(`You can delete up to ${MAX_INSTANT_DELETIONS} instant fleets in one request.`);
    }
    const ok: DeleteFleetSuccessItem[] = [];
    const failed: DeleteFleetErrorItem[] = [];
    for (const FleetId of unique) {
      if (!FLEET_ID.test(FleetId)) {
        failed.push({ FleetId, Error: { Code: "fleetIdMalformed", Message: `Invalid id: "${FleetId}" (expecting "fleet-...")` } });
        continue;
      }
      const f = fleets.get(ctx, FleetId);
      if (!f) {
        failed.push({ FleetId, Error: { Code: "fleetIdDoesNotExist", Message: `The fleet ID '${FleetId}' does not exist` } });
        continue;
      }
      if (f.deletedAt !== undefined) {
        ok.push({ FleetId, PreviousFleetState: "deleted_terminating", CurrentFleetState: "deleted_terminating" });
        continue;
      }
      if (!TerminateInstances) {
        failed.push({
          FleetId,
          Error: {
            Code: "fleetNotInDeletableState",
            Message: "An instant fleet is deleted with its instances: TerminateInstances must be true.",
          },
        });
        continue;
      }
      for (const id of f.instanceIds) {
        const r = instances.get(ctx, id);
        if (!r) continue;
        const state = instanceState(ctx, r);
        if (state === "shutting-down" || state === "terminated") continue;
        terminate(ctx, r);
        saveInstance(ctx, r);
      }
      f.deletedAt = ctx.now;
      fleets.put(ctx, f);
      ok.push({ FleetId, PreviousFleetState: "active", CurrentFleetState: "deleted_terminating" });
    }
    return { SuccessfulFleetDeletions: ok, UnsuccessfulFleetDeletions: failed };
  },
};
