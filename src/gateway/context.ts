// What a handler knows of its request: who calls, where, when, and the store it works in.
import type { Store, Partition } from "../state/store";
import type { Timings } from "../runtime/config";
import type { RequestLog } from "./request-log";

export interface RequestContext {
  service: string;
  operation: string;
  accountId: string;
  region: string;
  requestId: string;
  /** The clock's time for this request, epoch milliseconds: one value for the whole call. */
  now: number;
  store: Store;
  timings: Timings;
  /** The caller's own partition ({ account, region }). */
  partition: Partition;
  /**
   * Set when a fault rule sends what this call creates or changes to its failure state: the handler
   * schedules the failure (with `reason` as the service's message) instead of success.
   */
  failure?: { reason?: string };
  /** Where a handler says what the request log's debug level shows (a describe that cannot use an index). */
  log?: RequestLog;
}
