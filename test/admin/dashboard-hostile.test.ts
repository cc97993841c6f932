// Any query string, path segment or token a caller makes up gets a JSON answer from the dashboard's routes:
// 200, or a 4xx with a code and a message; never a 5xx, never a crash.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, useServer } from "../support/server";
import { registerAmi } from "../ec2/helpers";

const PARAMS = ["kind", "account", "region", "q", "sort", "order", "limit", "next", "service", "status", "x"];
const VALUES = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "ec2.image",
    "appstream.image",
    "id",
    "name",
    "state",
    "created",
    "asc",
    "desc",
    "0",
    "500",
    "501",
    "-1",
    "1e2",
    "ok",
    "error",
  ),
  fc.base64String({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const PATHS = ["/_imagelite/resources", "/_imagelite/requests", "/_imagelite/resources/kinds", "/_imagelite/requests/stream"];

describe("dashboard routes under made-up input", () => {
  const fx = useServer();
  let server: Imagelite;
  before(async () => {
    server = fx.server;
    await registerAmi(fx.ec2(ACCOUNT_A), "hostile");
  });

  async function answer(path: string): Promise<void> {
    const controller = new AbortController();
    const res = await fetch(`${server.endpoint}${path}`, { signal: controller.signal });
    assert.ok(res.status < 500, `${path}: ${res.status}`);
    if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
      controller.abort();
      return;
    }
    const body = (await res.json()) as { code?: string; message?: string };
    if (res.status >= 400) assert.ok(typeof body.code === "string" && typeof body.message === "string", path);
  }

  it("answers any query string with JSON and no server error", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        fc.array(fc.tuple(fc.constantFrom(...PARAMS), VALUES), { maxLength: 6 }),
        async (path, params) => {
          const q = new URLSearchParams();
          for (const [k, v] of params) q.append(k, v);
          await answer(`${path}?${q}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers any detail path with JSON and no server error", async () => {
    // fetch resolves "." and ".." segments before sending; the raw ones are in dashboard-access.test.ts.
    const segment = fc.oneof(
      fc
        .string({ minLength: 1, maxLength: 30 })
        .filter((s) => s !== "." && s !== "..")
        .map(encodeURIComponent),
      fc.constantFrom("ec2.image", ACCOUNT_A, "us-east-1", "%", "%zz", "...", "%2F", "%00", "ami-0123456789abcdef0"),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom("resources", "requests"), async (parts, base) => {
        await answer(`/_imagelite/${base}/${parts.join("/")}`);
      }),
      { numRuns: 300 },
    );
  });
});
