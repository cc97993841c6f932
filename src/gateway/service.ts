// What a service contributes to the gateway: its model, its handlers and how it words framework errors.
import type { Shape, ServiceModel } from "../model/model";
import type { ActionTable } from "../auth/actions";
import type { AuthErrorTable } from "../auth/auth-errors";
import type { ServiceError } from "../errors/service-error";
import type { Violation } from "../validation/validate";
import type { RequestContext } from "./context";
import type { Collection } from "../state/collection";
import type { ResourceView } from "../operator/admin/resource-view";
import type { Store } from "../state/store";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (ctx: RequestContext, input: any) => unknown;

export interface ServiceDefinition {
  name: string;
  model: ServiceModel;
  handlers: Record<string, Handler>;
  /**
   * Every kind of record the service stores (`<service>.<kind>`), each with its schema: what a state import
   * checks, what goes once gone (the expiry sweep), what tagging calls name.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  collections: readonly Collection<any, any, any>[];
  /** The service's answer to input that breaks the model's constraints. */
  validationError(violations: Violation[]): ServiceError;
  unknownOperation(name: string): ServiceError;
  /** The service's internal error, for an unexpected exception. */
  internalError(): ServiceError;
  /** The service's throttling error (SDKs retry it with back-off): too much at once. */
  throttlingError(): ServiceError;
  /** The service's answer when imagelite's store cannot serve (unreachable, damaged): a 503 that SDKs retry. */
  unavailableError(): ServiceError;
  /** Whether a parsed input asks for a dry run (EC2 `DryRun`). */
  isDryRun?(input: Record<string, unknown>): boolean;
  dryRunSuccess?(): ServiceError;
  /** Whether a SigV4 signature may leave the body out (UNSIGNED-PAYLOAD), as S3 allows; no service here does. */
  acceptsUnsignedPayload?: boolean;
  /** IAM actions and resources of every operation, and how the service words a refusal. */
  auth: {
    actions: ActionTable;
    errors: AuthErrorTable;
    /** The message of a policy's denial, where the service words it per request. */
    deniedMessage?(caller: { accountId: string; accessKeyId?: string; region: string }, action: string, resource: string): string;
  };
  /**
   * What the service does without a public API (the AppStream Image Assistant's "create image"), offered
   * by admin routes and seed files and run like an operation: validated against `input`, faults, one transaction, a log line.
   */
  internal?: Record<string, InternalOperation>;
  /** The lists a seed file may give for the service, each a few steps in the seed's phases (seed/seed.ts). */
  seedLists?: Record<string, SeedStep[]>;
  /** The kinds of resource the dashboard lists, one view each (admin/resource-view.ts). */
  dashboardViews?: ResourceView[];
  /** Turns records an earlier version wrote into today's: at start-up, and after a state import. */
  upgradeRecords?(store: Store): void;
}

export interface InternalOperation {
  input: Shape;
  handler: Handler;
}

/** One step of a seed list: in its phase, for each entry of the list, calls what the entry asks for. */
/** Where a seed step applies an entry, and what the steps of one seed load keep for one another, by key. */
export interface SeedLoad {
  account: string;
  region: string;
  memo: Map<string, unknown>;
}

export interface SeedStep {
  phase: number;
  /** Names the step in a seed error: an operation, or what the step does. */
  label: string;
  apply(call: (operation: string, input: Record<string, unknown>) => unknown, entry: Record<string, unknown>, load: SeedLoad): void;
  /** Whether the step makes the entry (counted once); later steps of the same list only change it. */
  makes?: boolean;
}

/** Refuses to start a service whose handlers and model disagree, or whose records a state import could not check. */
export function checkService(def: ServiceDefinition): void {
  const ops = [...def.model.operations.keys()];
  const missing = ops.filter((op) => typeof def.handlers[op] !== "function");
  const extra = Object.keys(def.handlers).filter((h) => !def.model.operations.has(h));
  if (missing.length || extra.length) {
    throw new Error(
      `${def.name}: handlers and model disagree (no handler: ${missing.join(", ") || "-"}; not in model: ${extra.join(", ") || "-"})`,
    );
  }
  const types = def.collections.map((c) => c.type);
  const unchecked = def.collections.filter((c) => !c.schema).map((c) => c.type);
  const twice = types.filter((t, i) => types.indexOf(t) !== i);
  if (unchecked.length || twice.length) {
    throw new Error(`${def.name}: collections without a schema: ${unchecked.join(", ") || "-"}; listed twice: ${twice.join(", ") || "-"}`);
  }
}
