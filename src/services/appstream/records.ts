// How AppStream resources are kept in the store: one collection per kind of record. Each resource is a plain
// document in its owner's partition; sharing and image use are index records that reads consult.
import type { RequestContext } from "../../gateway/context";
import type { Partition } from "../../state/store";
import { collection } from "../../state/collection";
import { endsIn, stateAt, type Schedule } from "../../state/lifecycle";
import type { ImageBuilderStateChangeReason, ImagePermissions, ImageStateChangeReason, PlatformType } from "./api.generated";
import type { StoredError } from "./failures";

/** A state after which a resource no longer exists (its deletion finished). */
export const GONE = "GONE";

const notGone = (r: { schedule: Schedule }, now: number) => stateAt(r.schedule, now) !== GONE;

export interface ImageRecord {
  Name: string;
  Arn: string;
  owner: string;
  region: string;
  BaseImageArn?: string;
  DisplayName?: string;
  Description?: string;
  Platform: PlatformType;
  SupportedInstanceFamilies?: string[];
  AppstreamAgentVersion?: string;
  ImageBuilderName?: string;
  ImageType?: "CUSTOM" | "NATIVE";
  createdAt: number;
  releasedAt?: number;
  schedule: Schedule;
  tags: Record<string, string>;
  StateChangeReason?: ImageStateChangeReason;
  /** Shown once the image is FAILED (failure on demand). */
  ImageErrors?: StoredError[];
}

export interface BuilderRecord {
  /** Members of the ImageBuilder shape kept as given (DisplayName, VpcConfig, DomainJoinInfo, ...). */
  attrs: Record<string, unknown>;
  Name: string;
  Arn: string;
  ImageArn: string;
  /** Where the source image lives, for the image-use index. */
  image: ImageRef;
  Platform: PlatformType;
  /** Inherited by the images it creates. */
  families?: string[];
  releasedAt?: number;
  createdAt: number;
  schedule: Schedule;
  tags: Record<string, string>;
  StateChangeReason?: ImageBuilderStateChangeReason;
  ImageBuilderErrors?: StoredError[];
}

export interface FleetRecord {
  /** Members of the Fleet shape kept as given. */
  attrs: Record<string, unknown>;
  Name: string;
  Arn: string;
  image?: ImageRef;
  desired: { instances?: number; sessions?: number };
  createdAt: number;
  schedule: Schedule;
  tags: Record<string, string>;
}

export interface PermissionRecord {
  account: string;
  permissions: ImagePermissions;
}
export interface SharedWithMeRecord {
  owner: string;
  name: string;
}
export interface ImageUseRecord {
  kind: "fleet" | "builder";
  account: string;
  resource: string;
}

/** Private images, in their owner's partition of their region. */
export const images = collection<ImageRecord>({
  type: "appstream.image",
  key: (r) => r.Name,
  partition: (r) => ({ account: r.owner, region: r.region }),
  live: notGone,
});

/** A builder goes once DELETING is over: its tags are on it, its image use went with DeleteImageBuilder. */
export const builders = collection<BuilderRecord>({
  type: "appstream.image-builder",
  key: (r) => r.Name,
  live: notGone,
  expires: { goneAt: (r) => endsIn(r.schedule, GONE) },
});

export const fleets = collection<FleetRecord>({ type: "appstream.fleet", key: (r) => r.Name });

/** In the owner's partition, keyed (image, shared account): what DescribeImagePermissions lists. */
export const permissions = collection<PermissionRecord, [image: string, account: string]>({ type: "appstream.image-permission" });

/** In the recipient's partition, keyed (image, owner): what reads of the recipient consult. */
export const sharedWithMe = collection<SharedWithMeRecord, [image: string, owner: string]>({
  type: "appstream.shared-image",
  key: (r) => [r.name, r.owner],
});

/** In the image owner's partition: the fleets and builders of any account that use an image. */
export const imageUses = collection<ImageUseRecord, [image: string, kind: string, account: string, resource: string]>({
  type: "appstream.image-use",
});

/** An image as a fleet or builder names it: public (owner ""), own or shared. */
export interface ImageRef {
  owner: string;
  name: string;
  arn: string;
}

export const stateOf = (r: { schedule: Schedule }, ctx: RequestContext): string => stateAt(r.schedule, ctx.now);

export const ownerPartition = (ctx: RequestContext, owner: string): Partition => ({ account: owner, region: ctx.region });

/** Keeps the members of `input` that the output shape also has (the attributes a resource returns as given). */
export function pick(input: object, members: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of members) {
    const v = (input as Record<string, unknown>)[m];
    if (v !== undefined) out[m] = v;
  }
  return out;
}
