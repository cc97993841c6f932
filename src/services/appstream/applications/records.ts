// How AppStream applications are kept: one record per application in its owner's partition, found by the app
// block it runs from; an application's association with an Elastic fleet is a record keyed (fleet,
// application), found from the application by the `application` index.
import { collection, type Scope } from "../../../state/collection";
import { schema, typed, type RecordOf } from "../../../state/record-schema";
import type { PlatformType } from "../api.generated";

const applicationSchema = schema({
  /** Members of the Application shape kept as given (DisplayName, Description, LaunchPath, IconS3Location, ...). */
  attrs: "object",
  Name: "string",
  Arn: "string",
  AppBlockArn: "string",
  Platforms: typed<PlatformType[]>("strings"),
  InstanceFamilies: "strings",
  createdAt: "time",
  tags: "stringMap",
});
export type ApplicationRecord = RecordOf<typeof applicationSchema>;

export const applications = collection<ApplicationRecord, string, "appBlock">({
  type: "appstream.application",
  schema: applicationSchema,
  key: (r) => r.Name,
  indexes: { appBlock: (r) => r.AppBlockArn },
});

const applicationFleetSchema = schema({ fleet: "string", application: "string", ApplicationArn: "string" });
export type ApplicationFleetRecord = RecordOf<typeof applicationFleetSchema>;

/** Keyed (fleet, application name): the applications users of an Elastic fleet can launch. */
export const applicationFleets = collection<ApplicationFleetRecord, [fleet: string, application: string], "application">({
  type: "appstream.application-fleet",
  schema: applicationFleetSchema,
  key: (r) => [r.fleet, r.application],
  indexes: { application: (r) => r.application },
});

/** The names of the applications associated with a fleet of the caller's partition. */
export function applicationsOfFleet(s: Scope, fleet: string): string[] {
  return [...applicationFleets.scan(s, { within: [fleet] })].map((r) => r.application);
}

/** A deleted fleet's application associations go with it (DeleteFleet). */
export function forgetFleetApplications(s: Scope, fleet: string): void {
  for (const name of applicationsOfFleet(s, fleet)) applicationFleets.delete(s, [fleet, name]);
}
