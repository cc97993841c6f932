// How AppStream app blocks are kept: one record per app block in its owner's partition, keyed by name.
import { collection } from "../../../state/collection";
import { schema, typed, type RecordOf } from "../../../state/record-schema";
import type { PackagingType } from "../api.generated";

const appBlockSchema = schema({
  /** Members of the AppBlock shape kept as given (Description, DisplayName, SourceS3Location, script details). */
  attrs: "object",
  Name: "string",
  Arn: "string",
  PackagingType: typed<PackagingType>("string"),
  /** An APPSTREAM2 app block whose application package (VHD) exists: given as an S3 object, or packaged since. */
  packaged: "boolean",
  createdAt: "time",
  tags: "stringMap",
});
export type AppBlockRecord = RecordOf<typeof appBlockSchema>;

export const appBlocks = collection<AppBlockRecord>({ type: "appstream.app-block", schema: appBlockSchema, key: (r) => r.Name });
