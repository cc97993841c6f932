// Starts imagelite in-process for a test file, with a manual clock so that lifecycles move only when a
// test advances them, and makes clients of the real AWS SDK that act as a given account.
import { AppStreamClient } from "@aws-sdk/client-appstream";
import { STSClient } from "@aws-sdk/client-sts";
import { EC2Client } from "@aws-sdk/client-ec2";
import { startImagelite, type Imagelite, type StartOptions } from "../../src/index";

export const ACCOUNT_A = "111111111111";
export const ACCOUNT_B = "222222222222";
export const REGION = "us-east-1";

/** Seconds an intermediate state lasts in tests; the clock is advanced past it explicitly. */
export const T = 10;

export async function startTestServer(options: StartOptions = {}): Promise<Imagelite> {
  return startImagelite({ inMemory: true, transitionSeconds: T, clock: "manual", ...options });
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
export const stsClient = (server: Imagelite, account = ACCOUNT_A, region = REGION) =>
  new STSClient(clientConfig(server, account, region));
export const ec2Client = (server: Imagelite, account = ACCOUNT_A, region = REGION) =>
  new EC2Client(clientConfig(server, account, region));

/** Runs `fn` and returns the error the SDK threw (its name is the AWS error code). */
export async function rejection(fn: () => Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number }; $response?: unknown }> {
  try {
    await fn();
  } catch (e) {
    return e as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** POSTs JSON to an admin route and returns status and parsed body. */
export async function admin(server: Imagelite, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.endpoint}${path}`, {
    method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* keep the text */ }
  return { status: res.status, body: parsed };
}

/** The Image Assistant's "create image" in a running builder, through the admin route. */
export function createImageFromBuilder(server: Imagelite, builder: string, imageName: string, account = ACCOUNT_A, region = REGION, extra: Record<string, unknown> = {}) {
  return admin(server, "POST", `/_imagelite/appstream/image-builders/${encodeURIComponent(builder)}/create-image?accountId=${account}&region=${region}`,
    { ImageName: imageName, ...extra });
}
