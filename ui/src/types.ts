// The bodies of the admin routes the dashboard reads (see the dashboard contract and src/admin/).
export interface Kind {
  kind: string;
  service: string;
  label: string;
  lifecycle?: boolean;
  sharing?: boolean;
}

export interface AccountRegions {
  account: string;
  regions: string[];
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

export interface ResourcePage {
  items: ResourceItem[];
  next?: string;
  sortLimited?: boolean;
}

export interface TimelineEntry {
  state: string;
  at: string;
  past: boolean;
}

export interface SharingEntry {
  principal: string;
  kind: "account" | "public" | "organization" | "ou" | string;
  permissions: string[];
}

export interface ResourceDetail {
  kind: string;
  account: string;
  region: string;
  id: string;
  resource: unknown;
  timeline?: TimelineEntry[];
  sharing?: SharingEntry[];
}

export interface RequestEntry {
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

export interface RequestDetail extends RequestEntry {
  /** A call made in process (a seed file, an admin route) has method "-" and path "(in process)". */
  request: { method: string; path: string; headers: Record<string, string>; body: string; truncated?: boolean; bytes?: number };
  response: { status?: number; headers?: Record<string, string>; body: string; truncated?: boolean; bytes?: number };
}

export interface FaultRule {
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

export interface ClockView {
  now: string;
  mode: "manual" | "real";
}

export interface Health {
  status: string;
  version: string;
  services: string[];
}
