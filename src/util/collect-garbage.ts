// A full garbage collection, asked for once: after a large seed the process holds what parsing the seed file
// and building its records left behind (a few hundred MB for 100,000 AMIs) until V8 gets round to it, and a
// server that has just started is idle, so that is the time to give it back. V8 exposes its collector to a
// context made after the flag is set; nothing else of the flag applies to the server's own code.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}
