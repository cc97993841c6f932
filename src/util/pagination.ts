// Opaque pagination tokens: the sort key of the last item served, so that pages never repeat or skip
// an item, whatever is inserted between calls, and each page costs O(page).
import { createHmac } from "node:crypto";

// A fixed key makes tokens tamper-evident (a forged or truncated token is refused) and keeps them valid across restarts.
const KEY = "imagelite-pagination-v1";

function mac(payload: string): string {
  return createHmac("sha256", KEY).update(payload).digest("base64url").slice(0, 16);
}

export function encodeToken(scope: string, lastKey: string): string {
  const payload = Buffer.from(JSON.stringify([scope, lastKey])).toString("base64url");
  return `${payload}.${mac(payload)}`;
}

/** The last key a token carries, or undefined when the token is not one this server made for scope. */
export function decodeToken(scope: string, token: string): string | undefined {
  const dot = token.lastIndexOf(".");
  if (dot < 0) return undefined;
  const payload = token.slice(0, dot);
  if (mac(payload) !== token.slice(dot + 1)) return undefined;
  try {
    const [s, key] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as [string, string];
    return s === scope && typeof key === "string" ? key : undefined;
  } catch {
    return undefined;
  }
}
