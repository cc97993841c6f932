// What a web page may ask of imagelite. Any page the user visits can send requests to 127.0.0.1 (it cannot
// read the answers, but a reset or a CreateKeyPair needs no answer), and a hostile name re-pointed at
// 127.0.0.1 (DNS rebinding) makes the attacker's page same-origin with imagelite. Two checks stop both:
//  - Host: the browser sends the name of the URL it loaded; imagelite answers only to names that cannot be
//    rebound (IP literals, localhost, *.localhost), the address it is bound to, the machine's own host name,
//    and the names the operator allows (--allow-host).
//  - Origin and Sec-Fetch-Site: a request a page of another origin made is refused, unless the operator allows
//    that origin (--allow-origin), which then gets CORS answers. Browsers mark every request with
//    Sec-Fetch-Site and every non-GET one with Origin; SDKs and CLIs send neither.
// For an SDK the check is three header lookups and a set lookup: nothing is allocated.
import { isIP } from "node:net";
import { hostname } from "node:os";
import type { RawRequest } from "../protocols/protocol";

export interface BrowserPolicy {
  /** The address imagelite listens on (--host): clients that use it by name are answered. */
  boundHost: string;
  /** Host names answered beyond the built-in ones; "*" answers any. */
  allowHosts: readonly string[];
  /** Origins (scheme://host[:port]) whose pages may call imagelite, with CORS. */
  allowOrigins: readonly string[];
}

/** The request goes no further: the gateway words the refusal as the admin routes or the service would. */
export interface Refusal {
  refuse: "host" | "cross-site";
  message: string;
  /** The host name refused (for a log line that explains it once). */
  host?: string;
}

/** The request comes from a page of an allowed origin: its answer carries CORS headers for it. */
export interface CorsRequest {
  cors: string;
}

export type BrowserVerdict = Refusal | CorsRequest;

/** Host headers already answered: at most this many are remembered (past it, each is checked in full). */
const MAX_REMEMBERED_HOSTS = 64;

/** The headers a browser app's SDK reads from an answer, which CORS hides unless they are exposed. */
const EXPOSED = "x-amzn-requestid, x-amzn-errortype, x-amz-request-id, x-amz-id-2, date, x-imagelite-worker";

/** A header list as Access-Control-Request-Headers carries it; anything else is not echoed. */
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}...` : s);

/**
 * An origin as browsers serialize it, or undefined: scheme, host and port, lower-case, no path. The one
 * form --allow-origin accepts.
 */
export function normalOrigin(value: string): string | undefined {
  const m = /^(https?):\/\/([^/?#\s@]+?)\/?$/i.exec(value.trim());
  if (!m) return undefined;
  try {
    return new URL(`${m[1]}://${m[2]}`).origin;
  } catch {
    return undefined;
  }
}

/** A host name --allow-host accepts: letters, digits, dots, dashes and underscores, or "*". */
export const isHostName = (value: string): boolean => value === "*" || /^[a-z0-9_]([a-z0-9_.-]{0,251}[a-z0-9_])?$/i.test(value);

/** The name in a Host header, lower-case, without the port; undefined when the header is malformed. */
function nameOf(host: string): string | undefined {
  let end: number;
  if (host.startsWith("[")) {
    end = host.indexOf("]") + 1;
    if (end === 0) return undefined;
  } else {
    end = host.indexOf(":");
    if (end < 0) end = host.length;
  }
  const port = host.slice(end);
  if (port !== "" && !/^:\d{1,5}$/.test(port)) return undefined;
  return host.slice(0, end).toLowerCase();
}

/** An IP literal cannot be rebound: the page that sent it has that address for its origin. */
const isIpLiteral = (name: string) => (name.startsWith("[") ? isIP(name.slice(1, -1)) === 6 : isIP(name) === 4);

export class BrowserGuard {
  private readonly names = new Set<string>();
  private readonly anyHost: boolean;
  private readonly origins: Set<string>;
  private readonly answered = new Set<string>();

  constructor(policy: BrowserPolicy) {
    this.anyHost = policy.allowHosts.includes("*");
    for (const name of [policy.boundHost, hostname(), ...policy.allowHosts]) if (name) this.names.add(name.toLowerCase());
    this.origins = new Set(policy.allowOrigins.map((o) => normalOrigin(o) ?? o));
  }

  /** Undefined for a request to answer as usual: every SDK's and CLI's, and a same-origin page's. */
  check(req: RawRequest): BrowserVerdict | undefined {
    const h = req.headers;
    const host = h.host;
    if (host !== undefined && !this.answered.has(host) && !this.answersTo(host)) {
      const name = cut(nameOf(host) ?? host);
      // The flag is suggested only for a name it would take (never for whatever bytes a caller sent).
      const flag = name !== "*" && isHostName(name) ? ` ${name}` : " NAME";
      return {
        refuse: "host",
        host: name,
        message:
          `imagelite does not answer to the host name ${JSON.stringify(name)}: a web page could reach it under that name ` +
          `(DNS rebinding). If clients use that name, start imagelite with --allow-host${flag} (IMAGELITE_ALLOW_HOST).`,
      };
    }
    const origin = h.origin;
    const site = h["sec-fetch-site"];
    if (origin === undefined) {
      // A browser's own navigation (typed, bookmarked) or a page's request to its own origin.
      if (site === undefined || site === "same-origin" || site === "none") return undefined;
      // A link from another site to the dashboard shows it: its files change nothing.
      if (req.method === "GET" && h["sec-fetch-mode"] === "navigate" && isDashboardPath(req.path)) return undefined;
      return {
        refuse: "cross-site",
        message: `imagelite refuses requests made by web pages of other sites (Sec-Fetch-Site: ${cut(site)}).`,
      };
    }
    if (host !== undefined && isOwnOrigin(origin, host)) return undefined;
    if (this.origins.has(origin)) return { cors: origin };
    return {
      refuse: "cross-site",
      message:
        `imagelite refuses requests made by web pages of other origins (Origin: ${cut(origin)}). For a browser app that calls ` +
        `it on purpose, start imagelite with --allow-origin ${cut(origin)} (IMAGELITE_ALLOW_ORIGIN).`,
    };
  }

  /** A CORS preflight of an allowed origin: answered here, without going further. */
  preflight(req: RawRequest, origin: string): { status: number; headers: Record<string, string>; body: string } | undefined {
    if (req.method !== "OPTIONS" || req.headers["access-control-request-method"] === undefined) return undefined;
    const headers: Record<string, string> = {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": "GET, POST, DELETE",
      "access-control-max-age": "600",
      vary: "origin, access-control-request-method, access-control-request-headers",
    };
    const asked = req.headers["access-control-request-headers"];
    if (asked !== undefined && asked.length <= 2048 && HEADER_LIST.test(asked)) headers["access-control-allow-headers"] = asked;
    // Chromium asks before a page of a public address calls a private one (Private Network Access).
    if (req.headers["access-control-request-private-network"] === "true") headers["access-control-allow-private-network"] = "true";
    return { status: 204, headers, body: "" };
  }

  /** An answer to an allowed origin's page, with the headers that let it read the answer. */
  withCors<R extends { headers: Record<string, string> }>(response: R, origin: string): R {
    return {
      ...response,
      headers: { ...response.headers, "access-control-allow-origin": origin, "access-control-expose-headers": EXPOSED, vary: "origin" },
    };
  }

  private answersTo(host: string): boolean {
    const name = nameOf(host);
    if (name === undefined) return false;
    const ok = this.anyHost || isIpLiteral(name) || name === "localhost" || name.endsWith(".localhost") || this.names.has(name);
    if (ok && this.answered.size < MAX_REMEMBERED_HOSTS) this.answered.add(host);
    return ok;
  }
}

/** The page's origin is imagelite's own: the scheme (TLS may end at a proxy in front) and the Host the browser sent. */
function isOwnOrigin(origin: string, host: string): boolean {
  const scheme = origin.length - host.length;
  return (
    (scheme === 7 && origin.startsWith("http://") && origin.endsWith(host)) ||
    (scheme === 8 && origin.startsWith("https://") && origin.endsWith(host))
  );
}

const isDashboardPath = (path: string) => path === "/_imagelite/ui" || path.startsWith("/_imagelite/ui/");
