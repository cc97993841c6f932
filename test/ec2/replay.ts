// What the replays of real tools' call sequences share: the SDK's own waiters run against the manual clock
// (each poll is followed by the poll delay on the clock, so that states move exactly as they would between a
// tool's polls, with no real sleep), and a log of the EC2 operations the clients sent, in order.
import assert from "node:assert/strict";
import type { EC2Client } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";

type Waiter<I> = (params: { client: EC2Client; maxWaitTime: number; minDelay: number; maxDelay: number }, input: I) => Promise<unknown>;

let names = 0;
/** Clients whose requests are a waiter's polls now. */
const waiting = new WeakSet<EC2Client>();

/**
 * Runs an SDK waiter (waitUntil…) as a tool does, `delaySeconds` apart on the manual clock; fails when the tool
 * would give up, after `maxWaitSeconds` of clock. Returns how many polls it took.
 */
export async function waitOnClock<I>(
  server: Imagelite,
  client: EC2Client,
  waiter: Waiter<I>,
  input: I,
  delaySeconds: number,
  maxWaitSeconds: number,
): Promise<number> {
  const name = `advance-clock-${++names}`;
  let polls = 0;
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } finally {
        polls++;
        server.clock.advance(delaySeconds);
      }
    },
    { step: "initialize", name },
  );
  waiting.add(client);
  try {
    // The real sleeps between polls are a millisecond: the clock, not the timer, makes the states move.
    await waiter({ client, maxWaitTime: 30, minDelay: 0.001, maxDelay: 0.001 }, input);
  } finally {
    waiting.delete(client);
    client.middlewareStack.remove(name);
  }
  assert.ok(polls * delaySeconds <= maxWaitSeconds, `the waiter took ${polls} polls of ${delaySeconds} s: longer than the tool waits`);
  return polls;
}

/** Records, in order, the operation of every request the clients send (across accounts and regions); a waiter's polls are one `Op*`. */
export function callLog(...clients: EC2Client[]): string[] {
  const log: string[] = [];
  for (const c of clients) {
    c.middlewareStack.remove("call-log");
    c.middlewareStack.add(
      (next, context) => async (args) => {
        const op = (context as { commandName?: string }).commandName!.replace(/Command$/, "");
        const entry = waiting.has(c) ? `${op}*` : op;
        if (!(entry.endsWith("*") && log[log.length - 1] === entry)) log.push(entry);
        return next(args);
      },
      { step: "initialize", name: "call-log" },
    );
  }
  return log;
}

/**
 * Terraform's StateChangeConf: `delaySeconds` on the clock before the first refresh, then at least
 * `minTimeoutSeconds` between refreshes, until `done` holds; fails after `timeoutSeconds` of clock.
 */
export async function pollOnClock<T>(
  server: Imagelite,
  refresh: () => Promise<T>,
  done: (value: T) => boolean,
  { delaySeconds, minTimeoutSeconds, timeoutSeconds }: { delaySeconds: number; minTimeoutSeconds: number; timeoutSeconds: number },
): Promise<T> {
  server.clock.advance(delaySeconds);
  for (let waited = delaySeconds; waited <= timeoutSeconds; waited += minTimeoutSeconds) {
    const value = await refresh();
    if (done(value)) return value;
    server.clock.advance(minTimeoutSeconds);
  }
  throw new Error(`still waiting after ${timeoutSeconds} s`);
}
