// The clock bar: the server clock's mode and time, and buttons to freeze it, advance it by a chosen step and
// return it to real time. The time ticks in the page between reads in real mode; a read every two seconds
// catches changes made elsewhere (an SDK test, the admin route).
import { get, post } from "./api.js";
import { announce, h, replace } from "./dom.js";
import { utcDateTime } from "./format.js";
import { changed } from "./live.js";
import type { ClockView } from "../../src/operator/admin/api-types.js";

const STEPS: [number, string][] = [
  [1, "1 second"],
  [5, "5 seconds"],
  [10, "10 seconds"],
  [30, "30 seconds"],
  [60, "1 minute"],
  [300, "5 minutes"],
  [3600, "1 hour"],
  [86400, "1 day"],
  [604800, "7 days"],
];

let view: ClockView | undefined;
/** Server time minus page time when last read, so that real time can tick here. */
let offset = 0;
const listeners = new Set<(now: number) => void>();

/** The server clock as the page last knew it, in ms. */
export function serverNow(): number {
  if (!view) return Date.now();
  return view.mode === "real" ? Date.now() + offset : Date.parse(view.now);
}

/** Called when the server clock is read or changed (views with relative times listen). */
export function onClockTick(l: (now: number) => void, signal: AbortSignal): void {
  listeners.add(l);
  signal.addEventListener("abort", () => listeners.delete(l), { once: true });
}

export function mountClock(root: HTMLElement): void {
  const mode = h("span", { class: "badge", "data-testid": "clock-mode" });
  const time = h("time", { class: "clock-time", "data-testid": "clock-time" });
  const freeze = h("button", { type: "button", class: "btn", onclick: () => void set({ mode: "manual" }, "Clock frozen") }, "Freeze");
  const real = h(
    "button",
    { type: "button", class: "btn", onclick: () => void set({ mode: "real" }, "Clock back to real time") },
    "Real time",
  );
  const step = h(
    "select",
    { id: "clock-step", "aria-label": "Advance step" },
    STEPS.map(([s, label]) => h("option", { value: s, selected: s === 10 }, label)),
  );
  const advance = h(
    "button",
    {
      type: "button",
      class: "btn primary",
      onclick: () => void set({ advanceSeconds: Number(step.value) }, `Clock advanced by ${step.selectedOptions[0]?.textContent}`),
    },
    "Advance",
  );
  const error = h("span", { class: "clock-error", role: "alert" });
  replace(
    root,
    h("div", { class: "clock-readout" }, mode, time),
    h("div", { class: "clock-controls" }, freeze, real, step, advance),
    error,
  );

  const render = () => {
    if (!view) return;
    const frozen = view.mode === "manual";
    mode.textContent = frozen ? "Frozen" : "Real time";
    mode.className = `badge ${frozen ? "badge-frozen" : "badge-real"}`;
    const now = new Date(serverNow()).toISOString();
    time.dateTime = now;
    time.textContent = `${utcDateTime(now)} UTC`;
    freeze.disabled = frozen;
    real.disabled = !frozen;
  };

  const accept = (v: ClockView) => {
    const before = view ? serverNow() : undefined;
    const modeChanged = view?.mode !== v.mode;
    view = v;
    offset = Date.parse(v.now) - Date.now();
    render();
    const now = serverNow();
    for (const l of listeners) l(now);
    // In real time lifecycles move on their own; in manual mode only when the time was moved.
    if (modeChanged || v.mode === "real" || before !== now) changed();
  };

  async function set(body: Record<string, unknown>, message: string) {
    error.textContent = "";
    try {
      accept(await post<ClockView>("clock", body));
      announce(`${message}: ${time.textContent}`);
    } catch (e) {
      error.textContent = (e as Error).message;
    }
  }

  const poll = async () => {
    try {
      accept(await get<ClockView>("clock"));
      error.textContent = "";
    } catch (e) {
      error.textContent = `Clock: ${(e as Error).message}`;
    }
  };
  void poll();
  setInterval(() => void poll(), 2000);
  setInterval(() => view?.mode === "real" && render(), 1000);
}
