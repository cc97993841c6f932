// How AppStream image builders are kept: one record per builder in its owner's partition, purged once deleted,
// found by the directory its instance joins (DeleteDirectoryConfig refuses while one does).
import { collection } from "../../../state/collection";
import { endsIn } from "../../../state/lifecycle";
import { object, schema, typed, type RecordOf } from "../../../state/record-schema";
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
