// The JSON bodies of the admin routes, as the routes build them and the dashboard (ui/) reads them. Types only,
// and no imports: the dashboard's browser build imports this file as it is, without Node's types or any other
// module of the server.

/** GET /_imagelite/health. */
export interface Health {
  status: "running" | "unavailable";
  version: string;
  services: string[];
  /** Only when the store cannot serve. */
  store?: { state: string; since: string; message?: string };
}

/** GET and POST /_imagelite/clock. */
export interface ClockView {
  now: string;
  mode: "manual" | "real";
}

/** A fault rule as GET /_imagelite/faults lists it: the rule, its id, and the calls it has matched so far. */
export interface FaultRuleEntry {
  id: string;
  service: string;
  operation: string;
  accountId?: string;
  region?: string;
  resource?: string;
  times?: number;
  probability?: number;
  latencyMs?: number;
  error?: { code: string; message?: string; status?: number };
  lifecycle?: { outcome: "fail"; reason?: string };
  matched: number;
}

export interface FaultList {
  faults: FaultRuleEntry[];
}

/** A kind of resource the dashboard browses (GET /_imagelite/resources/kinds). */
export interface ResourceKind {
  /** Its store type: `ec2.image`. */
  kind: string;
  service: string;
  label: string;
  lifecycle?: boolean;
  sharing?: boolean;
}

export interface KindList {
  kinds: ResourceKind[];
}

/** An account and the regions where it holds resources (GET /_imagelite/resources/accounts). */
export interface AccountRegions {
  account: string;
  regions: string[];
}

export interface AccountList {
  accounts: AccountRegions[];
}

export interface ResourceItem {
  kind: string;
  account: string;
  region: string;
  id: string;
  name?: string;
  state?: string;
  created?: string;
}

/** GET /_imagelite/resources: one page of a kind. */
export interface ResourcePage {
  items: ResourceItem[];
  next?: string;
  /** Too many matches to order in full: each page is ordered on its own. */
  sortLimited?: boolean;
}

/** A state of a resource's lifecycle, past or to come. */
export interface TimelineEntry {
  state: string;
  at: string;
  past: boolean;
}

/** Who a resource is shared with, and what they may do with it. */
export interface Share {
  /** An account id, "all", or an organization's or OU's ARN. */
  principal: string;
  kind: "account" | "public" | "organization" | "ou";
  /** e.g. ["launch"], ["createVolume"], ["allowFleet", "allowImageBuilder"]. */
  permissions: string[];
}

/** How a resource is linked to the one a page shows, in the picture of its lineage and reach. */
export type LinkRelation = "parent" | "source-instance" | "copy" | "share" | "use" | "snapshot";

/** A resource linked to the one a page shows: a node of its picture, and a link to its own page when it has one. */
export interface Link {
  relation: LinkRelation;
  id: string;
  /** The kind of its page (`ec2.image`); with account and region, where that page is. None: it has no page. */
  kind?: string;
  account?: string;
  region?: string;
  /** What it is, in a few words: "instance", "launch template", "Amazon's AMI", "public". */
  label?: string;
  name?: string;
  state?: string;
}

/** GET /_imagelite/resources/<kind>/<account>/<region>/<id>. */
export interface ResourceDetail extends ResourceItem {
  /** The resource as its owner's describe call returns it. */
  resource: unknown;
  timeline?: TimelineEntry[];
  sharing?: Share[];
  /** What it comes from and what uses it (an AMI's parent, copies, shares, users and snapshots). */
  links?: Link[];
}

/** A call of the request tail, as GET /_imagelite/requests lists it and each `request` event carries it. */
export interface RequestSummary {
  id: string;
  time: string;
  service: string;
  operation: string;
  account: string;
  region: string;
  status: number;
  error?: string;
  micros: number;
  faults?: string[];
}

export interface RequestList {
  requests: RequestSummary[];
}

/** A body as the tail shows it: its first bytes, and its whole size when it was cut. */
export interface ShownBody {
  body: string;
  truncated?: boolean;
  bytes?: number;
}

/** GET /_imagelite/requests/<id>: the call with its request and response (secrets redacted). */
export interface RequestDetail extends RequestSummary {
  /** A call made in process (a seed file, an admin route) has method "-" and path "(in process)". */
  request: ShownBody & { method: string; path: string; headers: Record<string, string> };
  /** An in-process call's has neither status nor headers. */
  response: ShownBody & { status?: number; headers?: Record<string, string> };
}
