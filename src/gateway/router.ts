// Which service a request is for, and in which protocol it speaks: the X-Amz-Target prefix (AWS JSON),
// the credential scope's service (REST-JSON services are known by it alone: their requests name no operation
// but by method and path), or the query's Version and Action. Knows services only by what their definitions
// declare (model, signing name, target prefix, API version, URI templates), never by name.
import type { ServiceModel } from "../model/model";
import type { Protocol, RawRequest } from "../protocols/protocol";
import { awsJson } from "../protocols/aws-json";
import { awsQuery, ec2Query, readForm } from "../protocols/query";
import { restJson, routesTo } from "../protocols/rest-json";
import type { ServiceDefinition } from "./service";

/** The protocol a model speaks; a REST protocol is made per model (its routes). */
export function protocolOf(model: ServiceModel): Protocol {
  switch (model.protocol) {
    case "json":
      return awsJson;
    case "rest-json":
      return restJson(model);
    case "ec2":
      return ec2Query;
    case "query":
      return awsQuery;
  }
}

const isQuery = (d: ServiceDefinition) => d.model.protocol === "ec2" || d.model.protocol === "query";

export interface Route {
  def: ServiceDefinition;
  protocol: Protocol;
  form?: URLSearchParams;
  /** The request names no service imagelite serves (an unknown X-Amz-Target prefix); `def` only renders the error. */
  unknownService?: boolean;
}

export class ServiceRouter {
  private readonly bySigningName = new Map<string, ServiceDefinition>();
  private readonly byTargetPrefix = new Map<string, ServiceDefinition>();
  private readonly byQueryVersion = new Map<string, ServiceDefinition>();
  private readonly queryServices: ServiceDefinition[];
  private readonly jsonServices: ServiceDefinition[];
  private readonly restServices: ServiceDefinition[];

  constructor(readonly services: ServiceDefinition[]) {
    for (const def of services) {
      this.bySigningName.set(def.model.signingName, def);
      if (def.model.targetPrefix) this.byTargetPrefix.set(def.model.targetPrefix, def);
      if (isQuery(def)) this.byQueryVersion.set(def.model.apiVersion, def);
    }
    this.queryServices = services.filter(isQuery);
    this.jsonServices = services.filter((d) => d.model.protocol === "json");
    this.restServices = services.filter((d) => d.model.protocol === "rest-json");
  }

  /** The signing names of the services served, for a message. */
  get signingNames(): string[] {
    return [...this.bySigningName.keys()].sort();
  }

  /**
   * The signing name of a request signed for a service imagelite does not serve (unserved.ts answers it);
   * undefined for a served one or an unsigned request, which the query services' fallback below takes.
   */
  unserved(signingService: string | undefined): string | undefined {
    return signingService === undefined || this.bySigningName.has(signingService) ? undefined : signingService;
  }

  /** A service by its name or signing name. */
  service(name: string): ServiceDefinition | undefined {
    return this.services.find((d) => d.name === name) ?? this.bySigningName.get(name);
  }

  /** `signingService`: the service the credential scope names, if any. */
  route(req: RawRequest, signingService: string | undefined): Route {
    const scoped = signingService === undefined ? undefined : this.bySigningName.get(signingService);
    const target = req.headers["x-amz-target"];
    if (target !== undefined) {
      const def = this.byTargetPrefix.get(target.slice(0, target.lastIndexOf(".")));
      if (def) return { def, protocol: awsJson };
      // AWS answers a target no service serves with UnknownOperationException, in the JSON format.
      const render = scoped?.model.protocol === "json" ? scoped : this.jsonServices[0];
      return { def: render, protocol: awsJson, unknownService: true };
    }
    const contentType = req.headers["content-type"] ?? "";
    if (scoped?.model.protocol === "json" && contentType.startsWith("application/x-amz-json")) return { def: scoped, protocol: awsJson };
    if (scoped?.model.protocol === "rest-json") return { def: scoped, protocol: restJson(scoped.model) };
    // Unsigned: a REST service whose routes take the request (a path of its own), before the query services' fallback.
    if (scoped === undefined && req.path !== "/") {
      const rest = this.restServices.find((d) => routesTo(d.model, req));
      if (rest) return { def: rest, protocol: restJson(rest.model) };
    }
    const formBody = req.method === "POST" && (contentType === "" || contentType.startsWith("application/x-www-form-urlencoded"));
    const form = readForm(req.query, formBody ? req.body.toString("utf8") : undefined);
    let def = scoped && isQuery(scoped) ? scoped : undefined;
    if (!def) {
      const version = form.get("Version");
      const action = form.get("Action") ?? "";
      // Unsigned and unversioned: the service that has the action, else the first query service listed.
      def =
        (version && this.byQueryVersion.get(version)) ||
        this.queryServices.find((d) => d.model.operations.has(action)) ||
        this.queryServices[0];
    }
    return { def, protocol: protocolOf(def.model), form };
  }
}
