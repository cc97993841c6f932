// How image export tasks are kept (CreateExportImageTask): one record per task in the caller's partition, keyed
// by its id. The task's schedule and the AMI's are one: EXPORTING while the AMI is pending, COMPLETED once it is
// available (or FAILED, with no AMI, when a fault rule says so).
import { collection } from "../../../state/collection";
import { listOf, schema, typed, type RecordOf } from "../../../state/record-schema";
import type { ErrorDetails } from "../api.generated";

const exportTaskSchema = schema({
  TaskId: "string",
  ImageArn: "string",
  ImageName: "string",
  AmiName: "string",
  AmiDescription: "string?",
  AmiId: "string?",
  IamRoleArn: "string",
  tags: "stringMap",
  createdAt: "time",
  schedule: "schedule",
  ErrorDetails: typed<ErrorDetails[] | undefined>(listOf({ ErrorCode: "string?", ErrorMessage: "string?" }, true)),
});
export type ExportTaskRecord = RecordOf<typeof exportTaskSchema>;

export const exportTasks = collection<ExportTaskRecord>({
  type: "appstream.export-image-task",
  schema: exportTaskSchema,
  key: (r) => r.TaskId,
});
