// How AppStream images are kept: private images in their owner's partition; their shares and their uses by
// fleets and builders are index records that reads consult.
import { collection } from "../../../state/collection";
import { object, schema, typed, unchecked, type RecordOf } from "../../../state/record-schema";
import type { CreateImportedImageRequest, ImagePermissions, ImageStateChangeReason, PlatformType } from "../api.generated";
import type { StoredError } from "../failures";
import { notGone, stateChangeReason, storedErrors } from "../records";

const imageSchema = schema({
  Name: "string",
  Arn: "string",
  owner: "string",
  region: "string",
  BaseImageArn: "string?",
  DisplayName: "string?",
  Description: "string?",
  Platform: typed<PlatformType>("string"),
  SupportedInstanceFamilies: "strings?",
  AppstreamAgentVersion: "string?",
  ImageBuilderName: "string?",
  ImageType: typed<"CUSTOM" | "NATIVE">("string?"),
  createdAt: "time",
  releasedAt: "time?",
  schedule: "schedule",
  tags: "stringMap",
  StateChangeReason: typed<ImageStateChangeReason>(stateChangeReason),
  /** Shown once the image is FAILED (failure on demand). */
  ImageErrors: typed<StoredError[]>(storedErrors),
  // Imported from an AMI (imported-images/handlers.ts).
  SourceAmiId: "string?",
  SourceAmiOwner: "string?",
  IamRoleArn: "string?",
  RuntimeValidationConfig: unchecked<CreateImportedImageRequest["RuntimeValidationConfig"]>(),
  AppCatalogConfig: unchecked<CreateImportedImageRequest["AppCatalogConfig"]>(),
  /** The license-included software installed on the builder it was made from (image-builders/software.ts). */
  software: "strings?",
});
export type ImageRecord = RecordOf<typeof imageSchema>;

const permissionSchema = schema({
  account: "string",
  permissions: typed<ImagePermissions>(object({ allowFleet: "boolean?", allowImageBuilder: "boolean?" })),
});
export type PermissionRecord = RecordOf<typeof permissionSchema>;

const sharedWithMeSchema = schema({ owner: "string", name: "string" });
export type SharedWithMeRecord = RecordOf<typeof sharedWithMeSchema>;

const imageUseSchema = schema({ kind: typed<"fleet" | "builder">("string"), account: "string", resource: "string" });
export type ImageUseRecord = RecordOf<typeof imageUseSchema>;

/** Private images, in their owner's partition of their region. */
export const images = collection<ImageRecord>({
  type: "appstream.image",
  schema: imageSchema,
  key: (r) => r.Name,
  partition: (r) => ({ account: r.owner, region: r.region }),
  live: notGone,
});

/** In the owner's partition, keyed (image, shared account): what DescribeImagePermissions lists. */
export const permissions = collection<PermissionRecord, [image: string, account: string]>({
  type: "appstream.image-permission",
  schema: permissionSchema,
});

/** In the recipient's partition, keyed (image, owner): what reads of the recipient consult. */
export const sharedWithMe = collection<SharedWithMeRecord, [image: string, owner: string]>({
  type: "appstream.shared-image",
  schema: sharedWithMeSchema,
  key: (r) => [r.name, r.owner],
});

/** In the image owner's partition: the fleets and builders of any account that use an image. */
export const imageUses = collection<ImageUseRecord, [image: string, kind: string, account: string, resource: string]>({
  type: "appstream.image-use",
  schema: imageUseSchema,
});
