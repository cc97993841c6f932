// GET/POST /_imagelite/clock: see, advance, freeze or release the clock that lifecycles read.
import type { Route } from "./route";
import { AdminError, json, parseJsonBody } from "./json";
import { CLOCK_MAX_MS, isClockTime, type ClockMode } from "../../state/clock";
import type { ClockView } from "./api-types";

const view = (clock: { now(): number; getMode(): ClockMode }): ClockView => ({
  now: new Date(clock.now()).toISOString(),
  mode: clock.getMode(),
});

export const clockRoutes: Route[] = [
  { method: "GET", pattern: /^\/_imagelite\/clock$/, handle: (app) => json(200, view(app.clock)) },
  {
    method: "POST",
    pattern: /^\/_imagelite\/clock$/,
    handle(app, req) {
      const body = parseJsonBody(req.body);
      const { mode, advanceSeconds } = body;
      if (mode !== undefined && mode !== "manual" && mode !== "real") {
        throw new AdminError(400, "InvalidClockMode", 'mode must be "manual" or "real".');
      }
      if (advanceSeconds !== undefined && (typeof advanceSeconds !== "number" || !Number.isFinite(advanceSeconds) || advanceSeconds < 0)) {
        throw new AdminError(400, "InvalidAdvance", "advanceSeconds must be a non-negative number.");
      }
      // Checked before anything changes: a refused advance leaves mode and time as they were.
      if (advanceSeconds !== undefined && !isClockTime(app.clock.now() + advanceSeconds * 1000)) {
        throw new AdminError(
          400,
          "InvalidAdvance",
          `advanceSeconds would move the clock past ${new Date(CLOCK_MAX_MS).toISOString()}, the latest time it can show.`,
        );
      }
      if (mode !== undefined) app.clock.setMode(mode);
      if (advanceSeconds !== undefined) app.clock.advance(advanceSeconds);
      return json(200, view(app.clock));
    },
  },
];
