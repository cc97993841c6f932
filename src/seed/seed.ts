// Seed files (--seed FILE, JSON or YAML): a scenario that exists when imagelite starts. Each entry is
// created through the same operations a client would call, so a seed is validated like a request and
// everything it makes is consistent. Entries are made in the past, far enough back that every resource
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
import { parseYaml } from "../util/yaml";
import type { App } from "../app";
import { ServiceError } from "../errors/service-error";
import { createImageFromBuilder } from "../services/appstream/image-builders";
import { contextAt } from "../admin/context";
import { PHASE_WEIGHTS } from "../config";

export class SeedError extends Error {}

type Entry = Record<string, unknown>;
interface Place { account: string; region: string; service: string; list: string; entries: Entry[] }

const LISTS: Record<string, string[]> = {
  appstream: ["imageBuilders", "images", "imagePermissions", "fleets"],
  ec2: ["amis"],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function readSeed(path: string): unknown {
  let text: string;
  try { text = readFileSync(path, "utf8"); } catch (e) { throw new SeedError(`cannot read seed file ${path}: ${(e as Error).message}`); }
  try {
    return /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new SeedError(`seed file ${path} is not valid ${/\.json$/i.test(path) ? "JSON" : "YAML"}: ${(e as Error).message}`);
  }
}

/** Every list of the seed, with where it belongs; refuses what the format does not know. */
function places(doc: unknown): Place[] {
  if (!isObject(doc) || !isObject(doc.accounts)) throw new SeedError("a seed is an object with an `accounts` map");
  const out: Place[] = [];
  for (const [account, regions] of Object.entries(doc.accounts)) {
    if (!/^[0-9]{12}$/.test(account)) throw new SeedError(`account ${account} is not a 12-digit account id`);
    if (!isObject(regions)) throw new SeedError(`accounts.${account} must map regions to services`);
    for (const [region, services] of Object.entries(regions)) {
      if (!/^[a-z]{2}(-[a-z]+)+-[0-9]$/.test(region)) throw new SeedError(`accounts.${account}: ${region} is not a region name`);
      if (!isObject(services)) throw new SeedError(`accounts.${account}.${region} must map services to lists`);
      for (const [service, lists] of Object.entries(services)) {
        const known = LISTS[service];
        if (!known) throw new SeedError(`accounts.${account}.${region}: unknown service ${service} (${Object.keys(LISTS).join(", ")})`);
        if (!isObject(lists)) throw new SeedError(`accounts.${account}.${region}.${service} must map lists of entries`);
        for (const [list, entries] of Object.entries(lists)) {
          if (!known.includes(list)) throw new SeedError(`accounts.${account}.${region}.${service}: unknown list ${list} (${known.join(", ")})`);
          if (!Array.isArray(entries) || !entries.every(isObject)) throw new SeedError(`accounts.${account}.${region}.${service}.${list} must be a list of objects`);
          out.push({ account, region, service, list, entries: entries as Entry[] });
        }
      }
    }
  }
  return out;
}

const without = (e: Entry, ...keys: string[]) => Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k)));

/** Loads a seed document into the app; returns how many entries it made. */
export function applySeed(app: App, doc: unknown): number {
  const all = places(doc);
  const of = (service: string, list: string) => all.filter((p) => p.service === service && p.list === list);
  // Each phase starts after everything of the phase before has settled.
  const gapMs = (Math.max(...Object.values(PHASE_WEIGHTS)) * app.config.transitionSeconds * 2 + 60) * 1000;
  const phases = 6;
  let now = app.clock.now() - phases * gapMs;
  let made = 0;
  const step = () => { now += gapMs; };
  const run = (p: Place, label: string, fn: (e: Entry) => void, counts = true) => {
    p.entries.forEach((e, i) => {
      try {
        fn(e);
        if (counts) made++;
      } catch (err) {
        const what = err instanceof ServiceError ? `${err.code}: ${err.message}` : (err as Error).message;
        throw new SeedError(`accounts.${p.account}.${p.region}.${p.service}.${p.list}[${i}] (${label}): ${what}`);
      }
    });
  };
  const call = (p: Place, operation: string, input: Entry) => app.gateway.invokeAs(p.service, operation, p.account, p.region, input, now);

  for (const p of of("appstream", "imageBuilders")) run(p, "CreateImageBuilder", (e) => call(p, "CreateImageBuilder", without(e, "state")));
  step();
  for (const p of of("appstream", "images")) {
    run(p, "create image", (e) => {
      if (typeof e.ImageName !== "string" || typeof e.Builder !== "string") throw new SeedError("an image needs ImageName and Builder");
      app.store.transaction(() => createImageFromBuilder(contextAt(app, p.account, p.region, now), e.Builder as string, {
        ImageName: e.ImageName as string, DisplayName: e.DisplayName as string | undefined,
        Description: e.Description as string | undefined, Tags: e.Tags as Record<string, string> | undefined,
      }));
    });
  }
  step();
  for (const p of of("appstream", "imageBuilders")) {
    run(p, "builder state", (e) => {
      if (e.state === undefined) return;
      if (e.state !== "RUNNING" && e.state !== "STOPPED") throw new SeedError("state must be RUNNING or STOPPED");
      const { ImageBuilders } = call(p, "DescribeImageBuilders", { Names: [e.Name] }) as { ImageBuilders: { State: string }[] };
      if (e.state === "STOPPED" && ImageBuilders[0].State === "RUNNING") call(p, "StopImageBuilder", { Name: e.Name });
      if (e.state === "RUNNING" && ImageBuilders[0].State === "STOPPED") call(p, "StartImageBuilder", { Name: e.Name });
    }, false);
  }
  for (const p of of("appstream", "imagePermissions")) run(p, "UpdateImagePermissions", (e) => call(p, "UpdateImagePermissions", e));
  for (const p of of("ec2", "amis")) {
    run(p, "RegisterImage", (e) => {
      const { ImageId } = call(p, "RegisterImage", without(e, "LaunchPermissions", "Tags")) as { ImageId: string };
      const perms = e.LaunchPermissions ?? [];
      if (!Array.isArray(perms) || !perms.every((x) => typeof x === "string")) throw new SeedError("LaunchPermissions must be a list of account ids or \"all\"");
      if (perms.length) {
        call(p, "ModifyImageAttribute", { ImageId, LaunchPermission: { Add: perms.map((x) => (x === "all" ? { Group: "all" } : { UserId: x })) } });
      }
      if (e.Tags !== undefined) {
        if (!isObject(e.Tags)) throw new SeedError("Tags must map keys to values");
        call(p, "CreateTags", { Resources: [ImageId], Tags: Object.entries(e.Tags).map(([Key, Value]) => ({ Key, Value: String(Value) })) });
      }
    });
  }
  step();
  for (const p of of("appstream", "fleets")) run(p, "CreateFleet", (e) => call(p, "CreateFleet", without(e, "state")));
  step();
  for (const p of of("appstream", "fleets")) {
    run(p, "fleet state", (e) => {
      if (e.state === "RUNNING") call(p, "StartFleet", { Name: e.Name });
      else if (e.state !== undefined && e.state !== "STOPPED") throw new SeedError("state must be STOPPED or RUNNING");
    }, false);
  }
  return made;
}
