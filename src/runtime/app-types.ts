// What imagelite is made of once assembled (runtime/app.ts assembles it). Apart from app.ts, so that what
// app.ts imports to assemble it (admin routes, the operator's controls, the seed) can take an App in turn.
import type { Config } from "./config";
import type { Clock } from "../state/clock";
import type { SharedControl } from "../state/shared-control";
import type { Store } from "../state/store";
import type { RecordSchema } from "../state/record-schema";
import type { Gateway } from "../gateway/gateway";
import type { RequestLog } from "../gateway/request-log";
import type { RequestHistory } from "../gateway/request-history";
import type { ServiceDefinition } from "../gateway/service";
import type { Faults } from "../operator/faults/faults";
import type { RequestTail } from "../operator/admin/request-tail/tail";
import type { Authenticator } from "../auth/authenticator";

export interface App {
  config: Config;
  store: Store;
  clock: Clock;
  gateway: Gateway;
  log: RequestLog;
  services: ServiceDefinition[];
  faults: Faults;
  /** With a store other processes share: what keeps this process's clock and fault rules in line with it. */
  control?: SharedControl;
  auth: Authenticator;
  /** This process's last requests, which the gateway records. */
  history: RequestHistory;
  /** The dashboard's request tail: this process's, every worker's, or every process's on a PostgreSQL store. */
  tail: RequestTail;
  /** Every record type the store may hold, with its schema (services' and imagelite's own). */
  recordSchemas: Map<string, RecordSchema>;
  close(): void;
}
