// The way of a request: which service, which account and region → parse → validate → handler in one
// transaction → serialize. Every failure along the way becomes the service's own error; nothing escapes.
import type { Protocol, RawRequest, RawResponse } from "../protocols/protocol";
import { awsJson } from "../protocols/aws-json";
import { awsQuery, ec2Query, readForm } from "../protocols/query";
import { ServiceError } from "../errors/service-error";
import { cut } from "../errors/echo";
import { validate } from "../validation/validate";
import type { Store } from "../state/store";
import type { Clock } from "../state/clock";
import { sweepExpired } from "../state/expiry";
import type { Timings } from "../config";
import { requestId as newRequestId } from "../util/ids";
import { callerOf, type Caller } from "./caller";
import { checkService, type ServiceDefinition } from "./service";
import type { RequestContext } from "./context";
import type { RequestLog } from "./request-log";
import type { Operation } from "../model/model";
import type { FaultEffect, Faults } from "../faults/faults";
import type { Authenticator, Identity } from "../auth/authenticator";
import { AuthFailure } from "../auth/sigv4";
import { authError } from "../auth/auth-errors";
import { ACTIONS, ALWAYS_ALLOWED } from "../auth/actions";
import { isAllowed } from "../auth/policy";

const PROTOCOLS: Record<string, Protocol> = { json: awsJson, ec2: ec2Query, query: awsQuery };
/** Characters of an error message at most (a validation message of ten violations stays below). */
const MAX_MESSAGE = 8192;

export interface GatewayDeps {
  services: ServiceDefinition[];
  store: Store;
  clock: Clock;
  timings: Timings;
  log: RequestLog;
  faults?: Faults;
  auth?: Authenticator;
  /** Routes under /_imagelite/ (admin and health). */
  admin?: (req: RawRequest) => RawResponse | Promise<RawResponse>;
}

interface Routed { def: ServiceDefinition; protocol: Protocol; form?: URLSearchParams }

/** One AWS request on its way through the gateway. */
interface Call {
  started: bigint;
  requestId: string;
  caller: Identity;
  routed: Routed;
  operation?: string;
  op?: Operation;
  input?: Record<string, unknown>;
  fault?: FaultEffect;
  /** Set as soon as the answer is known (an error before the handler, or the handler's output). */
  response?: RawResponse;
}

export class Gateway {
  private readonly byName = new Map<string, ServiceDefinition>();
  private readonly byTargetPrefix = new Map<string, ServiceDefinition>();
  private readonly byQueryVersion = new Map<string, ServiceDefinition>();

  constructor(private readonly deps: GatewayDeps) {
    for (const def of deps.services) {
      checkService(def);
      this.byName.set(def.name, def);
      this.byName.set(def.model.signingName, def);
      if (def.model.targetPrefix) this.byTargetPrefix.set(def.model.targetPrefix, def);
      if (def.model.protocol !== "json") this.byQueryVersion.set(def.model.apiVersion, def);
    }
  }

  async handle(req: RawRequest): Promise<RawResponse> {
    if (req.path.startsWith("/_imagelite/") && this.deps.admin) return this.handleAdmin(req, this.deps.admin);
    const auth = this.deps.auth;
    let identity: Identity;
    if (auth?.mode === "strict") {
      const routed = this.route(req, callerOf(req));
      try {
        identity = await auth.identify(req, { signingName: routed.def.model.signingName, acceptsUnsignedPayload: routed.def.acceptsUnsignedPayload });
      } catch (e) {
        if (!(e instanceof AuthFailure)) throw e;
        return this.refuse(req, routed, e);
      }
    } else {
      identity = auth ? auth.unverified(req) : callerOf(req);
    }
    const call = this.begin(req, identity);
    if (call.fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, call.fault!.latencyMs));
    return this.finish(call);
  }

  /** Admin routes get their log line too, under the service name "admin". */
  private async handleAdmin(req: RawRequest, admin: NonNullable<GatewayDeps["admin"]>): Promise<RawResponse> {
    const started = process.hrtime.bigint();
    const response = await admin(req);
    this.deps.log.request({
      service: "admin", operation: `${req.method} ${req.path}`, account: req.query.get("accountId") ?? "-", region: req.query.get("region") ?? "-",
      status: response.status, micros: Number(process.hrtime.bigint() - started) / 1000,
      error: response.status >= 400 ? /"code":"([^"]*)"/.exec(response.body)?.[1] : undefined,
    });
    return response;
  }

  /** The whole way of an AWS request without signature verification or injected latency (benchmarks). */
  handleAws(req: RawRequest): RawResponse {
    return this.finish(this.begin(req, this.deps.auth ? this.deps.auth.unverified(req) : callerOf(req)));
  }

  /** An error decided before the body is read (too large, adapter failure), in the format of the service the headers name. */
  reject(req: RawRequest, error: (def: ServiceDefinition) => ServiceError): RawResponse {
    const routed = this.route(req, callerOf(req));
    return routed.protocol.serializeError(error(routed.def), routed.def.model, newRequestId());
  }

  /** A request that failed authentication, answered in its service's format. */
  private refuse(req: RawRequest, routed: Routed, e: AuthFailure): RawResponse {
    const call: Call = { started: process.hrtime.bigint(), requestId: newRequestId(), caller: callerOf(req), routed };
    call.operation = routed.protocol.operationName(req, routed.form);
    const detail = e.kind === "incomplete" || e.message !== e.kind ? e.message : undefined;
    call.response = this.renderError(routed, authError(routed.def.name, e.kind, detail), call.requestId, call.operation);
    return this.finish(call);
  }

  /**
   * Runs an operation as an account in a region at a given time, with the same validation and in one
   * transaction, without HTTP (seed files). Throws the ServiceError a client would get.
   */
  invokeAs(service: string, operation: string, accountId: string, region: string, input: Record<string, unknown>, now: number): unknown {
    const def = this.byName.get(service);
    const op = def?.model.operations.get(operation);
    if (!def || !op) throw new ServiceError("UnknownOperation", `${service} has no operation ${operation}.`);
    if (op.input) {
      const violations = validate(op.input, input);
      if (violations.length) throw def.validationError(violations);
    }
    const ctx: RequestContext = {
      service, operation, accountId, region, requestId: newRequestId(), now, store: this.deps.store, timings: this.deps.timings,
      partition: { account: accountId, region },
    };
    return this.deps.store.transaction(() => def.handlers[operation](ctx, input));
  }

  /** Routes, parses and validates a request and decides which faults apply; the handler runs in finish(). */
  private begin(req: RawRequest, caller: Identity): Call {
    const call: Call = { started: process.hrtime.bigint(), requestId: newRequestId(), caller } as Call;
    call.routed = this.route(req, call.caller);
    try {
      const { def, protocol } = call.routed;
      call.operation = protocol.operationName(req, call.routed.form);
      if (!call.operation) {
        throw def.model.protocol === "json" ? def.unknownOperation("") :
          new ServiceError("MissingAction", "The request must contain the parameter Action.");
      }
      const op = def.model.operations.get(call.operation);
      if (!op || !def.handlers[call.operation]) throw def.unknownOperation(call.operation);
      call.input = protocol.parse(req, op, def.model, call.routed.form);
      if (op.input) {
        const violations = validate(op.input, call.input);
        if (violations.length) throw def.validationError(violations);
      }
      call.op = op;
      this.authorize(call);
      call.fault = this.deps.faults?.match(def.name, call.operation, call.caller.accountId, call.caller.region, call.input);
    } catch (e) {
      call.response = this.renderError(call.routed, e, call.requestId, call.operation);
    }
    return call;
  }

  private finish(call: Call): RawResponse {
    if (!call.response) {
      try {
        if (call.fault?.error) {
          const { code, message, status } = call.fault.error;
          throw new ServiceError(code, message, status);
        }
        call.response = this.invoke(call);
      } catch (e) {
        call.response = this.renderError(call.routed, e, call.requestId, call.operation);
      }
    }
    const response = call.response;
    this.deps.log.request({
      service: call.routed.def.name, operation: call.operation ?? "-", account: call.caller.accountId, region: call.caller.region,
      status: response.status, micros: Number(process.hrtime.bigint() - call.started) / 1000,
      error: response.status >= 400 ? response.headers["x-amzn-errortype"] ?? errorCodeOf(response) : undefined,
      faults: call.fault?.ids,
    });
    return response;
  }

  private route(req: RawRequest, caller: Caller): Routed {
    const target = req.headers["x-amz-target"];
    if (target !== undefined) {
      const def = this.byTargetPrefix.get(target.slice(0, target.lastIndexOf("."))) ?? this.byName.get(caller.service ?? "") ?? this.byTargetPrefix.values().next().value!;
      return { def, protocol: awsJson };
    }
    const contentType = req.headers["content-type"] ?? "";
    const formBody = req.method === "POST" && (contentType === "" || contentType.startsWith("application/x-www-form-urlencoded"));
    const form = readForm(req.query, formBody ? req.body.toString("utf8") : undefined);
    let def = this.byName.get(caller.service ?? "");
    if (!def || def.model.protocol === "json") {
      if (contentType.startsWith("application/x-amz-json") && def) return { def, protocol: awsJson };
      const version = form.get("Version");
      const action = form.get("Action") ?? "";
      def = (version && this.byQueryVersion.get(version)) ||
        [...this.byQueryVersion.values()].find((d) => d.model.operations.has(action)) ||
        this.byName.get("ec2") || this.deps.services[0];
    }
    return { def, protocol: PROTOCOLS[def.model.protocol], form };
  }

  private contextOf(call: Call): RequestContext {
    return {
      service: call.routed.def.name, operation: call.op!.name, accountId: call.caller.accountId, region: call.caller.region,
      requestId: call.requestId, now: this.deps.clock.now(), store: this.deps.store, timings: this.deps.timings,
      partition: { account: call.caller.accountId, region: call.caller.region },
      failure: call.fault?.lifecycle,
    };
  }

  /** Identity policies of the caller's credential, if it has any ("Policy evaluation logic", IAM User Guide). */
  private authorize(call: Call): void {
    const policies = call.caller.credential?.policies;
    if (!policies?.length) return;
    const { def } = call.routed;
    const table = ACTIONS[def.name];
    const action = `${table.prefix}:${call.op!.name}`;
    if (ALWAYS_ALLOWED.has(action)) return;
    const resources = table.operations[call.op!.name](this.contextOf(call), call.input!);
    if (isAllowed(policies, { action, resources, region: call.caller.region })) return;
    throw authError(def.name, "denied", def.name === "ec2" ? undefined :
      `User: arn:aws:iam::${call.caller.accountId}:user/${call.caller.accessKeyId} is not authorized to perform: ${action} on resource: ${resources[0]?.arn ?? "*"}`);
  }

  private invoke(call: Call): RawResponse {
    const { def, protocol } = call.routed;
    const op = call.op!;
    const handler = def.handlers[op.name];
    const ctx = this.contextOf(call);
    // Records of resources gone by now are purged first, in a transaction of their own (state/expiry.ts).
    sweepExpired(this.deps.store, ctx.now, (e) => this.deps.log.failure(`expiry sweep before ${call.requestId}`, e));
    if (def.isDryRun?.(call.input!)) {
      this.deps.store.rollback(() => handler(ctx, call.input));
      throw def.dryRunSuccess!();
    }
    const output = this.deps.store.transaction(() => handler(ctx, call.input));
    return protocol.serialize(output, op, def.model, call.requestId);
  }

  private renderError(routed: Routed, e: unknown, requestId: string, operation?: string): RawResponse {
    let error: ServiceError;
    if (e instanceof ServiceError) {
      error = e;
    } else {
      this.deps.log.failure(`${routed.def.name} ${operation ?? "-"} ${requestId}`, e);
      error = routed.def.internalError();
    }
    // A handler's message may repeat what the caller sent: bounded here, whatever the handler.
    if (error.message.length > MAX_MESSAGE) error = new ServiceError(error.code, `${cut(error.message, MAX_MESSAGE)}...`, error.status, error.extra);
    return routed.protocol.serializeError(error, routed.def.model, requestId);
  }
}

function errorCodeOf(r: RawResponse): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(r.body)?.[1];
}
