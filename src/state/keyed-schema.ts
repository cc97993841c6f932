// A record schema tied to its collection: an imported record's id must be the key its own members give, and
// its partition the one they place it in, or reads by key would never find it (or would find it elsewhere).
import type { Collection } from "./collection";
import { withRules, type RecordRules, type RecordSchema } from "./record-schema";

export const keyed = <T>(
  c: Pick<Collection<T>, "keyOf" | "homeOf">,
  schema: RecordSchema,
  rules: Omit<RecordRules<T>, "id"> = {},
): RecordSchema => withRules<T>(schema, { ...rules, id: c.keyOf, partition: rules.partition ?? c.homeOf });
