// Reset, export and import of the whole state, and the running configuration.
import type { Route } from "./route";
import type { App } from "../../runtime/app-types";
import { AdminError, json, parseJsonBody } from "./json";
import { PHASE_WEIGHTS } from "../../runtime/config";
import { exportChunks, importState, reset } from "../control/state";
import { parseStateDocument } from "./state-document";
import type { HttpResponse } from "../../runtime/http-server";

/** Filters of a reset, from the query string or a JSON body: accountId, region, service. */
function resetScope(app: App, query: URLSearchParams, body: Record<string, unknown>) {
  const pick = (k: string) => {
    const v = query.get(k) ?? body[k];
    if (v !== undefined && v !== null && typeof v !== "string") throw new AdminError(400, "InvalidParameter", `${k} must be a string.`);
    return (v ?? undefined) as string | undefined;
  };
  const accountId = pick("accountId");
  const region = pick("region");
  const service = pick("service");
  if (accountId !== undefined && !/^[0-9]{12}$/.test(accountId))
    throw new AdminError(400, "InvalidAccountId", "accountId must be 12 digits.");
  if (service !== undefined && !app.services.some((s) => s.name === service)) {
    throw new AdminError(400, "UnknownService", `Unknown service ${service}; one of ${app.services.map((s) => s.name).join(", ")}.`);
  }
  return { accountId, region, service };
}

export const stateRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/_imagelite\/reset$/,
    handle(app, req) {
      const scope = resetScope(app, req.query, parseJsonBody(req.body));
      reset(app, scope);
      app.log.info(`reset ${JSON.stringify(scope)}`);
      return json(200, { reset: scope });
    },
  },
  {
    method: "GET",
    pattern: /^\/_imagelite\/state$/,
    // Streamed: the document is as large as the state, and may not fit one string.
    handle: (app): HttpResponse => ({ status: 200, headers: { "content-type": "application/json" }, body: "", chunks: exportChunks(app) }),
  },
  {
    method: "POST",
    pattern: /^\/_imagelite\/state$/,
    handle(app, req) {
      const imported = importState(app, parseStateDocument(req.body));
      app.log.info(`state imported: ${imported} records`);
      return json(200, { imported });
    },
  },
  {
    method: "GET",
    pattern: /^\/_imagelite\/config$/,
    handle(app) {
      const c = app.config;
      return json(200, {
        host: c.host,
        port: c.port,
        store: c.inMemory ? "memory" : "sqlite",
        dataDir: c.inMemory ? undefined : c.dataDir,
        transitionSeconds: c.transitionSeconds,
        clock: app.clock.getMode(),
        admin: c.admin,
        phaseSeconds: Object.fromEntries(Object.entries(PHASE_WEIGHTS).map(([k, w]) => [k, w * c.transitionSeconds])),
      });
    },
  },
];
