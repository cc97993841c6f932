// Which service a request is for, and in which protocol it speaks: the X-Amz-Target prefix (AWS JSON),
// the credential scope's service, or the query's Version and Action. Knows services only by what their
// definitions declare (model, signing name, target prefix, API version), never by name.
import type { Protocol, RawRequest } from "../protocols/protocol";
import { awsJson } from "../protocols/aws-json";
import { awsQuery, ec2Query, readForm } from "../protocols/query";
import type { ServiceDefinition } from "./service";

const PROTOCOLS: Record<string, Protocol> = { json: awsJson, ec2: ec2Query, query: awsQuery };

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

  constructor(readonly services: ServiceDefinition[]) {
    for (const def of services) {
      this.bySigningName.set(def.model.signingName, def);
      if (def.model.targetPrefix) this.byTargetPrefix.set(def.model.targetPrefix, def);
      if (def.model.protocol !== "json") this.byQueryVersion.set(def.model.apiVersion, def);
    }
    this.queryServices = services.filter((d) => d.model.protocol !== "json");
    this.jsonServices = services.filter((d) => d.model.protocol === "json");
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
    const formBody = req.method === "POST" && (contentType === "" || contentType.startsWith("application/x-www-form-urlencoded"));
    const form = readForm(req.query, formBody ? req.body.toString("utf8") : undefined);
    let def = scoped?.model.protocol !== "json" ? scoped : undefined;
    if (!def) {
      const version = form.get("Version");
      const action = form.get("Action") ?? "";
      // Unsigned and unversioned: the service that has the action, else the first query service listed.
      def =
        (version && this.byQueryVersion.get(version)) ||
        this.queryServices.find((d) => d.model.operations.has(action)) ||
        this.queryServices[0];
    }
    return { def, protocol: PROTOCOLS[def.model.protocol], form };
  }
}
