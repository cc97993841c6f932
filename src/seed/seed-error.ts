// What seed lists (declared by each service) and the seed loader share.
export class SeedError extends Error {}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export const without = (e: Record<string, unknown>, ...keys: string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k)));
