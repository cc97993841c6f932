// The dashboard's resource browser, over the views that services declare (admin/resource-view.ts):
//   GET /_imagelite/resources/kinds                       the kinds of resource
//   GET /_imagelite/resources/accounts                    accounts and regions that hold resources
//   GET /_imagelite/resources?kind=&account=&region=&q=&sort=&order=&limit=&next=   one page of a kind
//   GET /_imagelite/resources/<kind>/<account>/<region>/<id>   one resource as its owner's API shows it
// Lists page on the server: sorted by id they are read in key order from where the last page ended, whatever
// the number of records; a search reads at most SCAN_BUDGET records per page (a page may then hold fewer
// items, and `next` goes on). Other sorts order everything when the kind holds at most SORT_CAP matches, and
// otherwise order each page of the id order alone (`sortLimited`).
import { createHash } from "node:crypto";
import type { App } from "../../runtime/app-types";
import type { Route } from "./route";
import type { RequestContext } from "../../gateway/context";
import type { Partition } from "../../state/store";
import { timings, type Timings } from "../../runtime/config";
import { AdminError, json } from "./json";
import { enumParam, intParam, onlyParams, textParam } from "./query-params";
import type { ResourceView } from "./resource-view";
import type { AccountList, KindList, ResourceDetail, ResourceItem, ResourcePage, TimelineEntry } from "./api-types";

const SORTS = ["id", "name", "state", "created"] as const;
type Sort = (typeof SORTS)[number];
type Order = "asc" | "desc";

/** Records a list reads at most per page while searching. */
export const SCAN_BUDGET = 10_000;
/** Matches a sort other than ascending ids orders in full; past it, each page is ordered on its own. */
export const SORT_CAP = 5_000;
export const MAX_LIMIT = 500;

/** Where a page ends: the last record read, in (id, account, region) order; or, ordered in full, an offset. */
interface Token {
  /** Hash of the query the token continues. */
  h: string;
  k?: [id: string, account: string, region: string];
  n?: number;
}

const views = (app: App): Map<string, { service: string; view: ResourceView }> => {
  const out = new Map<string, { service: string; view: ResourceView }>();
  for (const def of app.services) for (const v of def.dashboardViews ?? []) out.set(v.collection.type, { service: def.name, view: v });
  return out;
};

function findView(app: App, kind: string | undefined): ResourceView {
  if (kind === undefined)
    throw new AdminError(400, "MissingParameter", "Query parameter kind is required (see /_imagelite/resources/kinds).");
  const v = views(app).get(kind);
  if (!v) throw new AdminError(404, "UnknownKind", `No resource kind ${kind.slice(0, 100)} (see /_imagelite/resources/kinds).`);
  return v.view;
}

/** The partitions that hold records of a type; from the whole state only for a store that cannot say. */
function partitionsOf(app: App, type: string): Partition[] {
  if (app.store.partitions) return app.store.partitions(type);
  const seen = new Map<string, Partition>();
  for (const r of app.store.dump())
    if (r.type === type) seen.set(`${r.account}\u0000${r.region}`, { account: r.account, region: r.region });
  return [...seen.values()];
}

const comparePartitions = (a: Partition, b: Partition) =>
  a.account < b.account ? -1 : a.account > b.account ? 1 : a.region < b.region ? -1 : a.region > b.region ? 1 : 0;

/** A request context for the owner of a partition, at the clock's time: what the views render with. */
export function ownerContext(
  app: App,
  p: Partition,
  t: Timings = timings(app.config.transitionSeconds),
  now = app.clock.now(),
): RequestContext {
  return {
    service: "imagelite",
    operation: "Dashboard",
    accountId: p.account,
    region: p.region,
    requestId: "dashboard",
    now,
    store: app.store,
    timings: t,
    partition: p,
  };
}

interface Row {
  ctx: RequestContext;
  id: string;
  value: unknown;
}

/** Records of every partition, merged in (id, account, region) order, from just after `after`. */
function* merged(app: App, view: ResourceView, parts: Partition[], after?: Token["k"]): Generator<Row> {
  const t = timings(app.config.transitionSeconds);
  const now = app.clock.now();
  const heads: { ctx: RequestContext; it: Iterator<{ id: string; value: unknown }>; cur?: { id: string; value: unknown } }[] = [];
  for (const p of parts) {
    const ctx = ownerContext(app, p, t, now);
    // Past the token's partition in the order, its id itself is still to come; up to it, only the ids after.
    const beyond = after && comparePartitions(p, { account: after[1], region: after[2] }) > 0;
    const it = view.collection.entries(ctx, after ? (beyond ? { from: after[0] } : { after: after[0] }) : {});
    const first = it.next();
    if (!first.done) heads.push({ ctx, it, cur: first.value });
  }
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (!h.cur) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      const b = heads[best];
      if (h.cur.id < b.cur!.id || (h.cur.id === b.cur!.id && comparePartitions(h.ctx.partition, b.ctx.partition) < 0)) best = i;
    }
    if (best < 0) return;
    const h = heads[best];
    yield { ctx: h.ctx, id: h.cur!.id, value: h.cur!.value };
    const n = h.it.next();
    h.cur = n.done ? undefined : n.value;
  }
}

function itemOf(view: ResourceView, row: Row): ResourceItem {
  const { ctx, value } = row;
  const created = view.created?.(value);
  return {
    kind: view.collection.type,
    account: ctx.accountId,
    region: ctx.region,
    id: row.id,
    name: view.name?.(value),
    state: view.state?.(ctx, value),
    created: created === undefined ? undefined : new Date(created).toISOString(),
  };
}

const compareBy = (sort: Sort) => (a: ResourceItem, b: ResourceItem) => {
  const x = a[sort] ?? "";
  const y = b[sort] ?? "";
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : comparePartitions(a, b);
};

function encodeToken(t: Token): string {
  return Buffer.from(JSON.stringify(t)).toString("base64url");
}

function decodeToken(text: string, hash: string): Token {
  const bad = (why: string) => new AdminError(400, "InvalidNextToken", `The next token ${why}.`);
  let t: unknown;
  try {
    t = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw bad("is not one this route gave");
  }
  const o = t as Partial<Token> | null;
  const isKey = (k: unknown) => Array.isArray(k) && k.length === 3 && k.every((s) => typeof s === "string");
  if (
    typeof o !== "object" ||
    o === null ||
    typeof o.h !== "string" ||
    (o.k !== undefined && !isKey(o.k)) ||
    (o.n !== undefined && (!Number.isSafeInteger(o.n) || o.n < 0)) ||
    (o.k === undefined) === (o.n === undefined)
  )
    throw bad("is not one this route gave");
  if (o.h !== hash) throw bad("belongs to another query (kind, account, region, q, sort and order must stay the same)");
  return o as Token;
}

function listResources(app: App, req: Parameters<Route["handle"]>[1]) {
  onlyParams(req, ["kind", "account", "region", "q", "sort", "order", "limit", "next"]);
  const view = findView(app, textParam(req, "kind", 128));
  const account = textParam(req, "account", 64);
  const region = textParam(req, "region", 64);
  const q = textParam(req, "q", 256)?.toLowerCase() || undefined;
  const sort: Sort = enumParam(req, "sort", SORTS) ?? "id";
  const order: Order = enumParam(req, "order", ["asc", "desc"] as const) ?? "asc";
  const limit = intParam(req, "limit", 50, 1, MAX_LIMIT);
  const hash = createHash("sha256")
    .update(JSON.stringify([view.collection.type, account, region, q, sort, order]))
    .digest("base64url")
    .slice(0, 12);
  const nextText = textParam(req, "next", 4096);
  const token = nextText === undefined ? undefined : decodeToken(nextText, hash);

  const parts = partitionsOf(app, view.collection.type)
    .filter((p) => (account === undefined || p.account === account) && (region === undefined || p.region === region))
    .sort(comparePartitions);
  const matches = (row: Row): boolean => {
    if (!q) return true;
    if (row.id.toLowerCase().includes(q)) return true;
    return view.name?.(row.value)?.toLowerCase().includes(q) ?? false;
  };
  const kind = view.collection.type;

  // Ascending ids: keyset pages straight from the store.
  if (sort === "id" && order === "asc") return json(200, keysetPage(app, view, parts, matches, limit, token?.k));

  // Another order: in full while the matches fit under the cap; the offset says where a page starts.
  if (!token?.k) {
    const all: ResourceItem[] = [];
    let scanned = 0;
    let fits = true;
    for (const row of merged(app, view, parts)) {
      if (scanned++ >= SCAN_BUDGET || all.length >= SORT_CAP) {
        fits = false;
        break;
      }
      if (matches(row)) all.push(itemOf(view, row));
    }
    if (fits) {
      all.sort(compareBy(sort));
      if (order === "desc") all.reverse();
      const from = token?.n ?? 0;
      const items = all.slice(from, from + limit);
      const more = from + limit < all.length;
      return json(200, { items, ...(more ? { next: encodeToken({ h: hash, n: from + limit }) } : {}) } satisfies ResourcePage);
    }
    if (token?.n !== undefined)
      throw new AdminError(400, "InvalidNextToken", `The ${kind} resources changed too much for this token; start again.`);
  }
  // Too many to order in full: pages in id order, each ordered on its own.
  const page = keysetPage(app, view, parts, matches, limit, token?.k);
  page.items.sort(compareBy(sort));
  if (order === "desc") page.items.reverse();
  return json(200, { ...page, sortLimited: true } satisfies ResourcePage);

  function keysetPage(a: App, v: ResourceView, ps: Partition[], keep: (r: Row) => boolean, n: number, after?: Token["k"]): ResourcePage {
    const items: ResourceItem[] = [];
    let scanned = 0;
    let last: Token["k"] | undefined;
    let more = false;
    for (const row of merged(a, v, ps, after)) {
      if (items.length >= n || scanned >= SCAN_BUDGET) {
        more = true;
        break;
      }
      scanned++;
      last = [row.id, row.ctx.accountId, row.ctx.region];
      if (keep(row)) items.push(itemOf(v, row));
    }
    return { items, ...(more && last ? { next: encodeToken({ h: hash, k: last }) } : {}) };
  }
}

function timelineOf(view: ResourceView, value: unknown, now: number): TimelineEntry[] | undefined {
  const schedule = view.schedule?.(value);
  if (!schedule?.length) return undefined;
  return schedule.map((s) => ({ state: s.state, at: new Date(s.at).toISOString(), past: s.at <= now }));
}

const ACCOUNT_OR_PSEUDO = /^[A-Za-z0-9._-]{1,64}$/;

export const resourceRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/_imagelite\/resources\/kinds$/,
    handle(app, req) {
      onlyParams(req, []);
      const kinds = [...views(app)].map(([kind, { service, view }]) => ({
        kind,
        service,
        label: view.label,
        lifecycle: view.schedule !== undefined,
        sharing: view.sharing !== undefined,
      }));
      return json(200, { kinds } satisfies KindList);
    },
  },
  {
    method: "GET",
    pattern: /^\/_imagelite\/resources\/accounts$/,
    handle(app, req) {
      onlyParams(req, []);
      const regions = new Map<string, Set<string>>();
      for (const kind of views(app).keys()) {
        for (const p of partitionsOf(app, kind)) {
          let set = regions.get(p.account);
          if (!set) regions.set(p.account, (set = new Set()));
          set.add(p.region);
        }
      }
      const accounts = [...regions]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([account, set]) => ({ account, regions: [...set].sort() }));
      return json(200, { accounts } satisfies AccountList);
    },
  },
  { method: "GET", pattern: /^\/_imagelite\/resources$/, handle: (app, req) => listResources(app, req) },
  {
    method: "GET",
    pattern: /^\/_imagelite\/resources\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/,
    handle(app, req, m) {
      onlyParams(req, []);
      const [, kind, account, region, id] = m;
      const view = findView(app, kind);
      if (!ACCOUNT_OR_PSEUDO.test(account)) throw new AdminError(400, "InvalidAccount", "The account is not an account id.");
      if (!ACCOUNT_OR_PSEUDO.test(region)) throw new AdminError(400, "InvalidRegion", "The region is not a region name.");
      const ctx = ownerContext(app, { account, region });
      // Views only read; whatever one might write is rolled back.
      return app.store.rollback(() => {
        const value = view.collection.get(ctx, id);
        if (value === undefined) throw new AdminError(404, "ResourceNotFound", `No ${kind} ${id.slice(0, 200)} in ${account} ${region}.`);
        const timeline = timelineOf(view, value, ctx.now);
        const sharing = view.sharing?.(ctx, value);
        const links = view.links?.(ctx, value);
        return json(200, {
          ...itemOf(view, { ctx, id, value }),
          resource: view.render(ctx, value),
          ...(timeline ? { timeline } : {}),
          ...(sharing ? { sharing } : {}),
          ...(links ? { links } : {}),
        } satisfies ResourceDetail);
      });
    },
  },
];
