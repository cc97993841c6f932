// Spot Instances ("Spot Instances", using-spot-instances.html; RunInstances' InstanceMarketOptions; "Spot Instance
// request states", spot-request-status.html): a launch with the spot market makes, for each instance, a one-time
// (or persistent) Spot Instance request that is fulfilled at once, at the Spot price of the instance's type and
// zone (instance-types/spot-prices.ts). The maximum price defaults to the On-Demand rate; a maximum below the
// current Spot price is refused (SpotMaxPriceTooLow), as is a type Spot does not offer. The instance shows
// InstanceLifecycle `spot` and its request's id. A request is `active` (fulfilled) while its instance runs;
// `closed` once a one-time request's instance is terminated, `disabled` while a persistent one's is stopped.
// DescribeSpotInstanceRequests lists the caller's requests.
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers, RunInstancesRequest, SpotInstanceRequest, SpotInstanceState } from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { instances, instanceState } from "../instances/records";
import { instanceTypeInfo } from "../instance-types/catalog";
import { spotPriceOf } from "../instance-types/spot-prices";
import { zoneIdOf } from "../volumes/handlers";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { putTags, tagList, tagMap, tagsFor } from "../tags/records";
import { spotMaxPriceTooLow, unsupported } from "./errors";
import { SPOT_REQUEST_ID, spotRequests, type SpotRequestRecord } from "./records";
import { spotRequestMalformed, spotRequestNotFound } from "./errors";

const PRICE = /^[0-9]+(\.[0-9]+)?$/;

export interface SpotLaunch {
  /** Makes the Spot Instance request of one instance of the launch; its id. */
  request(instanceId: string): string;
}

/**
 * The spot market of a launch, checked before anything is made: undefined for On-Demand. `zone` is where the
 * instances go, `input` the request after its launch template's data.
 */
export function spotMarket(
  ctx: RequestContext,
  input: RunInstancesRequest,
  instanceType: string,
  zone: string,
  imageId: string,
  platform?: string,
): SpotLaunch | undefined {
  const market = input.InstanceMarketOptions;
  if (!market?.MarketType) {
    if (market?.SpotOptions) throw err.missingParameter("InstanceMarketOptions.MarketType");
    return undefined;
  }
  if (market.MarketType !== "spot") {
    throw unsupported(
      `The market type '${market.MarketType}' needs a reservation for the instance; only 'spot' can be requested at launch here.`,
    );
  }
  const o = market.SpotOptions ?? {};
  const type = o.SpotInstanceType ?? "one-time";
  const behavior = o.InstanceInterruptionBehavior ?? "terminate";
  if (o.BlockDurationMinutes !== undefined)
    throw err.invalidValue("Spot Instances with a defined duration (Spot blocks) are no longer offered.");
  if (type === "one-time" && behavior !== "terminate") {
    throw err.invalidCombination(`The instance interruption behavior '${behavior}' needs a persistent Spot request.`);
  }
  if (type === "one-time" && o.ValidUntil !== undefined) {
    throw err.invalidCombination("ValidUntil can be given only for a persistent Spot request.");
  }
  if (o.ValidUntil !== undefined && o.ValidUntil.getTime() <= ctx.now) {
    throw err.invalidValue("The ValidUntil time of a Spot request must be in the future.");
  }
  if (o.MaxPrice !== undefined && (!PRICE.test(o.MaxPrice) || Number(o.MaxPrice) <= 0)) {
    throw err.invalidValue(`Invalid value '${o.MaxPrice}' for maxPrice: a price in USD per hour greater than 0 is expected.`);
  }
  const info = instanceTypeInfo(instanceType);
  const price = info?.SupportedUsageClasses?.includes("spot") ? spotPriceOf(ctx.region, zone, instanceType, ctx.now) : undefined;
  if (!price) throw unsupported(`The instance type '${instanceType}' is not offered as a Spot Instance in ${zone}.`);
  const max = o.MaxPrice ?? price.onDemand.toFixed(6);
  if (Number(max) < price.price) throw spotMaxPriceTooLow(max, price.price.toFixed(6));
  const tags = tagsFor(input.TagSpecifications, "spot-instances-request", [
    "instance",
    "volume",
    "network-interface",
    "spot-instances-request",
    "elastic-gpu",
  ]);
  const windows = platform === "windows";
  return {
    request(instanceId) {
      const r: SpotRequestRecord = {
        SpotInstanceRequestId: `sir-${hexId("s").slice(-8)}`,
        InstanceId: instanceId,
        createdAt: ctx.now,
        SpotPrice: max,
        Type: type,
        InstanceInterruptionBehavior: behavior,
        ValidUntil: o.ValidUntil?.getTime(),
        AvailabilityZone: zone,
        InstanceType: instanceType,
        ImageId: imageId,
        KeyName: input.KeyName,
        SubnetId: input.SubnetId,
        ProductDescription: windows ? "Windows (Amazon VPC)" : "Linux/UNIX (Amazon VPC)",
      };
      spotRequests.put(ctx, r);
      if (tags.length) putTags(ctx, r.SpotInstanceRequestId, "spot-instances-request", tags, true);
      return r.SpotInstanceRequestId;
    },
  };
}

/** A request's state and status from its instance's state. */
export function stateOf(
  ctx: RequestContext,
  r: SpotRequestRecord,
): { state: SpotInstanceState; code: string; message: string; at: number } {
  const inst = instances.get(ctx, r.InstanceId);
  const istate = inst ? instanceState(ctx, inst) : "terminated";
  const since = inst ? (inst.schedule.filter((s) => s.at <= ctx.now).pop()?.at ?? r.createdAt) : r.createdAt;
  if (istate === "shutting-down" || istate === "terminated") {
    return r.Type === "persistent"
      ? { state: "cancelled", code: "instance-terminated-by-user", message: "Spot Instance terminated by user.", at: since }
      : { state: "closed", code: "instance-terminated-by-user", message: "Spot Instance terminated by user.", at: since };
  }
  if (istate === "stopping" || istate === "stopped") {
    return { state: "disabled", code: "instance-stopped-by-user", message: "Spot Instance stopped by user.", at: since };
  }
  return { state: "active", code: "fulfilled", message: "Your spot request is fulfilled.", at: r.createdAt };
}

/** A request as DescribeSpotInstanceRequests shows it (and the dashboard). */
export function requestView(ctx: RequestContext, r: SpotRequestRecord): SpotInstanceRequest {
  const s = stateOf(ctx, r);
  return {
    SpotInstanceRequestId: r.SpotInstanceRequestId,
    InstanceId: r.InstanceId,
    CreateTime: new Date(r.createdAt),
    SpotPrice: r.SpotPrice,
    Type: r.Type as SpotInstanceRequest["Type"],
    State: s.state,
    Status: { Code: s.code, Message: s.message, UpdateTime: new Date(s.at) },
    InstanceInterruptionBehavior: r.InstanceInterruptionBehavior as SpotInstanceRequest["InstanceInterruptionBehavior"],
    ValidUntil: r.ValidUntil === undefined ? undefined : new Date(r.ValidUntil),
    LaunchedAvailabilityZone: r.AvailabilityZone,
    LaunchedAvailabilityZoneId: zoneIdOf(ctx, r.AvailabilityZone),
    ProductDescription: r.ProductDescription as SpotInstanceRequest["ProductDescription"],
    LaunchSpecification: {
      ImageId: r.ImageId,
      InstanceType: r.InstanceType as never,
      KeyName: r.KeyName,
      SubnetId: r.SubnetId,
      Placement: { AvailabilityZone: r.AvailabilityZone },
    },
    Tags: tagList(ctx, r.SpotInstanceRequestId),
  };
}

export const spotRequestHandlers: Pick<Ec2Handlers, "DescribeSpotInstanceRequests"> = {
  DescribeSpotInstanceRequests(ctx, input) {
    const ids = input.SpotInstanceRequestIds ?? [];
    for (const id of ids) if (!SPOT_REQUEST_ID.test(id)) throw spotRequestMalformed(id);
    const matches = compileFilters<SpotInstanceRequest>(input.Filters, {
      fields: {
        "spot-instance-request-id": (r) => r.SpotInstanceRequestId,
        "instance-id": (r) => r.InstanceId,
        state: (r) => r.State,
        "status-code": (r) => r.Status?.Code,
        "status-message": (r) => r.Status?.Message,
        type: (r) => r.Type,
        "spot-price": (r) => r.SpotPrice,
        "product-description": (r) => r.ProductDescription,
        "launched-availability-zone": (r) => r.LaunchedAvailabilityZone,
        "launch.image-id": (r) => r.LaunchSpecification?.ImageId,
        "launch.instance-type": (r) => r.LaunchSpecification?.InstanceType,
        "launch.key-name": (r) => r.LaunchSpecification?.KeyName,
        "create-time": (r) => r.CreateTime?.toISOString(),
        "instance-interruption-behavior": (r) => r.InstanceInterruptionBehavior,
      },
      tags: (r) => tagMap(ctx, r.SpotInstanceRequestId!),
    });
    if (ids.length) {
      const unique = [...new Set(ids)];
      const found = unique.map((id) => spotRequests.get(ctx, id));
      const missing = unique.filter((_, i) => !found[i]);
      if (missing.length) throw spotRequestNotFound(missing);
      return { SpotInstanceRequests: (found as SpotRequestRecord[]).map((r) => requestView(ctx, r)).filter(matches) };
    }
    const limit = pageLimit(input.MaxResults === undefined ? undefined : Math.min(input.MaxResults, 1000), 5, 1000);
    const rows = (function* () {
      for (const e of spotRequests.entries(ctx, { after: startAfter(ctx, input.NextToken), batch: Math.min(limit + 1, 100) })) {
        yield requestView(ctx, e.value);
      }
    })();
    const { page, more } = takePage(rows, matches, limit);
    return {
      SpotInstanceRequests: page,
      NextToken: more ? nextToken(ctx, page[page.length - 1].SpotInstanceRequestId!) : undefined,
    };
  },
};
