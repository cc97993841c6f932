// How AppStream image builders are kept: one record per builder in its owner's partition, purged once deleted,
// found by the directory its instance joins (DeleteDirectoryConfig refuses while one does).
import { collection } from "../../../state/collection";
import { endsIn, type Schedule } from "../../../state/lifecycle";
import type { ImageBuilderStateChangeReason, PlatformType } from "../api.generated";
import type { StoredError } from "../failures";
import { GONE, notGone, type ImageRef } from "../records";

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

/** A builder goes once DELETING is over: its tags are on it, its image use went with DeleteImageBuilder. */
export const builders = collection<BuilderRecord, string, "directory">({
  type: "appstream.image-builder",
  key: (r) => r.Name,
  indexes: { directory: (r) => (r.attrs.DomainJoinInfo as { DirectoryName?: string } | undefined)?.DirectoryName },
  live: notGone,
  expires: { goneAt: (r) => endsIn(r.schedule, GONE) },
});
