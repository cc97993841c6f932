// Starts imagelite in-process for a test file, with a manual clock so that lifecycles move only when a
// test advances them, and makes clients of the real AWS SDK that act as a given account. useServer() is the
// usual way: one server per test file (or suite), reset before each test so that every test stands alone.
import { after, before, beforeEach } from "node:test";
import { AppStreamClient } from "@aws-sdk/client-appstream";
import { STSClient } from "@aws-sdk/client-sts";
import { EC2Client } from "@aws-sdk/client-ec2";
import { SSMClient } from "@aws-sdk/client-ssm";
import { RbinClient } from "@aws-sdk/client-rbin";
import { startImagelite, type Imagelite, type StartOptions } from "../../src/index";

export const ACCOUNT_A = "111111111111";
export const ACCOUNT_B = "222222222222";
export const REGION = "us-east-1";

/** Seconds an intermediate state lasts in tests; the clock is advanced past it explicitly. */
export const T = 10;

/**
 * The time every test starts at: useServer() sets the manual clock back to it before each test, so that no
 * answer depends on the day the suite runs (the catalogs' AMIs are deprecated two years after release).
 */
export const TEST_START = Date.parse("2026-11-23T12:00:00.000Z");

export async function startTestServer(options: StartOptions = {}): Promise<Imagelite> {
  return startImagelite({ inMemory: true, transitionSeconds: T, clock: "manual", ...options });
}

/** Empties every account, region and service, drops every fault rule and puts the clock back to TEST_START, frozen. */
export function resetTestServer(server: Imagelite): void {
  server.reset();
  server.faults.clear();
  server.app.clock.restore("manual", TEST_START);
}

export interface ServerFixture {
  /** The server of the enclosing file or suite; there from its `before` hook on. */
  readonly server: Imagelite;
  /** A client acting as `account` in `region`, made once per file or suite and destroyed with the server. */
  appstream(account?: string, region?: string): AppStreamClient;
  ec2(account?: string, region?: string): EC2Client;
  sts(account?: string, region?: string): STSClient;
  ssm(account?: string, region?: string): SSMClient;
  rbin(account?: string, region?: string): RbinClient;
}

/**
 * One in-process server for the enclosing file or `describe`, started before its first test and stopped
 * after its last; before each test it is reset (resetTestServer), so that a test sees only what it and its
 * suite's `beforeEach` hooks made, and runs alone as well as in order. `options` (or a function that makes
 * them, called when the server starts) go to startTestServer.
 *
 * Read `server` in hooks registered after this call, or in tests. At the top level of a file (outside any
 * `describe`), Node 20 starts the `before` hooks all at once without waiting for one another, so read it there
 * in a `beforeEach`; within a `describe`, hooks run one after the other and a `before` is fine.
 */
export function useServer(options: StartOptions | (() => StartOptions) = {}): ServerFixture {
  let server: Imagelite | undefined;
  const clients = new Map<string, AppStreamClient | EC2Client | STSClient | SSMClient | RbinClient>();
  before(async () => {
    server = await startTestServer(typeof options === "function" ? options() : options);
    resetTestServer(server);
  });
  beforeEach(() => resetTestServer(fixture.server));
  after(async () => {
    for (const c of clients.values()) c.destroy();
    clients.clear();
    await server?.stop();
    server = undefined;
  });
  function client<C extends AppStreamClient | EC2Client | STSClient | SSMClient | RbinClient>(
    kind: string,
    make: (s: Imagelite, a: string, r: string) => C,
    account: string,
    region: string,
  ): C {
    const key = `${kind} ${account} ${region}`;
    let c = clients.get(key);
    if (!c) {
      c = make(fixture.server, account, region);
      clients.set(key, c);
    }
    return c as C;
  }
  const fixture: ServerFixture = {
    get server() {
      if (!server) {
        throw new Error(
          "useServer(): the server is not started yet: read it in tests or hooks, and at the top level of a file in a " +
            "beforeEach (Node 20 runs top-level before hooks at once)",
        );
      }
      return server;
    },
    appstream: (account = ACCOUNT_A, region = REGION) => client("appstream", appstreamClient, account, region),
    ec2: (account = ACCOUNT_A, region = REGION) => client("ec2", ec2Client, account, region),
    sts: (account = ACCOUNT_A, region = REGION) => client("sts", stsClient, account, region),
    ssm: (account = ACCOUNT_A, region = REGION) => client("ssm", ssmClient, account, region),
    rbin: (account = ACCOUNT_A, region = REGION) => client("rbin", rbinClient, account, region),
  };
  return fixture;
}

function clientConfig(server: Imagelite, account: string, region: string) {
  return {
    endpoint: server.endpoint,
    region,
    credentials: server.credentials(account),
    maxAttempts: 1,
  };
}

export const appstreamClient = (server: Imagelite, account = ACCOUNT_A, region = REGION) =>
  new AppStreamClient(clientConfig(server, account, region));
export const stsClient = (server: Imagelite, account = ACCOUNT_A, region = REGION) => new STSClient(clientConfig(server, account, region));
export const ssmClient = (server: Imagelite, account = ACCOUNT_A, region = REGION) => new SSMClient(clientConfig(server, account, region));
export const ec2Client = (server: Imagelite, account = ACCOUNT_A, region = REGION) => new EC2Client(clientConfig(server, account, region));
export const rbinClient = (server: Imagelite, account = ACCOUNT_A, region = REGION) =>
  new RbinClient(clientConfig(server, account, region));

/** Runs `fn` and returns the error the SDK threw (its name is the AWS error code). */
export async function rejection(
  fn: () => Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number }; $response?: unknown }> {
  try {
    await fn();
  } catch (e) {
    return e as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** POSTs JSON to an admin route and returns status and parsed body (loosely typed: tests read what they expect). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function admin(server: Imagelite, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.endpoint}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* keep the text */
  }
  return { status: res.status, body: parsed };
}

/** The Image Assistant's "create image" in a running builder, through the admin route. */
export function createImageFromBuilder(
  server: Imagelite,
  builder: string,
  imageName: string,
  account = ACCOUNT_A,
  region = REGION,
  extra: Record<string, unknown> = {},
) {
  return admin(
    server,
    "POST",
    `/_imagelite/appstream/image-builders/${encodeURIComponent(builder)}/create-image?accountId=${account}&region=${region}`,
    { ImageName: imageName, ...extra },
  );
}
