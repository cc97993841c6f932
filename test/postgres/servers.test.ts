// Several imagelite processes (the real CLI) on one PostgreSQL schema, hit at once through the AWS SDK: of
// same-name creates exactly one wins and the others get the service's "already exists" error, and concurrent
// changes to one AMI all land.
import { describe, it, after, before } from "node:test";
import assert from "node:assert/strict";
import { AppStreamClient, CreateFleetCommand, DescribeFleetsCommand } from "@aws-sdk/client-appstream";
import {
  CreateKeyPairCommand,
  CreateTagsCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeKeyPairsCommand,
  EC2Client,
  ModifyImageAttributeCommand,
} from "@aws-sdk/client-ec2";
import { cliScope, kill, type Running } from "../support/cli";
import { postgresSchemas, sql } from "../support/postgres";
import { registerAmi } from "../ec2/helpers";

const ACCOUNT = "111111111111";
const SERVERS = 3;
const PER_SERVER = 6;

const schemas = postgresSchemas();
const cli = cliScope();
after(() => cli.cleanup());

const config = (endpoint: string) => ({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: ACCOUNT, secretAccessKey: "x" },
  // No retry of the SDK's: every answer is the server's first one.
  maxAttempts: 1,
});

/** Sends one request per (server, i) at once: PER_SERVER to each server. */
function fanOut<R>(clients: { length: number }, call: (server: number, i: number) => Promise<R>) {
  return Promise.allSettled(Array.from({ length: clients.length * PER_SERVER }, (_, n) => call(n % clients.length, n)));
}

/** The winners' values, and the error names of the others. */
function outcome<R>(results: PromiseSettledResult<R>[]) {
  return {
    won: results.filter((r) => r.status === "fulfilled").length,
    errors: [...new Set(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.name as string))],
  };
}

describe("several servers on one PostgreSQL schema", () => {
  let servers: Running[] = [];
  let ec2: EC2Client[] = [];
  let appstream: AppStreamClient[] = [];
  let schema = "";

  before(async () => {
    const url = schemas.url();
    schema = new URL(url).searchParams.get("schema")!;
    // Started at once on a schema no one made yet: they also race to create and migrate it.
    servers = await Promise.all(Array.from({ length: SERVERS }, () => cli.start(cli.tempDir("imagelite-pg-"), ["--store", url])));
    ec2 = servers.map((s) => new EC2Client(config(s.endpoint)));
    appstream = servers.map((s) => new AppStreamClient(config(s.endpoint)));
  });
  after(async () => {
    [...ec2, ...appstream].forEach((c) => c.destroy());
    await Promise.all(servers.map((s) => kill(s, "SIGTERM")));
  });

  it("migrated the schema once, whichever server came first", async () => {
    const versions = await sql<{ version: number }>(`SELECT version FROM "${schema}".schema_version`);
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    );
  });

  it("EC2 CreateKeyPair of one name: one wins, the others get InvalidKeyPair.Duplicate", async () => {
    const results = await fanOut(ec2, (s) => ec2[s].send(new CreateKeyPairCommand({ KeyName: "race", KeyType: "ed25519" })));
    assert.deepEqual(outcome(results), { won: 1, errors: ["InvalidKeyPair.Duplicate"] });
    const { KeyPairs } = await ec2[1].send(new DescribeKeyPairsCommand({}));
    assert.deepEqual(
      KeyPairs?.map((k) => k.KeyName),
      ["race"],
    );
  });

  it("EC2 RegisterImage of one name (a name index, not a key): one wins, the others get InvalidAMIName.Duplicate", async () => {
    const results = await fanOut(ec2, (s) => registerAmi(ec2[s], "golden"));
    assert.deepEqual(outcome(results), { won: 1, errors: ["InvalidAMIName.Duplicate"] });
    const { Images } = await ec2[2].send(new DescribeImagesCommand({ Owners: ["self"], Filters: [{ Name: "name", Values: ["golden"] }] }));
    assert.equal(Images?.length, 1);
  });

  it("AppStream CreateFleet of one name: one wins, the others get ResourceAlreadyExistsException", async () => {
    const results = await fanOut(appstream, (s) =>
      appstream[s].send(
        new CreateFleetCommand({
          Name: "fleet",
          ImageName: "AppStream-WinServer2022-11-10-2025",
          InstanceType: "stream.standard.medium",
          ComputeCapacity: { DesiredInstances: 1 },
        }),
      ),
    );
    assert.deepEqual(outcome(results), { won: 1, errors: ["ResourceAlreadyExistsException"] });
    const { Fleets } = await appstream[0].send(new DescribeFleetsCommand({ Names: ["fleet"] }));
    assert.equal(Fleets?.length, 1);
  });

  it("launch permissions and tags added to one AMI through every server at once all land", async () => {
    const imageId = await registerAmi(ec2[0], "shared");
    const accounts = Array.from({ length: SERVERS * PER_SERVER }, (_, n) => String(300000000000 + n));
    const results = await Promise.all([
      fanOut(ec2, (s, n) =>
        ec2[s].send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: accounts[n] }] } })),
      ),
      fanOut(ec2, (s, n) => ec2[s].send(new CreateTagsCommand({ Resources: [imageId], Tags: [{ Key: `k${n}`, Value: `v${n}` }] }))),
    ]);
    for (const r of results.flat()) assert.equal(r.status, "fulfilled", String((r as PromiseRejectedResult).reason));
    const { LaunchPermissions } = await ec2[1].send(new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: "launchPermission" }));
    assert.deepEqual(LaunchPermissions?.map((p) => p.UserId).sort(), accounts);
    const { Images } = await ec2[2].send(new DescribeImagesCommand({ ImageIds: [imageId] }));
    assert.equal(Images?.[0].Tags?.length, SERVERS * PER_SERVER);
  });
});
