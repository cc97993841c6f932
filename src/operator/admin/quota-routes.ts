// /_imagelite/quotas: read and change EC2's On-Demand instance quotas (services/ec2/instances/quota-records.ts), for one
// account and region (accountId and region together) or for every account (neither).
//   GET    /_imagelite/quotas[?accountId=&region=]   each quota's value, default, where the value comes from,
//                                                    and, for an account and region, what its instances use
//   POST   /_imagelite/quotas  {"accountId"?, "region"?, "quotas": {"L-1216C47A": 64, "instances": null}}
//                                                    sets values (null forgets one: the next level applies)
//   DELETE /_imagelite/quotas[?accountId=&region=]   forgets every value set at that level
import type { App } from "../../runtime/app-types";
import type { Route } from "./route";
import type { Partition } from "../../state/store";
import { inPartition, type Scope } from "../../state/collection";
import { isRegion } from "../../util/regions";
import { AdminError, json, parseJsonBody } from "./json";
import { onlyParams, textParam } from "./query-params";
import { GLOBAL_QUOTAS, QUOTAS, quotaSpec, quotaValue, quotaValues } from "../../services/ec2/instances/quota-records";
import { usage } from "../../services/ec2/instances/launch-quotas";

/** Larger than any quota EC2 grants, small enough that vCPU arithmetic stays exact. */
const MAX_VALUE = 1_000_000_000;

interface Level {
  accountId?: string;
  region?: string;
  partition: Partition;
}

function levelOf(accountId: unknown, region: unknown): Level {
  if (accountId === undefined && region === undefined) return { partition: GLOBAL_QUOTAS };
  if (typeof accountId !== "string" || !/^[0-9]{12}$/.test(accountId))
    throw new AdminError(400, "InvalidAccountId", "accountId must be 12 digits, given together with region.");
  if (typeof region !== "string" || !isRegion(region))
    throw new AdminError(400, "InvalidRegion", "region must be an AWS Region name, given together with accountId.");
  return { accountId, region, partition: { account: accountId, region } };
}

function levelFromQuery(req: Parameters<Route["handle"]>[1]): Level {
  onlyParams(req, ["accountId", "region"]);
  return levelOf(textParam(req, "accountId"), textParam(req, "region"));
}

const scopeOf = (app: App, p: Partition): Scope => ({ store: app.store, partition: p, now: app.clock.now() });

function view(app: App, level: Level) {
  const s = scopeOf(app, level.partition);
  const global = inPartition(s, GLOBAL_QUOTAS);
  const own = level.accountId === undefined ? undefined : s;
  const used = own && usage(own);
  return {
    ...(level.accountId === undefined ? {} : { accountId: level.accountId, region: level.region }),
    quotas: QUOTAS.map((q) => ({
      code: q.code,
      name: q.name,
      unit: q.unit,
      value: quotaValue(s, q.code),
      defaultValue: q.defaultValue,
      setFor: own && quotaValues.get(own, q.code) ? "account" : quotaValues.get(global, q.code) ? "global" : null,
      ...(used ? { usage: q.unit === "instances" ? used.instances : (used.vcpus.get(q.code) ?? 0) } : {}),
    })),
  };
}

export const quotaRoutes: Route[] = [
  { method: "GET", pattern: /^\/_imagelite\/quotas$/, handle: (app, req) => json(200, view(app, levelFromQuery(req))) },
  {
    method: "POST",
    pattern: /^\/_imagelite\/quotas$/,
    handle(app, req) {
      const body = parseJsonBody(req.body);
      const level = levelOf(body.accountId, body.region);
      const changes = body.quotas;
      if (changes === null || typeof changes !== "object" || Array.isArray(changes) || !Object.keys(changes).length)
        throw new AdminError(400, "InvalidQuotas", 'quotas must be an object of quota codes and values, e.g. {"L-1216C47A": 64}.');
      const entries = Object.entries(changes as Record<string, unknown>);
      // Every change is checked before any is made.
      for (const [code, value] of entries) {
        if (!quotaSpec(code))
          throw new AdminError(
            400,
            "UnknownQuota",
            `Unknown quota ${JSON.stringify(code.slice(0, 100))}; one of ${QUOTAS.map((q) => q.code).join(", ")}.`,
          );
        if (value !== null && (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_VALUE))
          throw new AdminError(400, "InvalidQuotaValue", `The value of ${code} must be a whole number from 0 to ${MAX_VALUE}, or null.`);
      }
      const s = scopeOf(app, level.partition);
      app.store.transaction(() => {
        for (const [code, value] of entries) {
          if (value === null) quotaValues.delete(s, code);
          else quotaValues.put(s, { code, value: value as number });
        }
      });
      app.log.info(
        `quotas ${level.accountId ? `of ${level.accountId} in ${level.region}` : "of every account"}: ${JSON.stringify(changes)}`,
      );
      return json(200, view(app, level));
    },
  },
  {
    method: "DELETE",
    pattern: /^\/_imagelite\/quotas$/,
    handle(app, req) {
      const level = levelFromQuery(req);
      const s = scopeOf(app, level.partition);
      app.store.transaction(() => {
        for (const q of QUOTAS) quotaValues.delete(s, q.code);
      });
      return json(200, view(app, level));
    },
  },
];
