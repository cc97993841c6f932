// The account's AppStream quotas per Region, with the defaults of "Amazon AppStream 2.0 Service Quotas"
// (limits.html in the administration guide): 10 stacks, 10 fleets, 10 image builders, 10 images, 50 users
// in the user pool and 10 app block builders. A create beyond one is LimitExceededException, as every create operation concerned lists.
// The Service Quotas codes are those the page links for stacks and fleets; the others have names of their own.
//
// A value set through the admin route (`/_imagelite/quotas?service=appstream`, docs/control.md) is a record:
// for one account and Region in its partition, for every account in imagelite's own (global) partition; the
// account's value wins over the global one, which wins over the default, as for EC2's quotas.
import { collection, inPartition, type Scope } from "../../state/collection";
import { schema, type RecordOf } from "../../state/record-schema";
import type { Partition } from "../../state/store";
import * as err from "./errors";
import { stacks } from "./stacks/records";
import { fleets } from "./fleets/records";
import { builders } from "./image-builders/records";
import { images } from "./images/records";
import { users } from "./users/records";
import { appBlockBuilders } from "./app-block-builders/records";

export interface AppStreamQuota {
  code: string;
  name: string;
  defaultValue: number;
  /** What the account uses in the Region. */
  used(s: Scope): number;
}

const count = (records: Iterable<unknown>): number => {
  let n = 0;
  for (const _ of records) n++;
  return n;
};

export const APPSTREAM_QUOTAS: readonly AppStreamQuota[] = [
  { code: "L-A8B8B901", name: "Stacks", defaultValue: 10, used: (s) => count(stacks.scan(s)) },
  { code: "L-3FEADC0C", name: "Fleets", defaultValue: 10, used: (s) => count(fleets.scan(s)) },
  { code: "image-builders", name: "Image builders (total)", defaultValue: 10, used: (s) => count(builders.scan(s)) },
  { code: "images", name: "Images", defaultValue: 10, used: (s) => count(images.scan(s)) },
  { code: "users", name: "Users in the user pool", defaultValue: 50, used: (s) => count(users.scan(s)) },
  { code: "app-block-builders", name: "App block builders (total)", defaultValue: 10, used: (s) => count(appBlockBuilders.scan(s)) },
];

export type AppStreamQuotaCode = "L-A8B8B901" | "L-3FEADC0C" | "image-builders" | "images" | "users" | "app-block-builders";

export const appstreamQuotaSpec = (code: string): AppStreamQuota | undefined => APPSTREAM_QUOTAS.find((q) => q.code === code);

/** Where values for every account are kept. */
export const GLOBAL_APPSTREAM_QUOTAS: Partition = { account: "imagelite", region: "global" };

const quotaSchema = schema({ code: "string", value: "count" });
export type AppStreamQuotaRecord = RecordOf<typeof quotaSchema>;

/** Values set through the admin route, keyed by quota code, in the account's partition or GLOBAL_APPSTREAM_QUOTAS. */
export const appstreamQuotaValues = collection<AppStreamQuotaRecord>({
  type: "appstream.quota",
  schema: quotaSchema,
  key: (r) => r.code,
  rules: { global: true },
});

/** The quota's value for the scope's account and Region: its own, else the global one, else the default. */
export function appstreamQuotaValue(s: Scope, code: string): number {
  const own = appstreamQuotaValues.get(s, code) ?? appstreamQuotaValues.get(inPartition(s, GLOBAL_APPSTREAM_QUOTAS), code);
  return own ? own.value : (appstreamQuotaSpec(code)?.defaultValue ?? 0);
}

/** Refuses a create that would take the account beyond the quota. */
export function checkQuota(s: Scope, code: AppStreamQuotaCode): void {
  const q = appstreamQuotaSpec(code)!;
  const value = appstreamQuotaValue(s, code);
  if (q.used(s) >= value) {
    throw err.limitExceeded(
      `The quota for ${q.name.toLowerCase()} in this Region is ${value}, and the account has reached it. Request a quota increase, or delete a resource.`,
    );
  }
}
