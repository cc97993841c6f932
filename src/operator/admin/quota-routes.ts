// /_imagelite/quotas: read and change account quotas, for one account and region (accountId and region together)
// or for every account (neither). `service` picks the book: `ec2` (the default), EC2's On-Demand instance quotas
// (services/ec2/instances/quota-records.ts), or `appstream`, AppStream's resource quotas (services/appstream/quotas.ts).
//   GET    /_imagelite/quotas[?service=&accountId=&region=]   each quota's value, default, where the value comes
//                                                              from, and, for an account and region, its usage
//   POST   /_imagelite/quotas  {"service"?, "accountId"?, "region"?, "quotas": {"L-1216C47A": 64, "instances": null}}
//                                                              sets values (null forgets one: the next level applies)
//   DELETE /_imagelite/quotas[?service=&accountId=&region=]   forgets every value set at that level
import type { App } from "../../runtime/app-types";
import type { Route } from "./route";
import type { Partition } from "../../state/store";
import { inPartition, type Collection, type Scope } from "../../state/collection";
import { isRegion } from "../../util/regions";
import { AdminError, json, parseJsonBody } from "./json";
import { onlyParams, textParam } from "./query-params";
import { GLOBAL_QUOTAS, QUOTAS, quotaValue, quotaValues } from "../../services/ec2/instances/quota-records";
import { usage } from "../../services/ec2/instances/launch-quotas";
import { APPSTREAM_QUOTAS, GLOBAL_APPSTREAM_QUOTAS, appstreamQuotaValue, appstreamQuotaValues } from "../../services/appstream/quotas";

/** Larger than any quota EC2 grants, small enough that vCPU arithmetic stays exact. */
const MAX_VALUE = 1_000_000_000;

/** One service's quotas: what they are, where values are kept, and what an account uses. */
interface QuotaBook {
  quotas: readonly { code: string; name: string; unit?: string; defaultValue: number | null }[];
  values: Collection<{ code: string; value: number }>;
  global: Partition;
  value(s: Scope, code: string): number | null;
  /** The account's usage of each quota, by code. */
  usage(s: Scope): (code: string) => number;
}

const BOOKS: Record<string, QuotaBook> = {
  ec2: {
    quotas: QUOTAS,
    values: quotaValues,
    global: GLOBAL_QUOTAS,
    value: quotaValue,
    usage(s) {
      const used = usage(s);
      return (code) => (code === "instances" ? used.instances : (used.vcpus.get(code) ?? 0));
    },
  },
  appstream: {
    quotas: APPSTREAM_QUOTAS,
    values: appstreamQuotaValues,
    global: GLOBAL_APPSTREAM_QUOTAS,
    value: appstreamQuotaValue,
    usage: (s) => (code) => APPSTREAM_QUOTAS.find((q) => q.code === code)!.used(s),
  },
};

function bookOf(service: unknown): QuotaBook {
  if (service === undefined) return BOOKS.ec2;
  if (typeof service !== "string" || !Object.prototype.hasOwnProperty.call(BOOKS, service))
    throw new AdminError(400, "InvalidService", `service must be one of ${Object.keys(BOOKS).join(", ")}.`);
  return BOOKS[service];
}

interface Level {
  accountId?: string;
  region?: string;
  partition: Partition;
  book: QuotaBook;
}

function levelOf(book: QuotaBook, accountId: unknown, region: unknown): Level {
  if (accountId === undefined && region === undefined) return { partition: book.global, book };
  if (typeof accountId !== "string" || !/^[0-9]{12}$/.test(accountId))
    throw new AdminError(400, "InvalidAccountId", "accountId must be 12 digits, given together with region.");
  if (typeof region !== "string" || !isRegion(region))
    throw new AdminError(400, "InvalidRegion", "region must be an AWS Region name, given together with accountId.");
  return { accountId, region, partition: { account: accountId, region }, book };
}

function levelFromQuery(req: Parameters<Route["handle"]>[1]): Level {
  onlyParams(req, ["service", "accountId", "region"]);
  return levelOf(bookOf(textParam(req, "service")), textParam(req, "accountId"), textParam(req, "region"));
}

const scopeOf = (app: App, p: Partition): Scope => ({ store: app.store, partition: p, now: app.clock.now() });

function view(app: App, level: Level) {
  const { book } = level;
  const s = scopeOf(app, level.partition);
  const global = inPartition(s, book.global);
  const own = level.accountId === undefined ? undefined : s;
  const used = own && book.usage(own);
  return {
    ...(level.accountId === undefined ? {} : { accountId: level.accountId, region: level.region }),
    quotas: book.quotas.map((q) => ({
      code: q.code,
      name: q.name,
      ...(q.unit ? { unit: q.unit } : {}),
      value: book.value(s, q.code),
      defaultValue: q.defaultValue,
      setFor: own && book.values.get(own, q.code) ? "account" : book.values.get(global, q.code) ? "global" : null,
      ...(used ? { usage: used(q.code) } : {}),
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
      const level = levelOf(bookOf(body.service), body.accountId, body.region);
      const { book } = level;
      const changes = body.quotas;
      if (changes === null || typeof changes !== "object" || Array.isArray(changes) || !Object.keys(changes).length)
        throw new AdminError(400, "InvalidQuotas", 'quotas must be an object of quota codes and values, e.g. {"L-1216C47A": 64}.');
      const entries = Object.entries(changes as Record<string, unknown>);
      // Every change is checked before any is made.
      for (const [code, value] of entries) {
        if (!book.quotas.some((q) => q.code === code))
          throw new AdminError(
            400,
            "UnknownQuota",
            `Unknown quota ${JSON.stringify(code.slice(0, 100))}; one of ${book.quotas.map((q) => q.code).join(", ")}.`,
          );
        if (value !== null && (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_VALUE))
          throw new AdminError(400, "InvalidQuotaValue", `The value of ${code} must be a whole number from 0 to ${MAX_VALUE}, or null.`);
      }
      const s = scopeOf(app, level.partition);
      app.store.transaction(() => {
        for (const [code, value] of entries) {
          if (value === null) book.values.delete(s, code);
          else book.values.put(s, { code, value: value as number });
        }
      });
      app.log.info(
        `${body.service ?? "ec2"} quotas ${level.accountId ? `of ${level.accountId} in ${level.region}` : "of every account"}: ${JSON.stringify(changes)}`,
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
        for (const q of level.book.quotas) level.book.values.delete(s, q.code);
      });
      return json(200, view(app, level));
    },
  },
];
