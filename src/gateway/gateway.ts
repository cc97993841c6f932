// The way of a request: which service, which account and region → parse → validate → handler in one
// transaction → serialize. Every failure along the way becomes the service's own error; nothing escapes.
import type { Protocol, RawRequest, RawResponse } from "../protocols/protocol";
import { awsJson } from "../protocols/aws-json";
import { awsQuery, ec2Query } from "../protocols/query";
import { ServiceError } from "../errors/service-error";
import { validate } from "../validation/validate";
import type { Store } from "../state/store";
import type { Clock } from "../state/clock";
import type { Timings } from "../config";
import { requestId as newRequestId } from "../util/ids";
import { callerOf, type Caller } from "./caller";
import { checkService, type ServiceDefinition } from "./service";
import type { RequestContext } from "./context";
import type { RequestLog } from "./request-log";

const PROTOCOLS: Record<string, Protocol> = { json: awsJson, ec2: ec2Query, query: awsQuery };

export interface GatewayDeps {
  services: ServiceDefinition[];
  store: Store;
  clock: Clock;
  timings: Timings;
  log: RequestLog;
  /** Routes under /_imagelite/ (admin and health). */
  admin?: (req: RawRequest) => RawResponse | Promise<RawResponse>;
}

interface Routed { def: ServiceDefinition; protocol: Protocol; form?: URLSearchParams }

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
    if (req.path.startsWith("/_imagelite/") && this.deps.admin) return this.deps.admin(req);
    return this.handleAws(req);
  }

  handleAws(req: RawRequest): RawResponse {
    const started = process.hrtime.bigint();
    const requestId = newRequestId();
    const caller = callerOf(req);
    const routed = this.route(req, caller);
    let operation: string | undefined;
    let response: RawResponse;
    try {
      operation = routed.protocol.operationName(req, routed.form);
      response = this.invoke(routed, operation, req, caller, requestId);
    } catch (e) {
      response = this.renderError(routed, e, requestId, operation);
    }
    this.deps.log.request({
      service: routed.def.name, operation: operation ?? "-", account: caller.accountId, region: caller.region,
      status: response.status, micros: Number(process.hrtime.bigint() - started) / 1000,
      error: response.status >= 400 ? response.headers["x-amzn-errortype"] ?? errorCodeOf(response) : undefined,
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
    const form = new URLSearchParams(req.query);
    if (req.method === "POST" && (contentType === "" || contentType.startsWith("application/x-www-form-urlencoded"))) {
      for (const [k, v] of new URLSearchParams(req.body.toString("utf8"))) form.append(k, v);
    }
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

  private invoke(routed: Routed, operation: string | undefined, req: RawRequest, caller: Caller, requestId: string): RawResponse {
    const { def, protocol } = routed;
    if (!operation) {
      throw def.model.protocol === "json" ? def.unknownOperation("") :
        new ServiceError("MissingAction", "The request must contain the parameter Action.");
    }
    const op = def.model.operations.get(operation);
    const handler = op && def.handlers[operation];
    if (!op || !handler) throw def.unknownOperation(operation);
    const input = protocol.parse(req, op, def.model, routed.form);
    if (op.input) {
      const violations = validate(op.input, input);
      if (violations.length) throw def.validationError(violations);
    }
    const ctx: RequestContext = {
      service: def.name, operation, accountId: caller.accountId, region: caller.region, requestId,
      now: this.deps.clock.now(), store: this.deps.store, timings: this.deps.timings,
      partition: { account: caller.accountId, region: caller.region },
    };
    if (def.isDryRun?.(input)) {
      this.deps.store.rollback(() => handler(ctx, input));
      throw def.dryRunSuccess!();
    }
    const output = this.deps.store.transaction(() => handler(ctx, input));
    return protocol.serialize(output, op, def.model, requestId);
  }

  private renderError(routed: Routed, e: unknown, requestId: string, operation?: string): RawResponse {
    let error: ServiceError;
    if (e instanceof ServiceError) {
      error = e;
    } else {
      this.deps.log.failure(`${routed.def.name} ${operation ?? "-"} ${requestId}`, e);
      error = routed.def.internalError();
    }
    return routed.protocol.serializeError(error, routed.def.model, requestId);
  }
}

function errorCodeOf(r: RawResponse): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(r.body)?.[1];
}
