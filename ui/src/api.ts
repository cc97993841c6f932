// The admin API client: JSON over fetch, the admin token (under --auth strict) from sessionStorage, and
// errors as ApiError with the server's code and message.
const BASE = "/_imagelite/";
const TOKEN_KEY = "imagelite.adminToken";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function adminToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setAdminToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function authHeaders(): Record<string, string> {
  const t = adminToken();
  return t ? { authorization: `Bearer ${t}` } : {};
}

type TokenPrompt = (failed: boolean) => Promise<string | null>;
let promptForToken: TokenPrompt | undefined;
let pendingPrompt: Promise<string | null> | undefined;

/** The dialog that asks for the admin token when a route answers 401; set once by main. */
export function onUnauthorized(prompt: TokenPrompt): void {
  promptForToken = prompt;
}

/** Set when the reader closed the prompt: refused requests then fail instead of asking again and again. */
let declined = false;

let onDeclined: (() => void) | undefined;

/** Called when a request is refused for want of a token the reader chose not to give. */
export function onTokenDeclined(l: () => void): void {
  onDeclined = l;
}

/** Asks for the token once even when several requests are refused at the same time. */
async function askForToken(): Promise<boolean> {
  if (!promptForToken) return false;
  if (declined) {
    onDeclined?.();
    return false;
  }
  pendingPrompt ??= promptForToken(adminToken() !== null).finally(() => (pendingPrompt = undefined));
  const token = await pendingPrompt;
  if (!token) {
    declined = true;
    onDeclined?.();
    return false;
  }
  setAdminToken(token);
  return true;
}

/** After the prompt was closed: asks again, on the reader's request. */
export async function signIn(): Promise<boolean> {
  declined = false;
  return askForToken();
}

export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  for (;;) {
    const res = await fetch(BASE + path, {
      method,
      signal,
      headers: { accept: "application/json", ...(body !== undefined ? { "content-type": "application/json" } : {}), ...authHeaders() },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    if (res.status === 401 && (await askForToken())) continue;
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      throw new ApiError(res.status, "InvalidResponse", `The server answered ${res.status} with something other than JSON.`);
    }
    if (!res.ok) {
      const e = parsed as { code?: string; message?: string };
      throw new ApiError(res.status, e.code ?? `HTTP${res.status}`, e.message ?? res.statusText);
    }
    return parsed as T;
  }
}

export const get = <T>(path: string, signal?: AbortSignal) => request<T>("GET", path, undefined, signal);
export const post = <T>(path: string, body: unknown) => request<T>("POST", path, body);
export const del = <T>(path: string) => request<T>("DELETE", path);

/** A query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export const seg = encodeURIComponent;

/**
 * Follows a Server-Sent Events stream until `signal` aborts, reconnecting after a drop. Read through fetch
 * rather than EventSource, which cannot send the Authorization header that --auth strict asks for.
 */
export async function eventStream(
  path: string,
  onEvent: (event: string, data: string) => void,
  onState: (connected: boolean) => void,
  signal: AbortSignal,
): Promise<void> {
  let delay = 500;
  // Sent back on reconnecting, so that the server replays what was missed while away.
  let lastId: string | undefined;
  while (!signal.aborted) {
    try {
      const res = await fetch(BASE + path, {
        headers: { accept: "text/event-stream", ...(lastId ? { "last-event-id": lastId } : {}), ...authHeaders() },
        signal,
      });
      if (res.status === 401) {
        // Without a token, try again later: the reader may still give one.
        if (!(await askForToken())) {
          await new Promise((r) => setTimeout(r, 5000));
        }
        continue;
      }
      if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
      onState(true);
      delay = 500;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
          let event = "message";
          const data: string[] = [];
          for (const line of block.split(/\r?\n/)) {
            if (line.startsWith(":")) continue;
            const colon = line.indexOf(":");
            const key = colon < 0 ? line : line.slice(0, colon);
            const val = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
            if (key === "event") event = val;
            else if (key === "data") data.push(val);
            else if (key === "id") lastId = val;
          }
          if (data.length) onEvent(event, data.join("\n"));
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    onState(false);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 5000);
  }
}
