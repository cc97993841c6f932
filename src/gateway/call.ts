// One call on its way through the gateway's steps: each entry point fills in what it knows, each step
// what it finds out, and the first error stops the way (serialize and log still run).
import type { Protocol, RawRequest } from "../protocols/protocol";
import type { Operation, Shape } from "../model/model";
import type { FaultEffect } from "../operator/faults/faults";
import type { Identity } from "../auth/authenticator";
import type { Handler, ServiceDefinition } from "./service";

export interface Call {
  started: bigint;
  requestId: string;
  /** The wire request; absent for the operator's calls made in process. */
  req?: RawRequest;
  def?: ServiceDefinition;
  protocol?: Protocol;
  /** The query protocols' parameters, read once by the router. */
  form?: URLSearchParams;
  caller: Identity;
  operation?: string;
  /** What runs: a model operation (`operation` set) or one of the service's internal ones. */
  op?: { name: string; input?: Shape; handler: Handler; operation?: Operation };
  input?: Record<string, unknown>;
  /** The clock time the call acts at; the clock's current time unless given (seed files act in the past). */
  now?: number;
  /** Not kept in the request history (a seed's calls). */
  unrecorded?: boolean;
  fault?: FaultEffect;
  output?: unknown;
  error?: unknown;
}
