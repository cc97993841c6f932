// /_imagelite/faults: register, list and remove fault rules (see src/faults/faults.ts).
import type { Route } from "./router";
import { AdminError, json, parseJsonBody } from "./json";
import { FaultRuleError, parseRule } from "../faults/faults";

export const faultRoutes: Route[] = [
  { method: "GET", pattern: /^\/_imagelite\/faults$/, handle: (app) => json(200, { faults: app.faults.list() }) },
  {
    method: "POST", pattern: /^\/_imagelite\/faults$/,
    handle(app, req) {
      const body = parseJsonBody(req.body);
      const known = new Set(app.services.map((s) => s.name));
      try {
        const rule = parseRule(body);
        if (!known.has(rule.service)) throw new FaultRuleError(`Unknown service ${rule.service}; one of ${[...known].join(", ")}.`);
        const def = app.services.find((s) => s.name === rule.service)!;
        if (rule.operation !== "*" && !def.model.operations.has(rule.operation)) {
          throw new FaultRuleError(`${rule.service} has no operation ${rule.operation}.`);
        }
        const id = app.faults.add(rule);
        app.log.info(`fault rule ${id} added: ${JSON.stringify(rule)}`);
        return json(200, { id });
      } catch (e) {
        if (e instanceof FaultRuleError) throw new AdminError(400, "InvalidFaultRule", e.message);
        throw e;
      }
    },
  },
  { method: "DELETE", pattern: /^\/_imagelite\/faults$/, handle: (app) => { app.faults.clear(); return json(200, { faults: [] }); } },
  {
    method: "DELETE", pattern: /^\/_imagelite\/faults\/([^/]+)$/,
    handle(app, _req, m) {
      if (!app.faults.remove(decodeURIComponent(m[1]))) throw new AdminError(404, "FaultNotFound", `No fault rule ${m[1]}.`);
      return json(200, { id: m[1] });
    },
  },
];
