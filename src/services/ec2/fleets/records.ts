// How EC2 Fleets and Spot Instance requests are kept. A fleet (CreateFleet) is a record in its owner's partition
// with what its one launch made (an instant fleet launches once: "EC2 Fleet request types", ec2-fleet-request-type.html);
// deleted, it stays listed for two days. A Spot Instance request is made for each Spot Instance (RunInstances with
// InstanceMarketOptions, or a fleet's Spot capacity) and is indexed by its instance; its state follows the
// instance's ("Spot Instance request states", spot-request-status.html).
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { schema, unchecked, type RecordOf } from "../../../state/record-schema";
import type { CreateFleetError, CreateFleetInstance, FleetStateCode, TargetCapacitySpecificationRequest } from "../api.generated";
import { instances, instanceState } from "../instances/records";
import { taggable } from "../resource-types";
import { dropTags, tagList } from "../tags/records";
import { fleetMalformed, fleetNotFound, spotRequestMalformed, spotRequestNotFound } from "./errors";

const KEPT_AFTER_DELETION_MS = 48 * 3600 * 1000;

const fleetSchema = schema({
  FleetId: "string",
  Type: "string",
  createdAt: "time",
  deletedAt: unchecked<number | undefined>(),
  TargetCapacitySpecification: unchecked<TargetCapacitySpecificationRequest>(),
  instanceIds: unchecked<string[]>(),
  /** What CreateFleet answered: a retry with the same client token answers it again. */
  Instances: unchecked<CreateFleetInstance[]>(),
  Errors: unchecked<CreateFleetError[]>(),
});
export type FleetRecord = RecordOf<typeof fleetSchema>;

export const FLEET_ID = /^fleet-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const fleets = collection<FleetRecord>({
  type: "ec2.fleet",
  schema: fleetSchema,
  key: (f) => f.FleetId,
  live: (f, now) => f.deletedAt === undefined || now < f.deletedAt + KEPT_AFTER_DELETION_MS,
  expires: {
    goneAt: (f) => (f.deletedAt === undefined ? undefined : f.deletedAt + KEPT_AFTER_DELETION_MS),
    purge(scope, id) {
      fleets.delete(scope, id);
      dropTags(scope, id);
    },
  },
  taggable: taggable("fleet", (ctx, id) => findFleet(ctx, id)),
});

export function findFleet(ctx: RequestContext, id: string): FleetRecord {
  if (!FLEET_ID.test(id)) throw fleetMalformed(id);
  const f = fleets.get(ctx, id);
  if (!f) throw fleetNotFound(id);
  return f;
}

/**
 * A fleet's state: `active`; once deleted, `deleted_terminating` while one of its instances is not yet
 * terminated, then `deleted` (FleetStateCode, DescribeFleets' API reference).
 */
export function fleetState(ctx: RequestContext, f: FleetRecord): FleetStateCode {
  if (f.deletedAt === undefined) return "active";
  const running = f.instanceIds.some((id) => {
    const r = instances.get(ctx, id);
    return r !== undefined && instanceState(ctx, r) !== "terminated";
  });
  return running ? "deleted_terminating" : "deleted";
}

/** A fleet as DescribeFleets' FleetData shows it: its request, what its launch made and what failed, its tags. */
export function fleetView(ctx: RequestContext, f: FleetRecord) {
  return {
    FleetId: f.FleetId,
    FleetState: fleetState(ctx, f),
    Type: f.Type,
    CreateTime: new Date(f.createdAt),
    TargetCapacitySpecification: f.TargetCapacitySpecification,
    Instances: f.Instances,
    Errors: f.Errors,
    Tags: tagList(ctx, f.FleetId),
  };
}

const spotRequestSchema = schema({
  SpotInstanceRequestId: "string",
  InstanceId: "string",
  createdAt: "time",
  /** The maximum price, USD per hour, as given or the On-Demand rate. */
  SpotPrice: "string",
  Type: "string",
  InstanceInterruptionBehavior: "string",
  ValidUntil: unchecked<number | undefined>(),
  AvailabilityZone: "string",
  InstanceType: "string",
  ImageId: "string",
  KeyName: unchecked<string | undefined>(),
  SubnetId: unchecked<string | undefined>(),
  ProductDescription: "string",
});
export type SpotRequestRecord = RecordOf<typeof spotRequestSchema>;

/** `sir-` and 8 lowercase letters or digits, as EC2 names Spot Instance requests. */
export const SPOT_REQUEST_ID = /^sir-[0-9a-z]{8}$/;

export const spotRequests = collection<SpotRequestRecord, string, "instance">({
  type: "ec2.spot-instance-request",
  schema: spotRequestSchema,
  key: (r) => r.SpotInstanceRequestId,
  indexes: { instance: (r) => r.InstanceId },
  taggable: taggable("spot-instances-request", (ctx, id) => findSpotRequest(ctx, id)),
});

export function findSpotRequest(ctx: RequestContext, id: string): SpotRequestRecord {
  if (!SPOT_REQUEST_ID.test(id)) throw spotRequestMalformed(id);
  const r = spotRequests.get(ctx, id);
  if (!r) throw spotRequestNotFound([id]);
  return r;
}
