// What seed lists (declared by each service) and the seed loader share.
export class SeedError extends Error {}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The entry without some of its members (those a seed adds to an operation's input). */
export function without(e: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(e)) {
    if (keys.includes(k)) continue;
    // A member named __proto__ (JSON.parse makes it an own member) stays one, rather than a new prototype.
    if (k === "__proto__") Object.defineProperty(out, k, { value: e[k], writable: true, enumerable: true, configurable: true });
    else out[k] = e[k];
  }
  return out;
}
