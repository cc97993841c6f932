// What a service contributes to the gateway: its model, its handlers and how it words framework errors.
import type { ServiceModel } from "../model/model";
import type { ServiceError } from "../errors/service-error";
import type { Violation } from "../validation/validate";
import type { RequestContext } from "./context";
import type { RecordSchema } from "../state/record-schema";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (ctx: RequestContext, input: any) => unknown;

export interface ServiceDefinition {
  name: string;
  model: ServiceModel;
  handlers: Record<string, Handler>;
  /** Every record type the service stores (`<service>.<kind>`), with the members its reads rely on. */
  records: Record<string, RecordSchema>;
  /** The service's answer to input that breaks the model's constraints. */
  validationError(violations: Violation[]): ServiceError;
  unknownOperation(name: string): ServiceError;
  /** The service's internal error, for an unexpected exception. */
  internalError(): ServiceError;
  /** The service's throttling error (SDKs retry it with back-off): too much at once. */
  throttlingError(): ServiceError;
  /** Whether a parsed input asks for a dry run (EC2 `DryRun`). */
  isDryRun?(input: Record<string, unknown>): boolean;
  dryRunSuccess?(): ServiceError;
  /** Whether a SigV4 signature may leave the body out (UNSIGNED-PAYLOAD), as S3 allows; no service here does. */
  acceptsUnsignedPayload?: boolean;
}

/** Refuses to start a service whose handlers and model disagree. */
export function checkService(def: ServiceDefinition): void {
  const ops = [...def.model.operations.keys()];
  const missing = ops.filter((op) => typeof def.handlers[op] !== "function");
  const extra = Object.keys(def.handlers).filter((h) => !def.model.operations.has(h));
  if (missing.length || extra.length) {
    throw new Error(`${def.name}: handlers and model disagree (no handler: ${missing.join(", ") || "-"}; not in model: ${extra.join(", ") || "-"})`);
  }
}
