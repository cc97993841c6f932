// The dashboard's entry: the clock bar, the live request stream, the admin token prompt, and the router
// that renders one view per section.
import { onTokenDeclined, onUnauthorized, signIn } from "./api.js";
import { mountClock } from "./clock.js";
import { askAdminToken } from "./dialog.js";
import { h, replace } from "./dom.js";
import { startLive } from "./live.js";
import { currentRoute } from "./router.js";
import { faultsView } from "./views/faults.js";
import { requestsView } from "./views/requests.js";
import { resourceDetailView } from "./views/resource-detail.js";
import { resourcesView } from "./views/resources.js";
import { stateView } from "./views/state.js";
import type { View } from "./views/view.js";

const SECTIONS: Record<string, { title: string; view: (path: string[]) => View }> = {
  resources: { title: "Resources", view: (p) => (p.length >= 5 ? resourceDetailView : resourcesView) },
  requests: { title: "Requests", view: () => requestsView },
  faults: { title: "Faults", view: () => faultsView },
  state: { title: "State", view: () => stateView },
};

const main = document.getElementById("main")!;
let current: AbortController | undefined;
let firstRender = true;

async function render(): Promise<void> {
  const route = currentRoute();
  const section = SECTIONS[route.path[0] ?? ""] ? route.path[0] : "resources";
  if (route.path[0] !== section) {
    history.replaceState(null, "", "#/resources");
    route.path = ["resources"];
  }
  current?.abort();
  const controller = new AbortController();
  current = controller;
  for (const a of document.querySelectorAll<HTMLAnchorElement>("nav.sections a")) {
    if (a.dataset.section === section) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  const { title, view } = SECTIONS[section];
  const detail = section === "resources" ? route.path[4] : undefined;
  document.title = `${detail ? `${detail} · ` : ""}${title} · imagelite`;
  const root = h("div", { class: "view" });
  try {
    await view(route.path)({ root, route, signal: controller.signal });
  } catch (e) {
    if (controller.signal.aborted) return;
    replace(root, h("h1", { tabindex: -1 }, title), h("p", { class: "error", role: "alert" }, (e as Error).message));
  }
  if (controller.signal.aborted) return;
  replace(main, root);
  // Move focus to the new view's heading when the reader navigated, so that keyboard and screen reader
  // users start at the top of what changed.
  if (!firstRender) root.querySelector<HTMLElement>("h1")?.focus({ preventScroll: false });
  firstRender = false;
}

// The skip link moves focus without touching the address, which the router owns.
document.querySelector(".skip-link")?.addEventListener("click", (e) => {
  e.preventDefault();
  main.focus();
});
onUnauthorized(askAdminToken);
// Once the token prompt is closed, a banner offers it again instead of the page asking at every refusal.
const banner = h(
  "div",
  { class: "banner", role: "alert", hidden: true },
  "This server needs its admin token (--auth strict). ",
  h(
    "button",
    {
      type: "button",
      class: "btn primary small",
      onclick: async () => {
        if (!(await signIn())) return;
        banner.hidden = true;
        await render();
      },
    },
    "Enter the admin token",
  ),
);
main.before(banner);
onTokenDeclined(() => (banner.hidden = false));
mountClock(document.getElementById("clock")!);
startLive();
window.addEventListener("hashchange", () => void render());
void render();
