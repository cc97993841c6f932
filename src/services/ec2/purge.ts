// What goes when an EC2 resource is gone, and when (state/expiry.ts finds what is due and calls these): a
// deregistered AMI once its `deregistered` phase is over, with the fast launch settings and the tags that any
// account keeps on it; an import task once its 7 days of retention are over, with its tags; fast launch
// settings once disabled; a usage report 30 days after its creation, with its tags; and the client token that
// made each, a day later. What deregistration or deletion removes at once (the AMI's name, launch permissions,
// shares and the owner's tags) is not repeated here.
import { defineExpiring, trackExpiry, type PurgeScope } from "../../state/expiry";
import { endsIn } from "../../state/lifecycle";
import { FAST_LAUNCH, type FastLaunchRecord } from "./fast-launch-records";
import { IMPORT_TASK_TYPE, type ImportTaskRecord } from "./import-task-records";
import { GONE, TYPES, type AmiRecord } from "./records";
import { dropTags } from "./tags";
import { expiresAt, USAGE_REPORT, type UsageReportRecord } from "./usage-report-records";

type Scope = Pick<PurgeScope, "store" | "partition">;

interface TokenRecord { fingerprint: string; until?: number }

/**
 * A client token outlives what it made: EC2 keeps one "for at least 24 hours" after its resource is gone
 * ("Ensuring idempotency", https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Run_Instance_Idempotency.html).
 */
const TOKEN_KEPT_MS = 24 * 3600 * 1000;

/** The resource that the token `tokenId` made (named by its `field`) is gone since `goneAt`: the token goes a day later. */
export function retireToken({ store, partition }: Scope, tokenId: string | undefined, field: string, resourceId: string, goneAt: number): void {
  const token = tokenId && store.get<TokenRecord & Record<string, unknown>>(TYPES.clientToken, partition, tokenId);
  // A token whose resource was gone before may have been used again since (ImportImage): it is that one's now.
  if (!token || token[field] !== resourceId) return;
  token.until = goneAt + TOKEN_KEPT_MS;
  store.put(TYPES.clientToken, partition, tokenId, token);
  trackExpiry(store, TYPES.clientToken, partition, tokenId, token);
}

defineExpiring<TokenRecord>({
  type: TYPES.clientToken,
  goneAt: (t) => t.until,
  purge: ({ store, partition }, id) => { store.delete(TYPES.clientToken, partition, id); },
});

const amiGoneAt = (r: AmiRecord) => endsIn(r.schedule, GONE);

defineExpiring<AmiRecord>({
  type: TYPES.image,
  goneAt: amiGoneAt,
  purge(scope, id, ami) {
    const { store, partition } = scope;
    store.delete(TYPES.image, partition, id);
    store.delete(FAST_LAUNCH, partition, id);
    for (const ref of store.list<{ account: string }>(TYPES.reference, partition, { prefix: `${id} ` })) {
      const other = { account: ref.value.account, region: partition.region };
      store.delete(FAST_LAUNCH, other, id);
      dropTags({ store, partition: other }, id);
      store.delete(TYPES.reference, partition, ref.id);
    }
    retireToken(scope, ami.clientToken, "ImageId", id, amiGoneAt(ami)!);
  },
});

const taskGoneAt = (t: ImportTaskRecord) => endsIn(t.schedule, GONE);

defineExpiring<ImportTaskRecord>({
  type: IMPORT_TASK_TYPE,
  goneAt: taskGoneAt,
  purge(scope, id, task) {
    scope.store.delete(IMPORT_TASK_TYPE, scope.partition, id);
    dropTags(scope, id);
    retireToken(scope, task.clientToken, "ImportTaskId", id, taskGoneAt(task)!);
  },
});

defineExpiring<FastLaunchRecord>({
  type: FAST_LAUNCH,
  goneAt: (r) => endsIn(r.schedule, GONE),
  purge: ({ store, partition }, id) => { store.delete(FAST_LAUNCH, partition, id); },
});

defineExpiring<UsageReportRecord>({
  type: USAGE_REPORT,
  goneAt: expiresAt,
  purge(scope, id, report) {
    scope.store.delete(USAGE_REPORT, scope.partition, id);
    dropTags(scope, id);
    retireToken(scope, report.clientToken, "ReportId", id, expiresAt(report));
  },
});
