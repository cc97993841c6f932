// What every view gets: its root element, the route, and a signal that aborts when the page moves on.
import { h } from "../dom.js";
import type { Route } from "../router.js";

export interface ViewContext {
  root: HTMLElement;
  route: Route;
  signal: AbortSignal;
}

export type View = (ctx: ViewContext) => void | Promise<void>;

/** A view's error line: role=alert so that it is read out when it appears. */
export interface ErrorLine extends HTMLElement {
  show(e: unknown): void;
  clear(): void;
}

export function errorLine(): ErrorLine {
  const el = h("p", { class: "error", role: "alert", hidden: true });
  return Object.assign(el, {
    show(e: unknown) {
      el.textContent = e instanceof Error ? e.message : String(e);
      el.hidden = false;
    },
    clear() {
      el.textContent = "";
      el.hidden = true;
    },
  });
}

export function stateBadge(state: string | undefined): HTMLElement | string {
  if (!state) return "";
  const s = state.toLowerCase();
  const tone = /fail|error|deregister|deleted|expired|invalid/.test(s)
    ? "bad"
    : /^(available|running|active|completed|enabled|in-use|success)/.test(s)
      ? "good"
      : /pending|starting|stopping|creating|copying|importing|snapshotting|updating|deleting|rebooting|in-progress|transitioning/.test(s)
        ? "busy"
        : "neutral";
  return h("span", { class: `badge state state-${tone}` }, state);
}
