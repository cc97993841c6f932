// The picture of a resource's lineage and reach (an AMI's: ResourceDetail.links): what it comes from on the left,
// its copies on the right, and below it whom it is shared with, what uses it and its snapshots. Every node with a
// page of its own is a link to it.
import { h } from "../dom.js";
import { href } from "../router.js";
import type { Link } from "../../../src/operator/admin/api-types.js";

const NS = "http://www.w3.org/2000/svg";
const W = 230;
const H = 48;
const GAP = 14;
const COL = [0, 300, 600];
const WIDTH = COL[2] + W;

type SvgAttrs = Record<string, string | number | undefined>;

function svg(tag: string, attrs: SvgAttrs = {}, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A node at (x, y): its id, then what it is; a link to its page when it has one. */
function node(link: Link | undefined, x: number, y: number, center = false, title?: string): SVGElement {
  const id = link?.id ?? title ?? "";
  const detail = [link?.label, link?.name, link?.state].filter(Boolean).join(" · ");
  const box = svg(
    "g",
    { class: `ln-node ln-${center ? "self" : (link?.relation ?? "self")}${link && !link.kind && !center ? " ln-nopage" : ""}` },
    svg("title", {}, [id, detail].filter(Boolean).join("\n")),
    svg("rect", { x, y, width: W, height: H, rx: 8 }),
    svg("text", { x: x + 12, y: y + 20, class: "ln-id" }, cut(id, 30)),
    svg("text", { x: x + 12, y: y + 38, class: "ln-detail" }, cut(detail, 33)),
  );
  if (!link?.kind || !link.account || !link.region) return box;
  const a = svg("a", { href: href(["resources", link.kind, link.account, link.region, link.id]), "data-relation": link.relation });
  a.setAttribute("aria-label", `${link.label ?? link.relation} ${link.id}`);
  a.append(box);
  return a;
}

/** A curve from (x1, y1) to (x2, y2), leaving and arriving horizontally (or vertically). */
function edge(x1: number, y1: number, x2: number, y2: number, vertical = false): SVGElement {
  const d = vertical
    ? `M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2}`
    : `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`;
  return svg("path", { d, class: "ln-edge" });
}

/** The picture of `links` around the resource `selfId` (with `selfDetail` under its id). */
export function lineagePicture(selfId: string, selfDetail: string, links: Link[]): HTMLElement {
  const of = (...relations: Link["relation"][]) => links.filter((l) => relations.includes(l.relation));
  const left = of("parent", "source-instance");
  const right = of("copy");
  const below: [string, Link[]][] = [
    ["Shared with", of("share")],
    ["Used by", of("use")],
    ["Snapshots", of("snapshot")],
  ];
  const rows = Math.max(1, left.length, right.length);
  const band = rows * (H + GAP) - GAP;
  const stack = (n: number) => (band - (n * (H + GAP) - GAP)) / 2;
  const cy = stack(1);
  const parts: SVGElement[] = [];

  left.forEach((l, i) => {
    const y = stack(left.length) + i * (H + GAP);
    parts.push(edge(COL[0] + W, y + H / 2, COL[1], cy + H / 2), node(l, COL[0], y));
  });
  right.forEach((l, i) => {
    const y = stack(right.length) + i * (H + GAP);
    parts.push(edge(COL[1] + W, cy + H / 2, COL[2], y + H / 2), node(l, COL[2], y));
  });
  const self: Link = { relation: "parent", id: selfId, label: selfDetail };
  parts.push(node(self, COL[1], cy, true));
  if (!left.length) parts.push(svg("text", { x: COL[0], y: cy + H / 2 + 4, class: "ln-empty" }, "made from its own snapshots"));
  if (!right.length) parts.push(svg("text", { x: COL[2], y: cy + H / 2 + 4, class: "ln-empty" }, "no copies"));

  // Below: one column per relation, a heading, its nodes, and a curve down from the resource to each heading.
  const top = band + 56;
  let height = top;
  below.forEach(([title, list], c) => {
    const x = COL[c];
    parts.push(edge(COL[1] + W / 2, cy + H, x + W / 2, top - 18, true));
    parts.push(svg("text", { x: x + W / 2, y: top - 4, class: "ln-heading", "text-anchor": "middle" }, title));
    if (!list.length) {
      parts.push(svg("text", { x: x + W / 2, y: top + 24, class: "ln-empty", "text-anchor": "middle" }, "none"));
      height = Math.max(height, top + 40);
    }
    list.forEach((l, i) => {
      const y = top + 8 + i * (H + GAP);
      parts.push(node(l, x, y));
      height = Math.max(height, y + H + 4);
    });
  });

  const picture = svg("svg", {
    class: "lineage",
    viewBox: `-2 -2 ${WIDTH + 4} ${height + 4}`,
    width: WIDTH + 4,
    "data-testid": "lineage",
    role: "group",
    "aria-label": `Lineage and reach of ${selfId}`,
  });
  for (const p of parts) picture.append(p);
  return h("div", { class: "lineage-scroll" }, picture as unknown as HTMLElement);
}
