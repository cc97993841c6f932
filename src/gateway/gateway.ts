// The way of every call, as one ordered list of steps over one call object:
//   route → refresh (a shared store's clock and fault rules) → identify → resolve → parse → validate → authorize
//   → faults → delay → invoke, then serialize and log.
// Every entry point takes it: HTTP requests (and the benchmark's, made in process), and the operator's calls
// made in process (seed files, admin routes), which skip what only a wire request has (route, identify,
// parse, authorize, delay, serialize). Every failure along the way becomes the service's own error.
import type { RawRequest, RawResponse } from "../protocols/protocol";
import { fromJson } from "../protocols/aws-json";
import { ServiceError } from "../errors/service-error";
import { cut } from "../errors/echo";
import { validate } from "../validation/validate";
import type { Store } from "../state/store";
import type { Clock } from "../state/clock";
import { expiringKinds, sweepExpired, type ExpiringKinds } from "../state/expiry";
import type { Timings } from "../runtime/config";
import { requestId as newRequestId } from "../util/ids";
import { callerOf } from "./caller";
import { checkService, type ServiceDefinition } from "./service";
import type { RequestContext } from "./context";
import type { RequestLog } from "./request-log";
import type { RequestHistory } from "./request-history";
import type { Faults } from "../operator/faults/faults";
import type { Authenticator } from "../auth/authenticator";
import { AuthFailure } from "../auth/sigv4";
import { isRegion } from "../util/regions";
import { authError } from "../auth/auth-errors";
import { isAllowed } from "../auth/policy";
import { ServiceRouter } from "./router";
import { answerUnserved, serviceLabel } from "./unserved";
import type { Call } from "./call";
import { StoreConflictError } from "../state/conflicts";
import { StoreUnavailableError } from "../state/store-unavailable";
import type { BrowserGuard, BrowserVerdict, Refusal } from "./browser-guard";

/** Characters of an error message at most (a validation message of ten violations stays below). */
const MAX_MESSAGE = 8192;

/** Host names whose refusal the log explains (once each); past it, only the request lines show them. */
const MAX_EXPLAINED_HOSTS = 16;

export interface GatewayDeps {
  services: ServiceDefinition[];
  store: Store;
  clock: Clock;
  timings: Timings;
  log: RequestLog;
  /** The last requests, for the dashboard (kept also with the request log off). */
  history?: RequestHistory;
  faults?: Faults;
  auth?: Authenticator;
  /** Brings what this process keeps of a shared store's control state (clock, fault rules) up to date. */
  refresh?: () => void;
  /** Routes under /_imagelite/ (admin and health). */
  admin?: (req: RawRequest) => RawResponse | Promise<RawResponse>;
  /** Where the HTTP server sends a browser that opens "/": the dashboard, when the admin routes are on. */
  browserHome?: string;
  /** What a web page may ask: Host against DNS rebinding, cross-site requests, CORS for allowed origins. */
  guard?: BrowserGuard;
}

type Step = (call: Call) => void | Promise<void>;

/** Who calls in process: the operator, with an account and region of their choosing. */
export interface InProcessCaller {
  accountId: string;
  region: string;
  now?: number;
  /** Logged but not kept in the request history: a seed's thousands of calls would only push out the served ones. */
  unrecorded?: boolean;
}

export class Gateway {
  private readonly router: ServiceRouter;
  /** An AWS request over the wire. */
  private readonly wire: Step[];
  /** The operator's calls made in process: seeds, admin routes. */
  private readonly inProcess: Step[];

  readonly browserHome?: string;
  private readonly explainedHosts = new Set<string>();
  /** What the services' collections declare goes once gone: the sweep before each call purges it. */
  private readonly expiring: ExpiringKinds;
  /** Services imagelite does not serve whose requests the log has explained (once each, as many as hosts). */
  private readonly explainedServices = new Set<string>();

  constructor(private readonly deps: GatewayDeps) {
    this.browserHome = deps.browserHome;
    for (const def of deps.services) checkService(def);
    this.router = new ServiceRouter(deps.services);
    this.expiring = expiringKinds(deps.services.flatMap((d) => d.collections));
    const s = (f: Step) => f.bind(this);
    this.wire = [
      s(this.route),
      s(this.refresh),
      s(this.identify),
      s(this.resolve),
      s(this.parse),
      s(this.validate),
      s(this.authorize),
      s(this.matchFaults),
      s(this.delay),
      s(this.runHandler),
    ];
    this.inProcess = [s(this.refresh), s(this.resolve), s(this.readJson), s(this.validate), s(this.matchFaults), s(this.runHandler)];
  }

  /**
   * Answers a request over the wire: at once when every step is synchronous (no admin route, no signature to
   * verify, no injected latency), so that the common call costs no turn of the event loop; else a promise.
   */
  handle(req: RawRequest): RawResponse | Promise<RawResponse> {
    const verdict = this.deps.guard?.check(req);
    if (verdict !== undefined) return this.answerBrowser(req, verdict);
    return this.answer(req);
  }

  private answer(req: RawRequest): RawResponse | Promise<RawResponse> {
    if (req.path.startsWith("/_imagelite/") && this.deps.admin) return this.handleAdmin(req, this.deps.admin);
    const call = this.newCall(req);
    const unserved = this.router.unserved(call.caller.service);
    if (unserved !== undefined) return this.answerUnserved(call, unserved);
    const pending = run(call, this.wire);
    return pending ? pending.then(() => this.finish(call)) : this.finish(call);
  }

  /**
   * Runs an operation (or one of the service's internal ones) as an account in a region, with the same
   * validation, faults, transaction and log line as a request, without HTTP. Returns the output, or throws
   * the ServiceError a client would get.
   */
  invoke(service: string, operation: string, as: InProcessCaller, input: Record<string, unknown>): unknown {
    const def = this.router.service(service);
    if (!def) throw new ServiceError("UnknownService", `imagelite serves no service ${service}.`);
    const call: Call = {
      started: process.hrtime.bigint(),
      requestId: newRequestId(),
      def,
      operation,
      input,
      now: as.now,
      unrecorded: as.unrecorded,
      caller: { accountId: as.accountId, region: as.region },
    };
    const pending = run(call, this.inProcess);
    if (pending) throw new Error("an in-process call met an asynchronous step");
    this.log(call, call.error === undefined ? 200 : this.errorOf(call).status);
    if (call.error !== undefined) throw this.errorOf(call);
    return call.output;
  }

  /** An error decided before the body is read (too large, adapter failure), in the format of the service the headers name. */
  reject(req: RawRequest, error: (def: ServiceDefinition) => ServiceError): RawResponse {
    const { def, protocol } = this.router.route(req, callerOf(req).service);
    return protocol.serializeError(error(def), def.model, newRequestId());
  }

  /** A request the guard stopped, or one of an allowed origin's pages (its answer carries CORS headers). */
  private answerBrowser(req: RawRequest, verdict: BrowserVerdict): RawResponse | Promise<RawResponse> {
    if ("refuse" in verdict) return this.refuse(req, verdict);
    const guard = this.deps.guard!;
    const origin = verdict.cors;
    const preflight = guard.preflight(req, origin);
    if (preflight) return preflight;
    const r = this.answer(req);
    return r instanceof Promise ? r.then((x) => guard.withCors(x, origin)) : guard.withCors(r, origin);
  }

  /** 403 in the admin routes' JSON, or as the service the request is for denies a call. */
  private refuse(req: RawRequest, refusal: Refusal): RawResponse {
    const started = process.hrtime.bigint();
    let response: RawResponse;
    let service = "admin";
    let operation = `${req.method} ${req.path}`;
    let code: string;
    if (req.path.startsWith("/_imagelite/")) {
      code = refusal.refuse === "host" ? "HostNotAllowed" : "CrossSiteRequest";
      response = { status: 403, headers: { "content-type": "application/json" }, body: JSON.stringify({ code, message: refusal.message }) };
    } else {
      const { def, protocol, form } = this.router.route(req, callerOf(req).service);
      code = def.auth.errors.denied[0];
      response = protocol.serializeError(new ServiceError(code, refusal.message, 403), def.model, newRequestId());
      service = def.name;
      operation = protocol.operationName(req, form) ?? "-";
    }
    const host = refusal.host;
    if (host !== undefined && !this.explainedHosts.has(host) && this.explainedHosts.size < MAX_EXPLAINED_HOSTS) {
      this.explainedHosts.add(host);
      this.deps.log.warn(refusal.message);
    }
    this.deps.log.request({
      service,
      operation: cut(operation, 200),
      account: "-",
      region: "-",
      status: 403,
      micros: Number(process.hrtime.bigint() - started) / 1000,
      error: code,
    });
    return response;
  }

  /** A request signed for a service imagelite does not serve: UnknownService, logged under that name, explained once. */
  private answerUnserved(call: Call, signingName: string): RawResponse {
    const { error, response, operation } = answerUnserved(call.req!, signingName, this.router.signingNames, call.requestId);
    const service = serviceLabel(signingName);
    if (!this.explainedServices.has(service) && this.explainedServices.size < MAX_EXPLAINED_HOSTS) {
      this.explainedServices.add(service);
      this.deps.log.warn(`${error.message} Requests signed for ${service} are answered ${error.code}.`);
    }
    call.operation = operation;
    call.error = error;
    this.log(call, response.status, response, service);
    return response;
  }

  /** Admin routes get their log line too, under the service name "admin". */
  private async handleAdmin(req: RawRequest, admin: NonNullable<GatewayDeps["admin"]>): Promise<RawResponse> {
    const started = process.hrtime.bigint();
    const response = await admin(req);
    this.deps.log.request({
      service: "admin",
      operation: `${req.method} ${req.path}`,
      account: req.query.get("accountId") ?? "-",
      region: req.query.get("region") ?? "-",
      status: response.status,
      micros: Number(process.hrtime.bigint() - started) / 1000,
      error: response.status >= 400 ? /"code":"([^"]*)"/.exec(response.body)?.[1] : undefined,
    });
    return response;
  }

  private newCall(req: RawRequest): Call {
    return { started: process.hrtime.bigint(), requestId: newRequestId(), req, caller: callerOf(req) };
  }

  // ---- the steps ----

  /** Which service and protocol; the operation's name. */
  private route(call: Call): void {
    const route = this.router.route(call.req!, call.caller.service);
    call.def = route.def;
    call.protocol = route.protocol;
    call.form = route.form;
    call.operation = route.protocol.operationName(call.req!, route.form);
    if (route.unknownService) throw route.def.unknownOperation(call.operation ?? "");
  }

  /** Who calls: the credential scope, or under --auth strict the verified signature. */
  private identify(call: Call): void | Promise<void> {
    const auth = this.deps.auth;
    if (!auth) return;
    if (auth.mode !== "strict") {
      call.caller = auth.unverified(call.req!, call.caller);
      // A region imagelite does not serve is refused in every mode, as a strict check refuses it: state made
      // there could be exported but never imported again.
      if (!isRegion(call.caller.region))
        throw authError(call.def!.auth.errors, "mismatch", `Credential should be scoped to a valid region, not '${call.caller.region}'.`);
      return;
    }
    const def = call.def!;
    return auth.identify(call.req!, { signingName: def.model.signingName, acceptsUnsignedPayload: def.acceptsUnsignedPayload }).then(
      (identity) => {
        call.caller = identity;
      },
      (e) => {
        if (!(e instanceof AuthFailure)) throw e;
        const detail = e.kind === "incomplete" || e.message !== e.kind ? e.message : undefined;
        throw authError(def.auth.errors, e.kind, detail);
      },
    );
  }

  /** The operation the call names: one of the model's, or (in process) one of the service's internal ones. */
  private resolve(call: Call): void {
    const def = call.def!;
    if (!call.operation) throw call.protocol ? call.protocol.missingOperation(def) : def.unknownOperation("");
    const op = def.model.operations.get(call.operation);
    if (op && def.handlers[call.operation]) {
      call.op = { name: op.name, input: op.input, handler: def.handlers[op.name], operation: op };
      return;
    }
    const internal = call.req ? undefined : def.internal?.[call.operation];
    if (!internal) throw def.unknownOperation(call.operation);
    call.op = { name: call.operation, input: internal.input, handler: internal.handler };
  }

  private parse(call: Call): void {
    const { def, protocol, op } = call;
    call.input = op!.operation ? protocol!.parse(call.req!, op!.operation, def!.model, call.form) : {};
  }

  /** An in-process input is JSON (a seed entry, an admin route's body): checked and converted as a JSON request's is. */
  private readJson(call: Call): void {
    const shape = call.op!.input;
    call.input = shape ? fromJson(shape, call.input) : {};
  }

  private validate(call: Call): void {
    const shape = call.op!.input;
    if (!shape) return;
    const violations = validate(shape, call.input ?? {});
    if (violations.length) throw call.def!.validationError(violations);
  }

  /** Identity policies of the caller's credential, if it has any ("Policy evaluation logic", IAM User Guide). */
  private authorize(call: Call): void {
    const policies = call.caller.credential?.policies;
    if (!policies?.length) return;
    const { actions, errors, deniedMessage } = call.def!.auth;
    const action = `${actions.prefix}:${call.op!.name}`;
    if (actions.alwaysAllowed?.has(call.op!.name)) return;
    const resources = actions.operations[call.op!.name](this.contextOf(call), call.input!);
    if (isAllowed(policies, { action, resources, region: call.caller.region })) return;
    throw authError(errors, "denied", deniedMessage?.(call.caller, action, resources[0]?.arn ?? "*"));
  }

  /** A shared store's clock and fault rules, as they are now: one read of its control record. */
  private refresh(): void {
    this.deps.refresh?.();
  }

  private matchFaults(call: Call): void {
    call.fault = this.deps.faults?.match(call.def!.name, call.op!.name, call.caller.accountId, call.caller.region, call.input);
  }

  private delay(call: Call): void | Promise<void> {
    const ms = call.fault?.latencyMs;
    if (ms) return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** The handler, in one transaction (rolled back for a dry run), after the purge of what is gone by now. */
  private runHandler(call: Call): void {
    if (call.fault?.error) {
      const { code, message, status } = call.fault.error;
      throw new ServiceError(code, message, status);
    }
    const def = call.def!;
    const { handler } = call.op!;
    const ctx = this.contextOf(call);
    // Records of resources gone by now are purged first, in a transaction of their own (state/expiry.ts).
    sweepExpired(this.deps.store, this.expiring, ctx.now, (e) => {
      // The store cannot serve: the call would meet the same, and is answered with the unavailable error now.
      if (e instanceof StoreUnavailableError) throw e;
      this.deps.log.failure(`expiry sweep before ${call.requestId}`, e);
    });
    if (def.isDryRun?.(call.input!)) {
      this.deps.store.rollback(() => handler(ctx, call.input));
      throw def.dryRunSuccess!();
    }
    call.output = this.deps.store.transaction(() => handler(ctx, call.input));
  }

  // ---- after the steps ----

  /** Serializes the output or the error, and writes the log line. */
  private finish(call: Call): RawResponse {
    const { def, protocol } = call;
    let response: RawResponse;
    if (call.error === undefined) {
      response = protocol!.serialize(call.output, call.op!.operation!, def!.model, call.requestId);
    } else {
      response = protocol!.serializeError(this.errorOf(call), def!.model, call.requestId);
    }
    this.log(call, response.status, response);
    return response;
  }

  /** The call's error as the service words it: unexpected exceptions become its internal error (logged once). */
  private errorOf(call: Call): ServiceError {
    const e = call.error;
    let error: ServiceError;
    if (e instanceof ServiceError) {
      error = e;
    } else if (e instanceof StoreConflictError) {
      // Other processes kept the shared store busy: the client's SDK retries a throttling error with back-off.
      this.deps.log.failure(`${call.def!.name} ${call.operation ?? "-"} ${call.requestId}`, e);
      error = call.def!.throttlingError();
    } else if (e instanceof StoreUnavailableError) {
      // The store unreachable or damaged: told once by the store (app.ts), not once per call; SDKs retry a 503.
      error = call.def!.unavailableError();
    } else {
      this.deps.log.failure(`${call.def!.name} ${call.operation ?? "-"} ${call.requestId}`, e);
      error = call.def!.internalError();
    }
    // A handler's message may repeat what the caller sent: bounded here, whatever the handler.
    if (error.message.length > MAX_MESSAGE)
      error = new ServiceError(error.code, `${cut(error.message, MAX_MESSAGE)}...`, error.status, error.extra);
    call.error = error;
    return error;
  }

  private log(call: Call, status: number, response?: RawResponse, service = call.def?.name ?? "-"): void {
    const line = {
      service,
      operation: call.operation ?? "-",
      account: call.caller.accountId,
      region: call.caller.region,
      status,
      micros: Number(process.hrtime.bigint() - call.started) / 1000,
      error: call.error instanceof ServiceError ? call.error.code : undefined,
      faults: call.fault?.ids,
    };
    this.deps.log.request(line);
    if (!call.unrecorded) this.deps.history?.add(line, call, response);
  }

  private contextOf(call: Call): RequestContext {
    return {
      service: call.def!.name,
      operation: call.op!.name,
      accountId: call.caller.accountId,
      region: call.caller.region,
      requestId: call.requestId,
      now: call.now ?? this.deps.clock.now(),
      store: this.deps.store,
      timings: this.deps.timings,
      partition: { account: call.caller.accountId, region: call.caller.region },
      failure: call.fault?.lifecycle,
      log: this.deps.log,
    };
  }
}

/**
 * Runs the steps in order until one fails (its error is kept on the call). Synchronous while the steps are,
 * so that in-process calls stay synchronous; returns a promise once a step returns one.
 */
function run(call: Call, steps: Step[], from = 0): void | Promise<void> {
  for (let i = from; i < steps.length && call.error === undefined; i++) {
    let pending: void | Promise<void>;
    try {
      pending = steps[i](call);
    } catch (e) {
      call.error = e;
      return;
    }
    if (pending)
      return pending.then(
        () => run(call, steps, i + 1),
        (e) => {
          call.error = e;
        },
      );
  }
}
