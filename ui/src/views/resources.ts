// Resources: the accounts and regions that hold records, one tab per service and resource kind, and a table
// paged, sorted and searched on the server.
import { ApiError, get, query } from "../api.js";
import { debounce, field, h, replace } from "../dom.js";
import { utcDateTime } from "../format.js";
import { onChange } from "../live.js";
import { href, replaceParams } from "../router.js";
import { dataTable, type Sort } from "../table.js";
import type { AccountList, ResourceKind, KindList, ResourceItem, ResourcePage } from "../../../src/operator/admin/api-types.js";
import { errorLine, stateBadge, type ViewContext } from "./view.js";

let kindsCache: Promise<ResourceKind[]> | undefined;
export function kinds(): Promise<ResourceKind[]> {
  kindsCache ??= get<KindList>("resources/kinds")
    .then((r) => r.kinds)
    .catch((e) => {
      kindsCache = undefined;
      throw e;
    });
  return kindsCache;
}

const SERVICE_LABELS: Record<string, string> = {
  ec2: "EC2",
  appstream: "AppStream 2.0",
  ssm: "Systems Manager",
  rbin: "Recycle Bin",
  sts: "STS",
};
export const serviceLabel = (s: string) => SERVICE_LABELS[s] ?? s;

const PAGE_SIZES = [25, 50, 100, 200, 500];

export async function resourcesView({ root, route, signal }: ViewContext): Promise<void> {
  const p = route.params;
  const state = {
    account: p.get("account") ?? "",
    region: p.get("region") ?? "",
    q: p.get("q") ?? "",
    sort: { key: p.get("sort") ?? "id", order: p.get("order") === "desc" ? "desc" : "asc" } as Sort,
    limit: PAGE_SIZES.includes(Number(p.get("limit"))) ? Number(p.get("limit")) : 50,
    /** Tokens of the pages before the current one; the current page's token is the last. */
    pages: [undefined] as (string | undefined)[],
    next: undefined as string | undefined,
  };
  const pageQuery = (kindName: string) =>
    `resources${query({
      kind: kindName,
      account: state.account,
      region: state.region,
      q: state.q,
      sort: state.sort.key,
      order: state.sort.order,
      limit: state.limit,
      next: state.pages[state.pages.length - 1],
    })}`;
  // When the address names the kind, its first page is asked for together with the list of kinds.
  let prefetched = route.path[1] ? get<ResourcePage>(pageQuery(route.path[1]), signal) : undefined;
  prefetched?.catch(() => undefined);
  const all = await kinds();
  if (!all.length) {
    replace(root, h("h1", { tabindex: -1 }, "Resources"), h("p", null, "This server declares no resource kinds."));
    return;
  }
  const kind = all.find((k) => k.kind === route.path[1]) ?? all[0];
  const saveParams = () =>
    replaceParams(["resources", kind.kind], {
      account: state.account,
      region: state.region,
      q: state.q,
      sort: state.sort.key === "id" && state.sort.order === "asc" ? undefined : state.sort.key,
      order: state.sort.key === "id" && state.sort.order === "asc" ? undefined : state.sort.order,
      limit: state.limit === 50 ? undefined : String(state.limit),
    });

  // Services, then the kinds of the chosen service: two rows of tabs, as links so that they can be opened,
  // bookmarked and moved through with the keyboard like any other link.
  const services = [...new Set(all.map((k) => k.service))];
  const scopeParams = () => ({ account: state.account, region: state.region });
  const serviceTabs = h(
    "nav",
    { class: "tabs", "aria-label": "Services" },
    services.map((s) => {
      const first = all.find((k) => k.service === s)!;
      return h(
        "a",
        { href: href(["resources", first.kind], scopeParams()), "aria-current": s === kind.service ? "page" : undefined },
        serviceLabel(s),
      );
    }),
  );
  const kindTabs = h(
    "nav",
    { class: "tabs subtabs", "aria-label": `${serviceLabel(kind.service)} resource types` },
    all
      .filter((k) => k.service === kind.service)
      .map((k) =>
        h(
          "a",
          {
            href: href(["resources", k.kind], scopeParams()),
            "aria-current": k.kind === kind.kind ? "page" : undefined,
            "data-kind": k.kind,
          },
          k.label,
        ),
      ),
  );

  const accountSelect = h("select", { id: "scope-account" });
  const regionSelect = h("select", { id: "scope-region" });
  const search = h("input", {
    id: "resource-search",
    type: "search",
    placeholder: "id or name",
    value: state.q,
    autocomplete: "off",
    spellcheck: "false",
  });
  const sizeSelect = h(
    "select",
    { id: "page-size" },
    PAGE_SIZES.map((n) => h("option", { value: n, selected: n === state.limit }, String(n))),
  );
  const error = errorLine();
  const note = h("p", { class: "note", hidden: true }, "Sorted within this page only: the server pages this sort by id.");

  const table = dataTable<ResourceItem>({
    caption: `${kind.label}`,
    testId: "resource-table",
    empty: state.q ? `No ${kind.label} match “${state.q}”.` : `No ${kind.label} here.`,
    sort: state.sort,
    onSort(s) {
      state.sort = s;
      state.pages = [undefined];
      saveParams();
      void load();
    },
    columns: [
      {
        label: "ID",
        sort: "id",
        className: "mono",
        render: (r) => h("a", { href: href(["resources", r.kind, r.account, r.region, r.id]) }, r.id),
      },
      { label: "Name", sort: "name", className: "wrap", render: (r) => r.name ?? "" },
      { label: "State", sort: "state", render: (r) => stateBadge(r.state) },
      { label: "Created (UTC)", sort: "created", className: "nowrap", render: (r) => (r.created ? utcDateTime(r.created) : "") },
      { label: "Account", className: "mono", render: (r) => r.account },
      { label: "Region", render: (r) => r.region },
    ],
  });

  const prev = h("button", { type: "button", class: "btn", onclick: () => move(-1) }, "← Previous");
  const nextBtn = h("button", { type: "button", class: "btn", onclick: () => move(1) }, "Next →");
  const pageInfo = h("span", { class: "page-info", "aria-live": "polite" });

  replace(
    root,
    h("div", { class: "view-head" }, h("h1", { tabindex: -1 }, "Resources")),
    h(
      "div",
      { class: "toolbar" },
      field("Account", accountSelect),
      field("Region", regionSelect),
      h("div", { class: "field grow" }, h("label", { for: search.id }, `Search ${kind.label}`), search),
    ),
    serviceTabs,
    kindTabs,
    error,
    note,
    table.el,
    h("div", { class: "pager" }, prev, pageInfo, nextBtn, h("label", { class: "inline", for: sizeSelect.id }, "Rows per page"), sizeSelect),
  );

  async function loadScopes() {
    const { accounts } = await get<AccountList>("resources/accounts", signal);
    const known = accounts.some((a) => a.account === state.account);
    replace(
      accountSelect,
      h("option", { value: "" }, "All accounts"),
      accounts.map((a) => h("option", { value: a.account, selected: a.account === state.account }, a.account)),
      state.account && !known ? h("option", { value: state.account, selected: true }, `${state.account} (empty)`) : null,
    );
    const regions = [...new Set(accounts.filter((a) => !state.account || a.account === state.account).flatMap((a) => a.regions))].sort();
    replace(
      regionSelect,
      h("option", { value: "" }, "All regions"),
      regions.map((r) => h("option", { value: r, selected: r === state.region }, r)),
      state.region && !regions.includes(state.region)
        ? h("option", { value: state.region, selected: true }, `${state.region} (empty)`)
        : null,
    );
  }

  let loadSeq = 0;
  async function load() {
    const seq = ++loadSeq;
    table.setBusy(true);
    try {
      const page = await (kind.kind === route.path[1] && prefetched ? prefetched : get<ResourcePage>(pageQuery(kind.kind), signal));
      prefetched = undefined;
      if (seq !== loadSeq) return;
      error.clear();
      state.next = page.next;
      note.hidden = !page.sortLimited;
      table.setRows(page.items, (r) => `${r.account}/${r.region}/${r.id}`);
      const first = (state.pages.length - 1) * state.limit;
      pageInfo.textContent = page.items.length
        ? `Page ${state.pages.length} · ${kind.label} ${first + 1}–${first + page.items.length}`
        : `Page ${state.pages.length}`;
      prev.disabled = state.pages.length <= 1;
      nextBtn.disabled = !page.next;
    } catch (e) {
      if (signal.aborted || seq !== loadSeq) return;
      // A page token can go stale when what it pointed at is gone: start again from the first page.
      if (e instanceof ApiError && e.status === 400 && state.pages.length > 1) {
        state.pages = [undefined];
        return load();
      }
      error.show(e);
    } finally {
      if (seq === loadSeq) table.setBusy(false);
    }
  }

  function move(delta: number) {
    if (delta > 0 && state.next) state.pages.push(state.next);
    else if (delta < 0 && state.pages.length > 1) state.pages.pop();
    void load().then(() => table.el.querySelector<HTMLElement>("tbody a")?.focus());
  }

  accountSelect.addEventListener("change", () => {
    state.account = accountSelect.value;
    state.pages = [undefined];
    saveParams();
    void loadScopes();
    void load();
  });
  regionSelect.addEventListener("change", () => {
    state.region = regionSelect.value;
    state.pages = [undefined];
    saveParams();
    void load();
  });
  search.addEventListener(
    "input",
    debounce(() => {
      if (search.value.trim() === state.q) return;
      state.q = search.value.trim();
      state.pages = [undefined];
      saveParams();
      void load();
    }, 200),
  );
  sizeSelect.addEventListener("change", () => {
    state.limit = Number(sizeSelect.value);
    state.pages = [undefined];
    saveParams();
    void load();
  });

  // The list is what the reader came for: the account and region choices fill in when they arrive.
  void loadScopes().catch((e) => signal.aborted || error.show(e));
  await load();
  onChange(() => Promise.all([loadScopes(), load()]).then(() => undefined), signal);
}
