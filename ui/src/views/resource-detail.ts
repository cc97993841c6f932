// One resource: the picture of its lineage and reach where it has one (an AMI's), its timeline on the clock (past
// and scheduled states), whom it is shared with, and the resource as the AWS API returns it to its owner.
import { get, seg } from "../api.js";
import { announce, h, replace } from "../dom.js";
import { span, utcDateTime, utcTime } from "../format.js";
import { onChange } from "../live.js";
import { onClockTick, serverNow } from "../clock.js";
import { href } from "../router.js";
import type { ResourceDetail, Share, TimelineEntry } from "../../../src/operator/admin/api-types.js";
import { kinds, serviceLabel } from "./resources.js";
import { errorLine, stateBadge, type ViewContext } from "./view.js";
import { lineagePicture } from "./lineage.js";

export async function resourceDetailView({ root, route, signal }: ViewContext): Promise<void> {
  const [, kindName, account, region, id] = route.path;
  const kind = (await kinds()).find((k) => k.kind === kindName);
  const label = kind?.label ?? kindName;
  const listHref = href(["resources", kindName], { account, region });
  const error = errorLine();
  const title = h("h1", { tabindex: -1, class: "mono-title" }, id);
  const subtitle = h("p", { class: "subtitle" });
  const timeline = h("section", { "aria-labelledby": "timeline-h", class: "card", hidden: true });
  const sharing = h("section", { "aria-labelledby": "sharing-h", class: "card", hidden: true });
  const lineage = h("section", { "aria-labelledby": "lineage-h", class: "card", hidden: true });
  const json = h("pre", { class: "json", "data-testid": "resource-json", tabindex: 0 });
  const copy = h("button", { type: "button", class: "btn small", onclick: () => void copyJson() }, "Copy JSON");
  const body = h(
    "section",
    { "aria-labelledby": "api-h", class: "card" },
    h("div", { class: "card-head" }, h("h2", { id: "api-h" }, "As the AWS API returns it to its owner"), copy),
    json,
  );
  replace(
    root,
    h(
      "nav",
      { class: "breadcrumb", "aria-label": "Breadcrumb" },
      h("a", { href: href(["resources", kindName]) }, kind ? serviceLabel(kind.service) : "Resources"),
      h("span", { "aria-hidden": "true" }, " / "),
      h("a", { href: listHref }, label),
    ),
    h("div", { class: "view-head" }, title, subtitle),
    error,
    lineage,
    h("div", { class: "detail-grid" }, h("div", { class: "detail-side" }, timeline, sharing), body),
  );

  let last: ResourceDetail | undefined;
  async function copyJson() {
    if (!last) return;
    await navigator.clipboard?.writeText(JSON.stringify(last.resource, null, 2)).catch(() => undefined);
    announce("Copied");
  }

  function renderTimeline(entries: TimelineEntry[] | undefined) {
    timeline.hidden = !entries;
    if (!entries) return;
    const now = serverNow();
    // The current state is the last one reached; the ones after it are still to come.
    const currentIndex = entries.reduce((acc, e, i) => (e.past ? i : acc), -1);
    replace(
      timeline,
      h("h2", { id: "timeline-h" }, "Timeline"),
      entries.length
        ? h(
            "ol",
            { class: "timeline", "data-testid": "timeline" },
            entries.map((e, i) => {
              const at = Date.parse(e.at);
              const next = entries[i + 1];
              const when =
                i === currentIndex
                  ? `since ${utcTime(e.at)}`
                  : e.past
                    ? `from ${utcTime(e.at)}${next ? ` to ${utcTime(next.at)}` : ""}`
                    : `at ${utcTime(e.at)} (in ${span(at - now)})`;
              const status = i === currentIndex ? "current" : e.past ? "past" : "scheduled";
              return h(
                "li",
                {
                  class: `tl-${status}`,
                  "data-state": e.state,
                  "data-status": status,
                  "aria-current": i === currentIndex ? "step" : undefined,
                },
                h("span", { class: "tl-dot", "aria-hidden": "true" }),
                stateBadge(e.state),
                " ",
                h("time", { datetime: e.at, title: `${utcDateTime(e.at)} UTC` }, when),
                status === "scheduled" ? h("span", { class: "visually-hidden" }, " (scheduled)") : null,
              );
            }),
          )
        : h("p", { class: "muted" }, "No states recorded."),
    );
  }

  function renderSharing(entries: Share[] | undefined) {
    sharing.hidden = !entries;
    if (!entries) return;
    replace(
      sharing,
      h("h2", { id: "sharing-h" }, "Shared with"),
      entries.length
        ? h(
            "table",
            { class: "data compact", "data-testid": "sharing" },
            h(
              "thead",
              null,
              h("tr", null, h("th", { scope: "col" }, "Principal"), h("th", { scope: "col" }, "Kind"), h("th", { scope: "col" }, "May")),
            ),
            h(
              "tbody",
              null,
              entries.map((s) =>
                h(
                  "tr",
                  null,
                  h("td", { class: "mono" }, s.principal === "all" ? "Everyone (public)" : s.principal),
                  h("td", null, s.kind),
                  h(
                    "td",
                    null,
                    s.permissions.map((p) => h("span", { class: "badge neutral" }, permissionLabel(p))),
                  ),
                ),
              ),
            ),
          )
        : h("p", { class: "muted" }, "Not shared: only its owner sees it."),
    );
  }

  let drawn = "";
  function renderLineage(d: ResourceDetail, name: string | undefined) {
    lineage.hidden = !d.links;
    if (!d.links) return;
    const key = JSON.stringify([d.links, name, d.state]);
    if (key === drawn) return;
    drawn = key;
    const self = [name, d.state].filter(Boolean).join(" · ");
    replace(lineage, h("h2", { id: "lineage-h" }, "Lineage and reach"), lineagePicture(d.id, self, d.links));
  }

  async function load() {
    try {
      const d = await get<ResourceDetail>(`resources/${seg(kindName)}/${seg(account)}/${seg(region)}/${seg(id)}`, signal);
      last = d;
      error.clear();
      const r = d.resource as Record<string, unknown> | null;
      const name = typeof r?.Name === "string" && r.Name !== id ? r.Name : undefined;
      subtitle.textContent = [label, name, `account ${d.account}`, d.region].filter(Boolean).join(" · ");
      renderTimeline(d.timeline);
      renderSharing(d.sharing);
      renderLineage(d, name);
      const text = JSON.stringify(d.resource, null, 2);
      if (json.textContent !== text) json.textContent = text;
    } catch (e) {
      if (!signal.aborted) error.show(e);
    }
  }

  await load();
  onChange(load, signal);
  onClockTick(() => last && renderTimeline(last.timeline), signal);
}

function permissionLabel(p: string): string {
  return { launch: "launch", allowFleet: "create fleets", allowImageBuilder: "create image builders" }[p] ?? p;
}
