// A table with sortable column headers (aria-sort) whose rows open a detail: the first link of a row is its
// keyboard target, and a click anywhere on the row follows it. Sorting and paging happen on the server: the
// table only reports which header was chosen.
import { h, replace, type Child } from "./dom.js";

export interface Column<T> {
  label: string;
  /** The server's sort key; the header is a button when set. */
  sort?: string;
  className?: string;
  render(row: T): Child;
}

export interface Sort {
  key: string;
  order: "asc" | "desc";
}

export interface DataTable<T> {
  el: HTMLElement;
  setRows(rows: T[], key: (row: T) => string): void;
  setSort(sort: Sort | undefined): void;
  setBusy(busy: boolean): void;
}

export function dataTable<T>(opts: {
  caption: string;
  columns: Column<T>[];
  empty: string;
  sort?: Sort;
  onSort?(sort: Sort): void;
  testId?: string;
}): DataTable<T> {
  let sort = opts.sort;
  const head = h("tr");
  const body = h("tbody");
  const table = h(
    "table",
    { class: "data", "data-testid": opts.testId },
    h("caption", { class: "visually-hidden" }, opts.caption),
    h("thead", null, head),
    body,
  );
  const wrap = h("div", { class: "table-wrap", role: "region", "aria-label": opts.caption, tabindex: 0 }, table);

  const renderHead = () => {
    replace(
      head,
      opts.columns.map((c) => {
        const active = sort && c.sort === sort.key;
        const ariaSort = active ? (sort!.order === "asc" ? "ascending" : "descending") : c.sort ? "none" : undefined;
        const content = c.sort
          ? h(
              "button",
              {
                type: "button",
                class: "sort",
                onclick: () => {
                  sort = { key: c.sort!, order: active && sort!.order === "asc" ? "desc" : "asc" };
                  renderHead();
                  opts.onSort?.(sort);
                },
              },
              c.label,
              h("span", { class: "sort-mark", "aria-hidden": "true" }, active ? (sort!.order === "asc" ? "▲" : "▼") : "↕"),
            )
          : c.label;
        return h("th", { scope: "col", class: c.className?.includes("num") ? "num" : undefined, "aria-sort": ariaSort }, content);
      }),
    );
  };
  renderHead();

  // A row click follows the row's link, unless the click was on a control or a text selection.
  body.addEventListener("click", (e) => {
    const target = e.target as HTMLElement;
    if (target.closest("a, button, input, select") || getSelection()?.toString()) return;
    const link = target.closest("tr")?.querySelector<HTMLAnchorElement>("a[href]");
    link?.click();
  });

  return {
    el: wrap,
    setRows(rows, key) {
      // Keep keyboard focus on the same row's link across a refresh.
      const focusedKey = (document.activeElement as HTMLElement | null)?.closest?.("tr")?.dataset.key;
      const focusInBody = body.contains(document.activeElement);
      replace(
        body,
        rows.length
          ? rows.map((r) =>
              h(
                "tr",
                { "data-key": key(r) },
                opts.columns.map((c) => h("td", { class: c.className }, c.render(r))),
              ),
            )
          : h("tr", { class: "empty" }, h("td", { colspan: opts.columns.length }, opts.empty)),
      );
      if (focusInBody && focusedKey !== undefined) {
        const row = [...body.rows].find((tr) => tr.dataset.key === focusedKey);
        row?.querySelector<HTMLElement>("a, button")?.focus();
      }
    },
    setSort(s) {
      sort = s;
      renderHead();
    },
    setBusy(busy) {
      table.setAttribute("aria-busy", String(busy));
    },
  };
}
