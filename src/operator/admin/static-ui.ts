// The dashboard's files, as the front-end build leaves them in dist/ui/: GET /_imagelite/ui/<file>. Served
// without the admin token (the page asks for it), never outside that directory: a path with `..`, `.`, an
// empty segment, a backslash, a NUL or an encoded slash is refused before the file system is asked, and what
// it names is checked to lie under the directory once links are resolved.
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { extname, join, sep } from "node:path";
import type { RawRequest } from "../../protocols/protocol";
import type { HttpResponse } from "../../runtime/http-server";
import { AdminError } from "./json";

export const DASHBOARD_HOME = "/_imagelite/ui/";
const PREFIX = "/_imagelite/ui";

/** dist/ui beside dist/src (this file is dist/src/operator/admin/static-ui.js once compiled, and in the bundle too). */
export const DEFAULT_UI_DIR = join(__dirname, "..", "..", "..", "ui");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

/**
 * The page runs only its own files and talks only to its own server; no other site may frame it (clickjacking
 * the reset button) or learn its address from a link. No inline script or style is needed, so none is allowed.
 */
const PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
    "manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
} as const;

/** A name with a content hash or a version in it (app-3f9a2c1b.js, app.1.2.0.js) never changes: cached for a year. */
const VERSIONED = /[.-]([0-9a-f]{8,}|[A-Za-z0-9_]{8,}|v?\d+\.\d+\.\d+)\.[a-z0-9]+$/i;

export const isUiPath = (path: string): boolean => path === PREFIX || path.startsWith(`${PREFIX}/`);

const notFound = (path: string) => new AdminError(404, "NotFound", `The dashboard has no file ${path.slice(0, 200)}.`);

/** The file of a request path under the directory, as path segments; refuses anything that could leave it. */
function segmentsOf(rest: string): string[] {
  if (rest === "") return ["index.html"];
  const segments = rest.split("/");
  if (segments[segments.length - 1] === "") segments[segments.length - 1] = "index.html";
  return segments.map((raw) => {
    if (/%(2f|5c|00)/i.test(raw)) throw new AdminError(400, "InvalidPath", "Encoded slashes are not allowed in a dashboard path.");
    let s: string;
    try {
      s = decodeURIComponent(raw);
    } catch {
      throw new AdminError(400, "InvalidPath", "The dashboard path is not valid %-encoding.");
    }
    if (s === "" || s === "." || s === ".." || /[\\/:]/.test(s) || s.includes("\0")) {
      throw new AdminError(
        400,
        "InvalidPath",
        "The dashboard path must name a file under the dashboard, without '.', '..' or empty parts.",
      );
    }
    return s;
  });
}

export function staticUi(dir: string): (req: RawRequest) => HttpResponse {
  return (req): HttpResponse => {
    if (req.method !== "GET") throw new AdminError(405, "MethodNotAllowed", `${req.method} is not allowed on ${req.path.slice(0, 200)}.`);
    if (req.path === PREFIX) return { status: 302, headers: { location: DASHBOARD_HOME }, body: "" };
    if (!existsSync(join(dir, "index.html"))) {
      throw new AdminError(404, "DashboardNotBuilt", `The dashboard is not built: run npm run build, which writes ${dir}.`);
    }
    const segments = segmentsOf(req.path.slice(PREFIX.length + 1));
    const root = realpathSync(dir);
    let file = join(root, ...segments);
    // A path without an extension that names no file is a page of the dashboard's own: index.html shows it.
    if (!existsSync(file) && extname(file) === "") file = join(root, "index.html");
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      throw notFound(req.path);
    }
    if (!real.startsWith(root + sep) || !statSync(real).isFile()) throw notFound(req.path);
    const isIndex = real === join(root, "index.html");
    return {
      status: 200,
      headers: {
        "content-type": TYPES[extname(real).toLowerCase()] ?? "application/octet-stream",
        "cache-control": !isIndex && VERSIONED.test(real) ? "public, max-age=31536000, immutable" : "no-cache",
        ...PAGE_HEADERS,
      },
      body: "",
      bytes: readFileSync(real),
    };
  };
}
