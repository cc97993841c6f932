// How AppStream images are kept: private images in their owner's partition; their shares and their uses by
// fleets and builders are index records that reads consult.
import { collection } from "../../../state/collection";
import type { Schedule } from "../../../state/lifecycle";
import type { ImagePermissions, ImageStateChangeReason, PlatformType } from "../api.generated";
import type { StoredError } from "../failures";
import { notGone } from "../records";

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
