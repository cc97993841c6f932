// Fleets: created STOPPED; start → STARTING → RUNNING; stop → STOPPING → STOPPED. UpdateFleet follows the
// API reference (UpdateFleet): stopped, anything but the name; running, a short list per fleet type;
// starting or stopping, nothing. What a fleet may be is checked in fleets/rules.ts. A started fleet's
// instances come up one at a time toward the desired count (phase `fleetScale` each), and move again, up or
// down, when UpdateFleet changes the capacity of a running fleet. A start whose instances cannot be placed in
// the fleet's VpcConfig (fleets/network.ts) goes STARTING → STOPPED with FleetErrors instead.
import type { RequestContext } from "../../../gateway/context";
import { plan, stateAt } from "../../../state/lifecycle";
import { arn } from "../../../util/arn";
import type {
  AppStreamHandlers,
  ComputeCapacity,
  Fleet,
  FleetAttribute,
  PlatformType,
  UpdateFleetRequest,
  VpcConfig,
} from "../api.generated";
import * as err from "../errors";
import { endFleetSessions, openSessions } from "../streaming/sessions";
import { resolveImage, setImageUse } from "../images/handlers";
import { fleets, runningAt, type FleetRecord } from "./records";
import { checkFleetPlan, checkFleetValues, type FleetPlan } from "./rules";
import { checkElasticZones, networkErrors } from "./network";
import { deleteAttribute, pick } from "../records";
import { collectionPage } from "../paging";
import { stacksOfFleet } from "../stacks/records";
import { forgetFleetApplications } from "../applications/records";
import { checkRoleArn } from "../roles";
import { checkQuota } from "../quotas";

/** Members of CreateFleet/UpdateFleet that the fleet keeps and returns as given. */
const KEPT = [
  "Description",
  "DisplayName",
  "InstanceType",
  "FleetType",
  "MaxUserDurationInSeconds",
  "DisconnectTimeoutInSeconds",
  "VpcConfig",
  "EnableDefaultInternetAccess",
  "DomainJoinInfo",
  "IdleDisconnectTimeoutInSeconds",
  "IamRoleArn",
  "StreamView",
  "Platform",
  "MaxConcurrentSessions",
  "UsbDeviceFilterStrings",
  "SessionScriptS3Location",
  "MaxSessionsPerInstance",
  "RootVolumeConfig",
  "DisableIMDSV1",
] as const;

/** What a running fleet may change, per type (UpdateFleet, AppStream API reference). */
const RUNNING_INSTANCE_FLEET = new Set([
  "DisplayName",
  "ComputeCapacity",
  "ImageArn",
  "ImageName",
  "IdleDisconnectTimeoutInSeconds",
  "DisconnectTimeoutInSeconds",
]);
const RUNNING_UPDATABLE: Record<string, ReadonlySet<string>> = {
  ALWAYS_ON: RUNNING_INSTANCE_FLEET,
  ON_DEMAND: RUNNING_INSTANCE_FLEET,
  ELASTIC: new Set([
    "DisplayName",
    "IdleDisconnectTimeoutInSeconds",
    "DisconnectTimeoutInSeconds",
    "MaxConcurrentSessions",
    "SessionScriptS3Location",
    "UsbDeviceFilterStrings",
  ]),
};

/** AttributesToDelete → the member it removes ([member] or [member, sub-member]). */
const DELETABLE: Record<FleetAttribute, string[]> = {
  VPC_CONFIGURATION: ["VpcConfig"],
  VPC_CONFIGURATION_SECURITY_GROUP_IDS: ["VpcConfig", "SecurityGroupIds"],
  DOMAIN_JOIN_INFO: ["DomainJoinInfo"],
  IAM_ROLE_ARN: ["IamRoleArn"],
  USB_DEVICE_FILTER_STRINGS: ["UsbDeviceFilterStrings"],
  SESSION_SCRIPT_S3_LOCATION: ["SessionScriptS3Location"],
  MAX_SESSIONS_PER_INSTANCE: ["MaxSessionsPerInstance"],
  VOLUME_CONFIGURATION: ["RootVolumeConfig"],
};

const DEFAULTS = {
  FleetType: "ON_DEMAND",
  MaxUserDurationInSeconds: 57600,
  DisconnectTimeoutInSeconds: 900,
  IdleDisconnectTimeoutInSeconds: 0,
  StreamView: "APP",
  EnableDefaultInternetAccess: false,
};

const fleetArn = (ctx: RequestContext, name: string) => arn("appstream", ctx.region, ctx.accountId, `fleet/${name}`);

export const getFleet = (ctx: RequestContext, name: string) => fleets.get(ctx, name);

function mustGet(ctx: RequestContext, name: string): FleetRecord {
  const rec = getFleet(ctx, name);
  if (!rec) throw err.notFound(`Fleet ${name} does not exist.`);
  return rec;
}

const save = (ctx: RequestContext, rec: FleetRecord) => fleets.put(ctx, rec);

/** The instances a fleet wants: DesiredInstances, or for a multi-session fleet enough for its DesiredSessions. */
function desiredInstances(rec: FleetRecord): number {
  const { instances, sessions } = rec.desired;
  if (sessions === undefined) return instances ?? 0;
  const perInstance = Number(rec.attrs.MaxSessionsPerInstance ?? 1) || 1;
  return Math.ceil(sessions / perInstance);
}

/** The instances running now: along the ramp while the fleet is STARTING or RUNNING, none otherwise. */
function runningNow(ctx: RequestContext, rec: FleetRecord, state = stateAt(rec.schedule, ctx.now)): number {
  return state === "STARTING" || state === "RUNNING" ? runningAt(rec.ramp, desiredInstances(rec), ctx.now) : 0;
}

const newRamp = (ctx: RequestContext, from: number) => ({ from, at: ctx.now, stepMs: ctx.timings.seconds("fleetScale") * 1000 });

export function fleetView(ctx: RequestContext, rec: FleetRecord): Fleet {
  const State = stateAt(rec.schedule, ctx.now) as Fleet["State"];
  const running = runningNow(ctx, rec, State);
  const sessions = rec.desired.sessions;
  const slots = running * (Number(rec.attrs.MaxSessionsPerInstance ?? 1) || 1);
  const open = running ? openSessions(ctx, rec.Name) : [];
  const inUse = Math.min(running, new Set(open.map((x) => x.InstanceId)).size);
  return {
    ...rec.attrs,
    Arn: rec.Arn,
    Name: rec.Name,
    InstanceType: rec.attrs.InstanceType as string,
    ImageName: rec.image?.name,
    ImageArn: rec.image?.arn,
    State,
    CreatedTime: new Date(rec.createdAt),
    ComputeCapacityStatus:
      rec.attrs.FleetType === "ELASTIC"
        ? { Desired: 0 }
        : {
            Desired: desiredInstances(rec),
            Running: running,
            // An instance hosting a session is in use (streaming/sessions.ts).
            InUse: inUse,
            Available: running - inUse,
            ...(sessions !== undefined
              ? {
                  DesiredUserSessions: sessions,
                  ActualUserSessions: slots,
                  AvailableUserSessions: Math.max(0, slots - open.length),
                  ActiveUserSessions: open.length,
                }
              : {}),
          },
    // A start that failed leaves the fleet STOPPED with the reasons, until the next start (fleets/network.ts).
    FleetErrors: State === "STOPPED" ? (rec.startErrors ?? []) : [],
  };
}

function capacity(c: ComputeCapacity | undefined, fleetType: string, required: boolean): FleetRecord["desired"] | undefined {
  if (!c) {
    if (required && fleetType !== "ELASTIC") throw err.invalidCombination(`ComputeCapacity is required for ${fleetType} fleets.`);
    return undefined;
  }
  if (fleetType === "ELASTIC") throw err.invalidCombination("ComputeCapacity is not allowed for ELASTIC fleets.");
  if ((c.DesiredInstances === undefined) === (c.DesiredSessions === undefined)) {
    throw err.invalidCombination("Specify either DesiredInstances or DesiredSessions in ComputeCapacity, but not both.");
  }
  return { instances: c.DesiredInstances, sessions: c.DesiredSessions };
}

function plannedFleet(
  Name: string,
  attrs: Record<string, unknown>,
  desired: FleetRecord["desired"],
  families: readonly string[] | undefined | null,
  imagePlatform?: PlatformType,
): FleetPlan {
  return {
    ...(attrs as Partial<FleetPlan>),
    Name,
    FleetType: String(attrs.FleetType),
    InstanceType: String(attrs.InstanceType),
    desired,
    families,
    imagePlatform,
  };
}

/** The instance families and platform of the image a fleet runs now; families null when the image can no longer be resolved. */
function resolvedImage(ctx: RequestContext, rec: FleetRecord): { families: readonly string[] | undefined | null; platform?: PlatformType } {
  try {
    const image = resolveImage(ctx, { ImageArn: rec.image!.arn }, "fleet");
    return { families: image.families, platform: image.platform };
  } catch {
    // The image was deleted or unshared since: the fleet keeps what it has, and its type is not checked against it.
    return { families: null };
  }
}

function checkUpdateAllowed(rec: FleetRecord, state: string, input: UpdateFleetRequest): void {
  if (state === "STOPPED") return;
  if (state !== "RUNNING") {
    throw err.inUse(`Cannot update fleet ${rec.Name} when it is ${state}. Wait until it is RUNNING or STOPPED and try again.`);
  }
  const allowed = RUNNING_UPDATABLE[String(rec.attrs.FleetType)] ?? RUNNING_UPDATABLE.ON_DEMAND;
  const changed = Object.keys(input).filter(
    (k) =>
      k !== "Name" &&
      (input as Record<string, unknown>)[k] !== undefined &&
      !(k === "AttributesToDelete" && !input.AttributesToDelete?.length) &&
      !(k === "DeleteVpcConfig" && !input.DeleteVpcConfig),
  );
  const deletions = (input.AttributesToDelete ?? []).map((a) => DELETABLE[a][0]);
  const refused = [
    ...changed.filter((k) => k !== "AttributesToDelete" && k !== "DeleteVpcConfig"),
    ...deletions,
    ...(input.DeleteVpcConfig ? ["VpcConfig"] : []),
  ].find((k) => !allowed.has(k));
  if (refused) {
    throw err.inUse(
      `Cannot update the attribute ${refused} for fleet ${rec.Name} when it is RUNNING. The fleet must be stopped to complete this action.`,
    );
  }
}

export const fleetHandlers: Pick<
  AppStreamHandlers,
  "CreateFleet" | "DescribeFleets" | "UpdateFleet" | "DeleteFleet" | "StartFleet" | "StopFleet"
> = {
  CreateFleet(ctx, input) {
    if (getFleet(ctx, input.Name)) throw err.alreadyExists(`Fleet ${input.Name} already exists.`);
    checkFleetValues(input);
    const attrs: Record<string, unknown> = { ...DEFAULTS, ...pick(input, KEPT) };
    const fleetType = String(attrs.FleetType);
    const desired = capacity(input.ComputeCapacity, fleetType, true) ?? {};
    let image;
    if (fleetType === "ELASTIC") {
      if (input.ImageName || input.ImageArn)
        throw err.invalidCombination("ELASTIC fleets do not use an image: omit ImageName and ImageArn.");
    } else {
      image = resolveImage(ctx, input, "fleet");
      attrs.Platform = input.Platform ?? image.platform;
    }
    checkRoleArn(ctx, input.IamRoleArn);
    checkFleetPlan(ctx, plannedFleet(input.Name, attrs, desired, image?.families, image?.platform));
    checkQuota(ctx, "L-3FEADC0C");
    if (fleetType === "ELASTIC") checkElasticZones(ctx, attrs.VpcConfig as VpcConfig | undefined);
    const rec: FleetRecord = {
      attrs,
      Name: input.Name,
      Arn: fleetArn(ctx, input.Name),
      image: image?.ref,
      desired,
      createdAt: ctx.now,
      schedule: plan(ctx.now, ["STOPPED"]),
      tags: { ...(input.Tags ?? {}) },
    };
    save(ctx, rec);
    setImageUse(ctx, rec.image, "fleet", rec.Name, true);
    return { Fleet: fleetView(ctx, rec) };
  },

  DescribeFleets(ctx, input) {
    if (input.Names?.length) return { Fleets: input.Names.map((n) => fleetView(ctx, mustGet(ctx, n))) };
    const page = collectionPage(fleets, ctx, { limit: 50 }, "DescribeFleets", input.NextToken);
    return { Fleets: page.items.map((f) => fleetView(ctx, f)), NextToken: page.nextToken };
  },

  UpdateFleet(ctx, input) {
    if (!input.Name) throw err.invalidCombination("The fleet name is required.");
    const rec = mustGet(ctx, input.Name);
    const state = stateAt(rec.schedule, ctx.now);
    checkUpdateAllowed(rec, state, input);
    checkFleetValues(input);
    const fleetType = String(rec.attrs.FleetType);
    const desired = capacity(input.ComputeCapacity, fleetType, false);
    const image = input.ImageName || input.ImageArn ? resolveImage(ctx, input, "fleet") : undefined;
    // The fleet as the call would leave it, checked before anything changes.
    const attrs = structuredClone(rec.attrs);
    Object.assign(
      attrs,
      pick(
        input,
        KEPT.filter((k) => k !== "FleetType"),
      ),
    );
    for (const a of input.AttributesToDelete ?? []) deleteAttribute(attrs, DELETABLE[a]);
    if (input.DeleteVpcConfig) delete attrs.VpcConfig;
    checkRoleArn(ctx, input.IamRoleArn);
    const current = !image && rec.image ? resolvedImage(ctx, rec) : undefined;
    const families = image ? image.families : current?.families;
    const imagePlatform = image ? image.platform : current?.platform;
    checkFleetPlan(ctx, plannedFleet(rec.Name, attrs, desired ?? rec.desired, families, imagePlatform));
    if (fleetType === "ELASTIC") checkElasticZones(ctx, attrs.VpcConfig as VpcConfig | undefined);

    if (image) {
      setImageUse(ctx, rec.image, "fleet", rec.Name, false);
      rec.image = image.ref;
      setImageUse(ctx, rec.image, "fleet", rec.Name, true);
    }
    const runningBefore = runningNow(ctx, rec, state);
    rec.attrs = attrs;
    if (desired) {
      rec.desired = desired;
      // A running fleet moves from the instances it has toward the new count.
      if (state === "RUNNING") rec.ramp = newRamp(ctx, runningBefore);
    }
    save(ctx, rec);
    return { Fleet: fleetView(ctx, rec) };
  },

  DeleteFleet(ctx, { Name }) {
    const rec = mustGet(ctx, Name);
    const state = stateAt(rec.schedule, ctx.now);
    if (state !== "STOPPED")
      throw err.inUse(`Cannot delete fleet ${Name} when it is ${state}. The fleet must be stopped to complete this action.`);
    // The service's wording (quoted in terraform-provider-aws issue #22625).
    if (stacksOfFleet(ctx, Name).length)
      throw err.inUse(`The fleet ${Name} is associated with a stack. To delete the fleet, you must dissociate it from the stack.`);
    fleets.delete(ctx, Name);
    // An Elastic fleet's application associations go with it.
    forgetFleetApplications(ctx, Name);
    setImageUse(ctx, rec.image, "fleet", Name, false);
    return {};
  },

  StartFleet(ctx, { Name }) {
    const rec = mustGet(ctx, Name);
    const state = stateAt(rec.schedule, ctx.now);
    if (state === "RUNNING") return {};
    if (state !== "STOPPED") throw err.concurrentModification(`Fleet ${Name} is ${state}. Wait until it is STOPPED and try again.`);
    // Instances are launched in the fleet's subnets: when they cannot be, the start fails and the fleet is STOPPED
    // again, with the reasons in FleetErrors (no instance ever runs).
    const errors = networkErrors(ctx, rec.attrs.VpcConfig as VpcConfig | undefined);
    rec.schedule = plan(ctx.now, ["STARTING", ctx.timings.seconds("fleetStart")], [errors.length ? "STOPPED" : "RUNNING"]);
    rec.ramp = errors.length ? undefined : newRamp(ctx, 0);
    rec.startErrors = errors.length ? errors : undefined;
    save(ctx, rec);
    return {};
  },

  StopFleet(ctx, { Name }) {
    const rec = mustGet(ctx, Name);
    const state = stateAt(rec.schedule, ctx.now);
    if (state === "STOPPED") return {};
    if (state !== "RUNNING") throw err.concurrentModification(`Fleet ${Name} is ${state}. Wait until it is RUNNING and try again.`);
    rec.schedule = plan(ctx.now, ["STOPPING", ctx.timings.seconds("fleetStop")], ["STOPPED"]);
    save(ctx, rec);
    // Its instances stop, and the sessions they host end.
    endFleetSessions(ctx, Name);
    return {};
  },
};
