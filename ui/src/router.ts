// Hash routes: #/<section>/<segment>/...?<params>. Segments are %-encoded, so ids with slashes (SSM
// parameter names) survive the trip.
export interface Route {
  path: string[];
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const raw = location.hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const pathPart = q < 0 ? raw : raw.slice(0, q);
  const path = pathPart
    .split("/")
    .filter((s) => s !== "")
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { path, params: new URLSearchParams(q < 0 ? "" : raw.slice(q + 1)) };
}

export function href(path: string[], params?: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v) q.set(k, v);
  const s = q.toString();
  return `#/${path.map(encodeURIComponent).join("/")}${s ? `?${s}` : ""}`;
}

/** Records the view's own state (search, sort, page size) in the address without rendering again. */
export function replaceParams(path: string[], params: Record<string, string | undefined>): void {
  history.replaceState(null, "", href(path, params));
}
