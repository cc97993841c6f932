// Routes under /_imagelite/: health, the clock, and what the real services do without a public API.
import { timingSafeEqual } from "node:crypto";
import type { RawRequest, RawResponse } from "../../protocols/protocol";
import type { App } from "../../runtime/app-types";
import type { Route } from "./route";
import type { Health } from "./api-types";
import { VERSION } from "../../runtime/version";
import { ServiceError } from "../../errors/service-error";
import { StoreUnavailableError } from "../../state/store-unavailable";
import { AdminError, adminError, json, parseJsonBody } from "./json";
import { clockRoutes } from "./clock-routes";
import { appstreamRoutes } from "./appstream-routes";
import { faultRoutes } from "./fault-routes";
import { quotaRoutes } from "./quota-routes";
import { stateRoutes } from "./state-routes";
import { requestRoutes } from "./request-routes";
import { resourceRoutes } from "./resource-routes";
import { DEFAULT_UI_DIR, isUiPath, staticUi } from "./static-ui";

export function adminRouter(app: App): (req: RawRequest) => RawResponse | Promise<RawResponse> {
  const health: Route = {
    method: "GET",
    pattern: /^\/_imagelite\/health$/,
    handle: (a) => {
      const services = a.services.map((s) => s.name);
      const store = a.store.condition?.() ?? { state: "ok" };
      if (store.state === "ok") return json(200, { status: "running", version: VERSION, services } satisfies Health);
      // The store cannot serve (unreachable, damaged): 503, so that a load balancer or orchestrator sees it.
      return json(503, {
        status: "unavailable",
        version: VERSION,
        services,
        store: { state: store.state, since: new Date(store.since).toISOString(), message: store.message },
      } satisfies Health);
    },
  };
  // With --admin off only health answers: a shared imagelite cannot be reset or steered from outside.
  const routes: Route[] =
    app.config.admin === "off"
      ? [health]
      : [health, ...clockRoutes, ...faultRoutes, ...quotaRoutes, ...stateRoutes, ...appstreamRoutes, ...resourceRoutes, ...requestRoutes];
  // The dashboard's files need no token: the page asks for it before it calls the routes.
  const ui = app.config.admin === "off" ? undefined : staticUi(app.config.uiDir ?? DEFAULT_UI_DIR);
  return (req) => {
    try {
      if (ui && isUiPath(req.path)) return ui(req);
      // Health reads nothing of the shared store, so that it answers while the store cannot.
      if (req.path !== "/_imagelite/health") app.control?.refresh();
      if (app.config.auth === "strict" && req.path !== "/_imagelite/health" && !bearerMatches(req, app.config.adminToken)) {
        throw new AdminError(401, "Unauthorized", "The admin routes need the header Authorization: Bearer <admin token>.");
      }
      let pathMatched = false;
      for (const route of routes) {
        const m = route.pattern.exec(req.path);
        if (!m) continue;
        pathMatched = true;
        if (route.method === req.method) {
          const answer = route.handle(app, req, decodeParams(m));
          return answer instanceof Promise ? answer.catch(failed) : answer;
        }
      }
      throw pathMatched
        ? new AdminError(405, "MethodNotAllowed", `${req.method} is not allowed on ${req.path}.`)
        : new AdminError(404, "UnknownRoute", `No admin route ${req.method} ${req.path}.`);
    } catch (e) {
      return failed(e);
    }
    function failed(e: unknown): RawResponse {
      if (e instanceof AdminError) return adminError(e);
      if (e instanceof ServiceError) return json(e.status, { code: e.code, message: e.message });
      // Told once by the store when it became so (app.ts).
      if (e instanceof StoreUnavailableError) return json(503, { code: "ServiceUnavailable", message: e.message });
      app.log.failure(`admin ${req.method} ${req.path}`, e);
      return json(500, { code: "InternalError", message: "The admin request failed unexpectedly." });
    }
  };
}

export { parseJsonBody };

/** Route parameters arrive %-encoded; a malformed escape is the caller's mistake, not the server's. */
function decodeParams(m: RegExpExecArray): RegExpExecArray {
  for (let i = 1; i < m.length; i++) {
    if (m[i] === undefined) continue;
    try {
      m[i] = decodeURIComponent(m[i]);
    } catch {
      throw new AdminError(400, "InvalidPath", `The path segment ${JSON.stringify(m[i].slice(0, 100))} is not valid %-encoding.`);
    }
  }
  return m;
}

function bearerMatches(req: RawRequest, token: string | undefined): boolean {
  const header = req.headers["authorization"] ?? "";
  if (!token || !header.startsWith("Bearer ")) return false;
  const a = Buffer.from(header.slice("Bearer ".length));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
