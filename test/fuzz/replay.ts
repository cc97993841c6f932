// Replays the requests that succeeded against a fresh app and compares the stores.
//
// Ids: the services draw ids (ami-, import-ami-, amiur-, snap-) at random, so two runs never agree on
// them, and stores list records sorted by id. Mapping ids "in order of first appearance" breaks on
// those id-sorted lists, and a projection that ignores ids would also ignore which record a later call
// changed. Instead the id generator is made a function of the request's position in the original run
// (request number, then a counter within the request). A replayed request gets its original number, so
// it draws the same ids if and only if it does the same work: the stores can be compared exactly.
// (The patch lives in this test process only: node --test runs each test file in its own process.)
import type { App } from "../../src/runtime/app";
import type { RawRequest, RawResponse } from "../../src/protocols/protocol";

const ids = require("../../src/util/ids") as { hexId: (prefix: string, digits?: number) => string };

let current = 0;
let drawn = 0;
ids.hexId = (prefix, digits = 17) => `${prefix}-${(current * 4096 + drawn++).toString(16).padStart(digits, "0")}`;

// New key pairs (CreateKeyPair) are random too: a replayed request gets the pair its original drew.
const keys = require("../../src/util/key-generation") as { newKeyPair: (type: "rsa" | "ed25519") => unknown };
const drawKeyPair = keys.newKeyPair;
const keyPairsDrawn = new Map<string, unknown>();
keys.newKeyPair = (type) => {
  const at = `${current} ${drawn++} ${type}`;
  if (!keyPairsDrawn.has(at)) keyPairsDrawn.set(at, drawKeyPair(type));
  return keyPairsDrawn.get(at);
};

export type Event = { kind: "advance"; seconds: number } | { kind: "request"; seq: number; raw: RawRequest };

/** Sends a request as request number `seq`: the ids it draws depend on that number only. */
export async function handleAs(app: App, seq: number, raw: RawRequest): Promise<RawResponse> {
  current = seq;
  drawn = 0;
  return app.gateway.handle(raw);
}

/** Request number for a request sent some other way (over HTTP): set before it is sent. */
export function numberNext(seq: number): void {
  current = seq;
  drawn = 0;
}

export async function replay(app: App, events: Event[]): Promise<{ replayed: number; failed: string[] }> {
  const failed: string[] = [];
  let replayed = 0;
  for (const e of events) {
    if (e.kind === "advance") {
      app.clock.advance(e.seconds);
      continue;
    }
    const r = await handleAs(app, e.seq, e.raw);
    replayed++;
    if (r.status !== 200)
      failed.push(`#${e.seq} ${e.raw.headers["x-amz-target"] ?? e.raw.body.toString().slice(0, 80)} → ${r.status} ${r.body.slice(0, 200)}`);
  }
  return { replayed, failed };
}
