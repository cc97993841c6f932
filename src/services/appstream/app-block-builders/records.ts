// How AppStream app block builders are kept: one record per builder in its owner's partition, with the app
// block it is associated with (one each way), found from the app block by the `appBlock` index.
import { collection } from "../../../state/collection";
import { schema, type RecordOf } from "../../../state/record-schema";

const appBlockBuilderSchema = schema({
  /** Members of the AppBlockBuilder shape kept as given (DisplayName, InstanceType, VpcConfig, ...). */
  attrs: "object",
  Name: "string",
  Arn: "string",
  createdAt: "time",
  schedule: "schedule",
  tags: "stringMap",
  /** The ARN of the app block it is associated with (AssociateAppBlockBuilderAppBlock). */
  appBlockArn: "string?",
});
export type AppBlockBuilderRecord = RecordOf<typeof appBlockBuilderSchema>;

export const appBlockBuilders = collection<AppBlockBuilderRecord, string, "appBlock">({
  type: "appstream.app-block-builder",
  schema: appBlockBuilderSchema,
  key: (r) => r.Name,
  indexes: { appBlock: (r) => r.appBlockArn },
});
