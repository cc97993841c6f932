// One check with boto3, the client most scripts use: DescribeImages with a filter against imagelite.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, useServer } from "../support/server";

let server: Imagelite;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
});

const SCRIPT = `
import json, os, boto3
ec2 = boto3.client("ec2", endpoint_url=os.environ["IMAGELITE_ENDPOINT"], region_name="us-east-1",
                   aws_access_key_id="${ACCOUNT_A}", aws_secret_access_key="imagelite")
r = ec2.describe_images(Owners=["amazon"], Filters=[{"Name": "name", "Values": ["Windows_Server-2022-English-Full-Base-2025.1*"]},
                                                    {"Name": "platform", "Values": ["windows"]}])
print(json.dumps([{"Name": i["Name"], "Platform": i.get("Platform"), "State": i["State"], "OwnerId": i["OwnerId"],
                   "CreationDate": i["CreationDate"], "Root": i["BlockDeviceMappings"][0]["DeviceName"]} for i in r["Images"]]))
`;

/** Runs python3 without blocking the event loop: the server answers from this very process. */
function python(code: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-c", code], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "",
      err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c;
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

test("boto3 DescribeImages with filters", { timeout: 90_000 }, async () => {
  const r = await python(SCRIPT, {
    IMAGELITE_ENDPOINT: server.endpoint,
    PYTHONDONTWRITEBYTECODE: "1",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  });
  assert.equal(r.code, 0, r.err);
  const images = JSON.parse(r.out) as {
    Name: string;
    Platform: string;
    State: string;
    OwnerId: string;
    CreationDate: string;
    Root: string;
  }[];
  assert.deepEqual(images.map((i) => i.Name).sort(), [
    "Windows_Server-2022-English-Full-Base-2025.10.15",
    "Windows_Server-2022-English-Full-Base-2025.11.12",
  ]);
  for (const i of images) {
    assert.equal(i.Platform, "windows");
    assert.equal(i.State, "available");
    assert.equal(i.OwnerId, "801119661308");
    assert.equal(i.Root, "/dev/sda1");
    assert.match(i.CreationDate, /^2025-1\d-\d\dT/);
  }
});
