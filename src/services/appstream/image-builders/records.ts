// How AppStream image builders are kept: one record per builder in its owner's partition, purged once deleted,
// found by the directory its instance joins (DeleteDirectoryConfig refuses while one does).
import { collection } from "../../../state/collection";
import { endsIn } from "../../../state/lifecycle";
import { listOf, object, schema, typed, type RecordOf } from "../../../state/record-schema";
import type { ImageBuilderStateChangeReason, PlatformType } from "../api.generated";
import type { StoredError } from "../failures";
import { GONE, imageRefSchema, notGone, stateChangeReason, storedErrors } from "../records";

const builderSchema = schema({
  /** Members of the ImageBuilder shape kept as given (DisplayName, VpcConfig, DomainJoinInfo, ...). */
  attrs: "object",
  Name: "string",
  Arn: "string",
  ImageArn: "string",
  /** Where the source image lives, for the image-use index. */
  image: object(imageRefSchema),
  Platform: typed<PlatformType>("string"),
  /** Inherited by the images it creates. */
  families: "strings?",
  releasedAt: "time?",
  createdAt: "time",
  schedule: "schedule",
  tags: "stringMap",
  StateChangeReason: typed<ImageBuilderStateChangeReason>(stateChangeReason),
  ImageBuilderErrors: typed<StoredError[]>(storedErrors),
});
export type BuilderRecord = RecordOf<typeof builderSchema>;

/** A builder goes once DELETING is over: its tags are on it, its image use went with DeleteImageBuilder. */
export const builders = collection<BuilderRecord, string, "directory">({
  type: "appstream.image-builder",
  schema: builderSchema,
  key: (r) => r.Name,
  indexes: { directory: (r) => (r.attrs.DomainJoinInfo as { DirectoryName?: string } | undefined)?.DirectoryName },
  live: notGone,
  expires: { goneAt: (r) => endsIn(r.schedule, GONE) },
});

const softwareSchema = schema({
  builder: "string",
  SoftwareName: "string",
  /** STAGED_FOR_INSTALLATION, PENDING_INSTALLATION → INSTALLED, ... (software.ts); GONE once uninstalled. */
  schedule: "schedule",
  /** Shown while FAILED_TO_INSTALL or FAILED_TO_UNINSTALL. */
  DeploymentError: typed<{ ErrorCode?: string; ErrorMessage?: string }[] | undefined>(
    listOf({ ErrorCode: "string?", ErrorMessage: "string?" }, true),
  ),
});
export type SoftwareRecord = RecordOf<typeof softwareSchema>;

/** The license-included software associated with a builder, keyed (builder, software); purged once uninstalled. */
export const builderSoftware = collection<SoftwareRecord, [builder: string, software: string]>({
  type: "appstream.image-builder-software",
  schema: softwareSchema,
  key: (r) => [r.builder, r.SoftwareName],
  live: notGone,
  expires: { goneAt: (r) => endsIn(r.schedule, GONE) },
});
