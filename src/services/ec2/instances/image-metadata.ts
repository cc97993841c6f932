// DescribeInstanceImageMetadata (its API reference; "Find instances launched from AMIs that aren't allowed", EC2 User
// Guide, manage-settings-allowed-amis.html): each of the caller's instances with the AMI it was launched from, even
// when the AMI is deprecated, deregistered, no longer shared with the caller, or not allowed. ImageMetadata is the
// AMI as it is at the request's time; `ImageAllowed` appears while Allowed AMIs is enabled or in audit mode. An AMI
// that is gone after its deregistration keeps its id and owner, with the state `deregistered`. Dates are written as
// the CLI reference's example shows them (2023-01-25T17:20:40Z). Instances in id order; the token is the last id.
// The `owner-alias` and `owner-id` filters are the AMI's owner's (every instance listed is the caller's).
import type { RequestContext } from "../../../gateway/context";
import type { Ec2Handlers, ImageMetadata, ImageState, InstanceImageMetadata } from "../api.generated";
import { catalogImage } from "../catalog/catalog";
import { compileFilters, type FilterSpec } from "../filters";
import { allowedView, type AllowedView } from "../images/allowed";
import { storedImage } from "../images/access";
import { amiState, GONE, type AmiRecord } from "../images/records";
import { zonesOf } from "../network/zones";
import { nextToken, pageLimit, startAfter } from "../paging";
import { tagList, tagMap } from "../tags/records";
import { findInstances, instances, instanceState, stateShape, type InstanceRecord } from "./records";

/** 2023-01-25T17:20:40Z: seconds, no fraction. */
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z"));

/** The AMI an instance was launched from, wherever it is kept now (its owner's partition, or the catalog). */
const launchedFrom = (ctx: RequestContext, r: InstanceRecord): AmiRecord | undefined =>
  storedImage(ctx, r.amiOwner, r.region, r.ImageId) ?? catalogImage(ctx, r.region, r.ImageId);

function metadataOf(ctx: RequestContext, r: InstanceRecord, ami: AmiRecord | undefined, allowed: AllowedView): ImageMetadata {
  if (!ami) return { ImageId: r.ImageId, OwnerId: r.amiOwner, State: "deregistered" };
  const state = amiState(ctx, ami);
  return {
    ImageId: ami.ImageId,
    Name: ami.Name,
    OwnerId: ami.owner,
    State: (state === GONE ? "deregistered" : state) as ImageState,
    ImageOwnerAlias: ami.alias,
    CreationDate: seconds(ami.createdAt),
    DeprecationTime: seconds(ami.deprecatesAt),
    ImageAllowed: allowed.imageAllowed(ami),
    IsPublic: ami.public,
  };
}

function view(ctx: RequestContext, r: InstanceRecord, allowed: AllowedView): InstanceImageMetadata {
  const zone = r.Placement.AvailabilityZone;
  return {
    InstanceId: r.InstanceId,
    InstanceType: r.InstanceType as InstanceImageMetadata["InstanceType"],
    LaunchTime: new Date(r.launchedAt),
    AvailabilityZone: zone,
    ZoneId: zonesOf(r.region).find((z) => z.ZoneName === zone)?.ZoneId,
    State: stateShape(instanceState(ctx, r)),
    OwnerId: r.owner,
    Tags: tagList(ctx, r.InstanceId),
    ImageMetadata: metadataOf(ctx, r, launchedFrom(ctx, r), allowed),
    Operator: { Managed: false },
  };
}

function filterSpec(ctx: RequestContext, allowed: AllowedView): FilterSpec<InstanceRecord> {
  const ami = (r: InstanceRecord) => launchedFrom(ctx, r);
  return {
    fields: {
      "availability-zone": (r) => r.Placement.AvailabilityZone,
      "instance-id": (r) => r.InstanceId,
      "image-allowed": (r) => {
        const a = ami(r);
        return a && allowed.imageAllowed(a);
      },
      "instance-state-name": (r) => instanceState(ctx, r),
      "instance-type": (r) => r.InstanceType,
      "launch-time": (r) => new Date(r.launchedAt).toISOString(),
      "owner-alias": (r) => ami(r)?.alias,
      "owner-id": (r) => ami(r)?.owner ?? r.amiOwner,
      "zone-id": (r) => zonesOf(r.region).find((z) => z.ZoneName === r.Placement.AvailabilityZone)?.ZoneId,
    },
    tags: (r) => tagMap(ctx, r.InstanceId),
  };
}

export const instanceImageMetadataHandlers: Pick<Ec2Handlers, "DescribeInstanceImageMetadata"> = {
  DescribeInstanceImageMetadata(ctx, input) {
    const allowed = allowedView(ctx);
    const matches = compileFilters(input.Filters, filterSpec(ctx, allowed));
    // "Default: 1000".
    const limit = pageLimit(input.MaxResults ?? 1000, 1, 1000);
    const ids = input.InstanceIds ?? [];
    if (ids.length) {
      const found = findInstances(ctx, [...new Set(ids)]).filter(matches);
      return { InstanceImageMetadata: found.map((r) => view(ctx, r, allowed)) };
    }
    const page = instances.page(ctx, { after: startAfter(ctx, input.NextToken), limit, filter: matches });
    return {
      InstanceImageMetadata: page.items.map((e) => view(ctx, e.value, allowed)),
      NextToken: page.next ? nextToken(ctx, page.next) : undefined,
    };
  },
};
