// /_imagelite/faults: register, list and remove fault rules (see src/operator/faults/faults.ts).
import type { Route } from "./route";
import { AdminError, json, parseJsonBody } from "./json";
import { FaultRuleError } from "../faults/faults";
import { checkedRule } from "../control/fault-rules";
import type { FaultList } from "./api-types";

export const faultRoutes: Route[] = [
  { method: "GET", pattern: /^\/_imagelite\/faults$/, handle: (app) => json(200, { faults: app.faults.list() } satisfies FaultList) },
  {
    method: "POST",
    pattern: /^\/_imagelite\/faults$/,
    handle(app, req) {
      try {
        const rule = checkedRule(app, parseJsonBody(req.body));
        const id = app.faults.add(rule);
        app.log.info(`fault rule ${id} added: ${JSON.stringify(rule)}`);
        return json(200, { id });
      } catch (e) {
        if (e instanceof FaultRuleError) throw new AdminError(400, e.code, e.message);
        throw e;
      }
    },
  },
  {
    method: "DELETE",
    pattern: /^\/_imagelite\/faults$/,
    handle: (app) => {
      app.faults.clear();
      return json(200, { faults: [] } satisfies FaultList);
    },
  },
  {
    method: "DELETE",
    pattern: /^\/_imagelite\/faults\/([^/]+)$/,
    handle(app, _req, m) {
      if (!app.faults.remove(m[1])) throw new AdminError(404, "FaultNotFound", `No fault rule ${m[1]}.`);
      return json(200, { id: m[1] });
    },
  },
];
