// Requests: a live tail of the request log over Server-Sent Events, filtered by service, outcome and text;
// choosing a request shows its parameters and the response beside the list.
import { get, query, seg } from "../api.js";
import { debounce, field, h, replace } from "../dom.js";
import { duration, formParams, prettyBody, utcDateTime, utcTime } from "../format.js";
import { isConnected, onConnection, onRequest } from "../live.js";
import { href, replaceParams } from "../router.js";
import { dataTable } from "../table.js";
import type { Health, RequestDetail, RequestList, RequestSummary } from "../../../src/operator/admin/api-types.js";
import { errorLine, type ViewContext } from "./view.js";

const MAX_ROWS = 500;

export async function requestsView({ root, route, signal }: ViewContext): Promise<void> {
  const filter = {
    service: route.params.get("service") ?? "",
    status: route.params.get("status") ?? "",
    q: route.params.get("q") ?? "",
  };
  let selected: string | undefined = route.path[1];
  let rows: RequestSummary[] = [];
  let paused = false;
  let missed = 0;
  let arrived: RequestSummary[] = [];
  let flush: ReturnType<typeof setTimeout> | undefined;

  const { services } = await get<Health>("health", signal);
  const serviceSelect = h(
    "select",
    { id: "req-service" },
    h("option", { value: "" }, "All services"),
    services.map((s) => h("option", { value: s, selected: s === filter.service }, s)),
  );
  const statusSelect = h(
    "select",
    { id: "req-status" },
    [
      ["", "Any outcome"],
      ["ok", "Succeeded"],
      ["error", "Failed"],
    ].map(([v, l]) => h("option", { value: v, selected: v === filter.status }, l)),
  );
  const search = h("input", {
    id: "req-search",
    type: "search",
    value: filter.q,
    placeholder: "operation, error, account…",
    autocomplete: "off",
  });
  const liveBadge = h("span", { class: "badge", "data-testid": "live-state" });
  const pause = h("button", { type: "button", class: "btn", "aria-pressed": "false" }, "Pause");
  const error = errorLine();
  const detail = h("section", {
    class: "card request-detail",
    "aria-label": "Request detail",
    "data-testid": "request-detail",
    hidden: true,
  });
  const params = () => ({ service: filter.service, status: filter.status, q: filter.q });

  const table = dataTable<RequestSummary>({
    caption: "Requests, newest first",
    testId: "request-table",
    empty: "No requests yet: point a client at this server and its calls appear here as they happen.",
    columns: [
      {
        label: "Time (UTC)",
        className: "nowrap mono",
        render: (r) => h("time", { datetime: r.time, title: utcDateTime(r.time) }, utcTime(r.time)),
      },
      { label: "Service", render: (r) => r.service },
      {
        label: "Operation",
        render: (r) =>
          h(
            "a",
            {
              href: href(["requests", r.id], params()),
              "aria-current": r.id === selected ? "true" : undefined,
              onclick: (e: Event) => open(e, r.id),
            },
            r.operation,
          ),
      },
      { label: "Account", className: "mono", render: (r) => r.account },
      { label: "Region", render: (r) => r.region },
      {
        label: "Status",
        className: "num",
        render: (r) => h("span", { class: `badge ${r.status < 400 ? "state-good" : "state-bad"}` }, String(r.status)),
      },
      { label: "Error", className: "mono", render: (r) => r.error ?? "" },
      { label: "Fault rule", className: "mono", render: (r) => (r.faults?.length ? r.faults.map((f) => f.slice(0, 8)).join(", ") : "") },
      { label: "Took", className: "num nowrap", render: (r) => duration(r.micros) },
    ],
  });

  replace(
    root,
    h("div", { class: "view-head" }, h("h1", { tabindex: -1 }, "Requests"), h("div", { class: "head-actions" }, liveBadge, pause)),
    h(
      "div",
      { class: "toolbar" },
      field("Service", serviceSelect),
      field("Outcome", statusSelect),
      h("div", { class: "field grow" }, h("label", { for: search.id }, "Filter"), search),
    ),
    error,
    h("div", { class: "split" }, table.el, detail),
  );

  const matches = (r: RequestSummary) => {
    if (filter.service && r.service !== filter.service) return false;
    if (filter.status === "ok" && r.status >= 400) return false;
    if (filter.status === "error" && r.status < 400) return false;
    if (filter.q) {
      const q = filter.q.toLowerCase();
      return [r.operation, r.error ?? "", r.account, r.region, r.service, r.id].some((s) => s.toLowerCase().includes(q));
    }
    return true;
  };
  const render = () => table.setRows(rows, (r) => r.id);
  const showLive = () => {
    const on = isConnected();
    liveBadge.textContent = paused ? `Paused${missed ? ` · ${missed} new` : ""}` : on ? "Live" : "Reconnecting…";
    liveBadge.className = `badge ${paused ? "badge-frozen" : on ? "badge-real" : "state-bad"}`;
  };

  async function load() {
    try {
      const { requests } = await get<RequestList>(
        `requests${query({ limit: 200, service: filter.service, status: filter.status, q: filter.q })}`,
        signal,
      );
      rows = requests;
      missed = 0;
      error.clear();
      render();
      showLive();
    } catch (e) {
      if (!signal.aborted) error.show(e);
    }
  }

  async function showDetail(id: string | undefined) {
    selected = id;
    for (const a of table.el.querySelectorAll<HTMLAnchorElement>("tbody a")) {
      if (a.closest("tr")?.dataset.key === id) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    }
    if (!id) {
      detail.hidden = true;
      return;
    }
    try {
      const d = await get<RequestDetail>(`requests/${seg(id)}`, signal);
      renderDetail(detail, d, () => {
        replaceParams(["requests"], params());
        void showDetail(undefined);
        // Back to the request in the list that was open.
        table.el.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(id)}"] a`)?.focus();
      });
      detail.hidden = false;
      detail.querySelector<HTMLElement>("h2")?.focus();
    } catch (e) {
      if (!signal.aborted) error.show(e);
    }
  }

  function open(e: Event, id: string) {
    e.preventDefault();
    history.pushState(null, "", href(["requests", id], params()));
    void showDetail(id);
  }

  const refilter = () => {
    replaceParams(selected ? ["requests", selected] : ["requests"], params());
    void load();
  };
  serviceSelect.addEventListener("change", () => {
    filter.service = serviceSelect.value;
    refilter();
  });
  statusSelect.addEventListener("change", () => {
    filter.status = statusSelect.value;
    refilter();
  });
  search.addEventListener(
    "input",
    debounce(() => {
      filter.q = search.value.trim();
      refilter();
    }, 200),
  );
  pause.addEventListener("click", () => {
    paused = !paused;
    pause.textContent = paused ? "Resume" : "Pause";
    pause.setAttribute("aria-pressed", String(paused));
    if (!paused && missed) void load();
    showLive();
  });

  onConnection(showLive, signal);
  onRequest((r) => {
    if (!matches(r)) return;
    if (paused) {
      missed++;
      showLive();
      return;
    }
    arrived.push(r);
    // A burst of calls redraws the table a few times a second, not once a call.
    flush ??= setTimeout(() => {
      flush = undefined;
      const known = new Set(rows.map((x) => x.id));
      rows = [...arrived.reverse().filter((x) => !known.has(x.id)), ...rows].slice(0, MAX_ROWS);
      arrived = [];
      render();
    }, 150);
  }, signal);
  signal.addEventListener("abort", () => clearTimeout(flush));

  showLive();
  await load();
  if (selected) await showDetail(selected);
}

function renderDetail(el: HTMLElement, d: RequestDetail, close: () => void): void {
  const contentType = Object.entries(d.request.headers).find(([k]) => k.toLowerCase() === "content-type")?.[1];
  const form = formParams(d.request.body, contentType);
  const target = Object.entries(d.request.headers).find(([k]) => k.toLowerCase() === "x-amz-target")?.[1];
  const kv = (pairs: [string, string][], label: string) =>
    h(
      "table",
      { class: "data compact kv", "aria-label": label },
      h(
        "tbody",
        null,
        pairs.map(([k, v]) => h("tr", null, h("th", { scope: "row", class: "mono" }, k), h("td", { class: "mono wrap" }, v))),
      ),
    );
  replace(
    el,
    h(
      "div",
      { class: "card-head" },
      h("h2", { tabindex: -1 }, `${d.service} ${d.operation}`),
      h("button", { type: "button", class: "btn small", onclick: close, "aria-label": "Close request detail" }, "Close"),
    ),
    h(
      "dl",
      { class: "facts" },
      [
        ["Time", `${utcDateTime(d.time)} UTC`],
        ["Account", d.account],
        ["Region", d.region],
        ["Status", String(d.status)],
        ["Error", d.error],
        ["Fault rules", d.faults?.join(", ")],
        ["Took", duration(d.micros)],
        ["Request", d.request.method === "-" ? d.request.path : `${d.request.method} ${d.request.path}`],
        ["Target", target],
      ]
        .filter(([, v]) => v)
        .map(([k, v]) => [h("dt", null, k), h("dd", { class: "mono wrap" }, v!)]),
    ),
    h("h3", null, "Parameters"),
    form && !d.request.truncated
      ? kv(form, "Request parameters")
      : d.request.body
        ? h("pre", { class: "json", tabindex: 0 }, d.request.truncated ? d.request.body : prettyBody(d.request.body))
        : h("p", { class: "muted" }, "No body."),
    cutNote(d.request),
    h("h3", null, "Response"),
    d.response.body
      ? h(
          "pre",
          { class: "json", tabindex: 0, "data-testid": "response-body" },
          d.response.truncated ? d.response.body : prettyBody(d.response.body),
        )
      : h("p", { class: "muted" }, "Empty body."),
    cutNote(d.response),
    h("details", null, h("summary", null, "Request headers"), kv(Object.entries(d.request.headers), "Request headers")),
    d.response.headers
      ? h("details", null, h("summary", null, "Response headers"), kv(Object.entries(d.response.headers), "Response headers"))
      : null,
  );
}

/** The request log keeps the first 64 KiB of a body: say so when this one was longer. */
function cutNote(part: { truncated?: boolean; bytes?: number }): HTMLElement | null {
  if (!part.truncated) return null;
  const size = part.bytes !== undefined ? ` of ${part.bytes.toLocaleString("en")} bytes` : "";
  return h("p", { class: "note" }, `Only the first 64 KiB${size} were kept.`);
}
