// Seed files (--seed FILE, JSON or YAML): a scenario that exists when imagelite starts. Each entry is
// created through the same operations a client would call (the gateway's in-process calls: validation,
// faults, one transaction, a log line each; not kept in the dashboard's request history), so a seed is
// checked like a request and everything it makes is consistent. Each service declares its lists and their
// steps (seedLists on its definition). Entries are made in the past, far enough back that every resource
// has settled (builders RUNNING, images AVAILABLE) by the time the server starts.
//
// accounts:
//   "111111111111":
//     us-east-1:
//       appstream:
//         imageBuilders: [CreateImageBuilder input, + state: RUNNING | STOPPED (default: RUNNING, or STOPPED
//                          once it made an image, as the Image Assistant leaves it)]
//         images:        [{ImageName, Builder, DisplayName?, Description?, Tags?}]  (Image Assistant in Builder)
//         imagePermissions: [UpdateImagePermissions input]
//         fleets:        [CreateFleet input, + state: STOPPED (default) | RUNNING]
//       ec2:
//         amis:          [RegisterImage input, + LaunchPermissions: ["<account id>" | "all"], Tags: {k: v}]
import { readFileSync } from "node:fs";
import { parseYaml } from "../../util/yaml";
import type { App } from "../../runtime/app-types";
import { ServiceError } from "../../errors/service-error";
import { PHASE_WEIGHTS } from "../../runtime/config";
import type { SeedStep } from "../../gateway/service";
import { isObject, SeedError } from "./seed-error";

export { SeedError };

type Entry = Record<string, unknown>;
interface Place {
  account: string;
  region: string;
  service: string;
  list: string;
  entries: Entry[];
}

export function readSeed(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new SeedError(`cannot read seed file ${path}: ${(e as Error).message}`);
  }
  try {
    return /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new SeedError(`seed file ${path} is not valid ${/\.json$/i.test(path) ? "JSON" : "YAML"}: ${(e as Error).message}`);
  }
}

/** Every list of the seed, with where it belongs; refuses what no service declares. */
function places(doc: unknown, lists: Map<string, Record<string, SeedStep[]>>): Place[] {
  if (!isObject(doc) || !isObject(doc.accounts)) throw new SeedError("a seed is an object with an `accounts` map");
  const out: Place[] = [];
  for (const [account, regions] of Object.entries(doc.accounts)) {
    if (!/^[0-9]{12}$/.test(account)) throw new SeedError(`account ${account} is not a 12-digit account id`);
    if (!isObject(regions)) throw new SeedError(`accounts.${account} must map regions to services`);
    for (const [region, services] of Object.entries(regions)) {
      if (!/^[a-z]{2}(-[a-z]+)+-[0-9]$/.test(region)) throw new SeedError(`accounts.${account}: ${region} is not a region name`);
      if (!isObject(services)) throw new SeedError(`accounts.${account}.${region} must map services to lists`);
      for (const [service, given] of Object.entries(services)) {
        const known = lists.get(service);
        if (!known) throw new SeedError(`accounts.${account}.${region}: unknown service ${service} (${[...lists.keys()].join(", ")})`);
        if (!isObject(given)) throw new SeedError(`accounts.${account}.${region}.${service} must map lists of entries`);
        for (const [list, entries] of Object.entries(given)) {
          if (!known[list])
            throw new SeedError(`accounts.${account}.${region}.${service}: unknown list ${list} (${Object.keys(known).join(", ")})`);
          if (!Array.isArray(entries) || !entries.every(isObject))
            throw new SeedError(`accounts.${account}.${region}.${service}.${list} must be a list of objects`);
          out.push({ account, region, service, list, entries: entries as Entry[] });
        }
      }
    }
  }
  return out;
}

/** Loads a seed document into the app; returns how many entries it made. */
export function applySeed(app: App, doc: unknown): number {
  const lists = new Map(app.services.filter((d) => d.seedLists).map((d) => [d.name, d.seedLists!]));
  const all = places(doc, lists);
  // Each phase starts after everything of the phase before has settled.
  const gapMs = (Math.max(...Object.values(PHASE_WEIGHTS)) * app.config.transitionSeconds * 2 + 60) * 1000;
  const steps = [...lists.entries()].flatMap(([service, l]) =>
    Object.entries(l).flatMap(([list, s]) => s.map((step) => ({ service, list, step }))),
  );
  const phases = Math.max(...steps.map((s) => s.step.phase)) + 1;
  let made = 0;
  // One transaction for the whole seed (each call's joins it): a seed loads whole or not at all, and a store
  // writes its file once rather than once per call (with the room a bulk load takes, where the store has it).
  const whole = <R>(fn: () => R): R => (app.store.bulk ? app.store.bulk(fn) : app.store.transaction(fn));
  const memo = new Map<string, unknown>();
  whole(() => {
    for (let phase = 0; phase < phases; phase++) {
      const now = app.clock.now() - (phases + 1 - phase) * gapMs;
      // In the order the services declare their lists, every place of the seed that gives the list.
      for (const { service, list, step } of steps.filter((s) => s.step.phase === phase)) {
        for (const p of all.filter((x) => x.service === service && x.list === list)) {
          const call = (operation: string, input: Entry) =>
            app.gateway.invoke(service, operation, { accountId: p.account, region: p.region, now, unrecorded: true }, input);
          p.entries.forEach((e, i) => {
            try {
              step.apply(call, e, { account: p.account, region: p.region, memo });
              if (step.makes) made++;
            } catch (err) {
              const what = err instanceof ServiceError ? `${err.code}: ${err.message}` : (err as Error).message;
              throw new SeedError(`accounts.${p.account}.${p.region}.${p.service}.${p.list}[${i}] (${step.label}): ${what}`);
            }
          });
        }
      }
    }
  });
  return made;
}
