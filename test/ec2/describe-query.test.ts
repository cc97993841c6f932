// DescribeSnapshots, DescribeInstances and DescribeParameters read through indexes where a filter allows
// (ids, owners, tags, AMI ids, parameter names) and answer exactly as reading everything does: snapshots are
// compared with the walk they stand for (fast-check, fixed seed, both stores); instances and parameters with
// the unfiltered listing filtered here.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { createApp, type App } from "../../src/runtime/app";
import { timings } from "../../src/runtime/config";
import type { RequestContext } from "../../src/gateway/context";
import type { DescribeSnapshotsRequest, Filter } from "../../src/services/ec2/api.generated";
import { describeSnapshots } from "../../src/services/ec2/snapshots/describe";
import { ACCOUNT_A, ACCOUNT_B, REGION, TEST_START } from "../support/server";

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const ACCOUNTS = [ACCOUNT_A, ACCOUNT_B];

/** What the operations called here return, as far as these tests read it. */
interface Reply {
  ImageId: string;
  SnapshotId: string;
  InstanceId: string;
  ReservationId: string;
  Name: string;
  NextToken?: string;
  Images: Reply[];
  Snapshots: Reply[];
  Reservations: Reply[];
  Instances: Reply[];
  Parameters: Reply[];
  VpcId: string;
  SubnetId: string;
  Subnets: Reply[];
  Vpc: Reply;
  Subnet: Reply;
  Tags?: { Key: string; Value: string }[];
}

const call = (app: App, account: string, service: string, operation: string, input: Record<string, unknown>): Reply =>
  // Without its undefined members, as a client would send it.
  app.gateway.invoke(
    service,
    operation,
    { accountId: account, region: REGION, now: app.clock.now() },
    JSON.parse(JSON.stringify(input)),
  ) as Reply;
const ec2 = (app: App, account: string, operation: string, input: Record<string, unknown>) => call(app, account, "ec2", operation, input);

const contextOf = (app: App, account: string): RequestContext => ({
  service: "ec2",
  operation: "DescribeSnapshots",
  accountId: account,
  region: REGION,
  requestId: "test",
  now: app.clock.now(),
  store: app.store,
  timings: timings(app.config.transitionSeconds),
  partition: { account, region: REGION },
});

function apps(): { name: string; make: () => App }[] {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const base = { clock: "manual" as const, log: false };
  return [
    { name: "memory", make: () => createApp({ ...base, inMemory: true }) },
    {
      name: "SQLite",
      make: () => {
        const dir = mkdtempSync(join(tmpdir(), "imagelite-describe-"));
        dirs.push(dir);
        return createApp({ ...base, dataDir: dir });
      },
    },
  ];
}

for (const { name, make } of apps()) {
  describe(`planned describes, ${name} store (seed ${SEED})`, () => {
    let app: App;
    let snapshotIds: string[];
    before(() => {
      app = make();
      app.clock.restore("manual", TEST_START);
      const amazon = ec2(app, ACCOUNT_A, "DescribeSnapshots", { OwnerIds: ["amazon"], MaxResults: 10 }).Snapshots.map((s) => s.SnapshotId);
      const specs = fc.sample(
        fc.array(
          fc.record({
            owner: fc.integer({ min: 0, max: 1 }),
            env: fc.option(fc.constantFrom("prod", "prod-eu", "dev"), { nil: undefined }),
            share: fc.boolean(),
            public: fc.boolean(),
          }),
          { minLength: 30, maxLength: 30 },
        ),
        { seed: SEED, numRuns: 1 },
      )[0];
      snapshotIds = specs.map((s, i) => {
        const owner = ACCOUNTS[s.owner];
        const { SnapshotId } = ec2(app, owner, "CopySnapshot", { SourceRegion: REGION, SourceSnapshotId: amazon[i % amazon.length] });
        if (s.env) ec2(app, owner, "CreateTags", { Resources: [SnapshotId], Tags: [{ Key: "env", Value: s.env }] });
        const add = [...(s.share ? [{ UserId: ACCOUNTS[1 - s.owner] }] : []), ...(s.public ? [{ Group: "all" }] : [])];
        if (add.length)
          ec2(app, owner, "ModifySnapshotAttribute", {
            SnapshotId,
            Attribute: "createVolumePermission",
            CreateVolumePermission: { Add: add },
          });
        return SnapshotId;
      });
      // A's own tags on some of B's and Amazon's snapshots.
      ec2(app, ACCOUNT_A, "CreateTags", { Resources: amazon.slice(0, 3), Tags: [{ Key: "env", Value: "prod" }] });
      app.clock.advance(3600);
    });
    after(() => app.close());

    it("DescribeSnapshots answers as the walk over every readable snapshot, page by page", () => {
      const filter: fc.Arbitrary<Filter> = fc.oneof(
        fc.record({
          Name: fc.constant("snapshot-id"),
          Values: fc.subarray([...snapshotIds.slice(0, 5), "snap-0*", "snap-*"], { minLength: 1 }),
        }),
        fc.record({ Name: fc.constant("owner-id"), Values: fc.subarray([...ACCOUNTS, "801119661308"], { minLength: 1 }) }),
        fc.record({ Name: fc.constant("tag:env"), Values: fc.subarray(["prod", "prod*", "*", "dev"], { minLength: 1 }) }),
        fc.record({ Name: fc.constant("tag-key"), Values: fc.subarray(["env", "e*", "other"], { minLength: 1 }) }),
        fc.record({ Name: fc.constant("volume-size"), Values: fc.subarray(["8", "30"], { minLength: 1 }) }),
      );
      const requests = fc.sample(
        fc.record({
          viewer: fc.constantFrom(...ACCOUNTS),
          input: fc.record({
            Filters: fc.array(filter, { minLength: 1, maxLength: 2 }),
            OwnerIds: fc.oneof(fc.constant(undefined), fc.constantFrom(["self"], [ACCOUNT_B], ["amazon"], ["self", ACCOUNT_B])),
            MaxResults: fc.option(fc.constantFrom(5, 6, 1000), { nil: undefined }),
          }),
        }),
        { seed: SEED, numRuns: 150 },
      );
      let found = 0;
      for (const { viewer, input } of requests) {
        const pages = (planned: boolean) => {
          const out = [];
          let NextToken: string | undefined;
          do {
            const r = describeSnapshots(contextOf(app, viewer), { ...(input as DescribeSnapshotsRequest), NextToken }, { planned });
            out.push(r.Snapshots);
            NextToken = r.NextToken;
          } while (NextToken && out.length < 50);
          return out;
        };
        const walked = pages(false);
        assert.deepEqual(pages(true), walked, `${viewer} ${JSON.stringify(input)}`);
        found += walked.flat().length;
      }
      assert.ok(found > 300, `only ${found} snapshots found in all`);
    });

    it("DescribeInstances by tag, AMI id, instance id, VPC and subnet finds what filtering the whole listing finds", () => {
      // x86_64 AMIs, which t3.micro can run.
      const image = ec2(app, ACCOUNT_A, "DescribeImages", {
        Owners: ["amazon"],
        Filters: [{ Name: "architecture", Values: ["x86_64"] }],
        MaxResults: 5,
      }).Images.map((r) => r.ImageId);
      // The default VPC's subnets, and a VPC of its own with one subnet.
      const defaults = ec2(app, ACCOUNT_A, "DescribeSubnets", {})
        .Subnets.map((r) => r.SubnetId as string)
        .sort();
      const vpc = ec2(app, ACCOUNT_A, "CreateVpc", { CidrBlock: "10.9.0.0/16" }).Vpc.VpcId;
      const own = ec2(app, ACCOUNT_A, "CreateSubnet", { VpcId: vpc, CidrBlock: "10.9.1.0/24" }).Subnet.SubnetId;
      const subnetOf = (i: number) => (i % 4 === 0 ? own : defaults[i % 3]);
      for (let i = 0; i < 12; i++) {
        ec2(app, ACCOUNT_A, "RunInstances", {
          ImageId: image[i % 2],
          SubnetId: subnetOf(i),
          InstanceType: "t3.micro",
          MinCount: 1 + (i % 2),
          MaxCount: 1 + (i % 2),
          TagSpecifications: i % 3 ? [{ ResourceType: "instance", Tags: [{ Key: "role", Value: i % 2 ? "web" : "worker" }] }] : undefined,
        });
      }
      const all = ec2(app, ACCOUNT_A, "DescribeInstances", {}).Reservations.flatMap((r) => r.Instances);
      const someId = all[3].InstanceId;
      const cases: [Filter[], (i: Reply) => boolean][] = [
        [[{ Name: "tag:role", Values: ["web"] }], (i) => !!i.Tags?.some((t) => t.Key === "role" && t.Value === "web")],
        [[{ Name: "tag:role", Values: ["w*"] }], (i) => !!i.Tags?.some((t) => t.Key === "role")],
        [[{ Name: "tag-key", Values: ["role"] }], (i) => !!i.Tags?.some((t) => t.Key === "role")],
        [[{ Name: "image-id", Values: [image[0]] }], (i) => i.ImageId === image[0]],
        [[{ Name: "instance-id", Values: [someId, "i-0123456789abcdef0"] }], (i) => i.InstanceId === someId],
        [[{ Name: "vpc-id", Values: [vpc] }], (i) => i.VpcId === vpc],
        [[{ Name: "vpc-id", Values: [vpc, "vpc-0123456789abcdef0"] }], (i) => i.VpcId === vpc],
        [[{ Name: "subnet-id", Values: [defaults[1]] }], (i) => i.SubnetId === defaults[1]],
        [[{ Name: "subnet-id", Values: [defaults[2], own] }], (i) => i.SubnetId === defaults[2] || i.SubnetId === own],
        [
          [
            { Name: "vpc-id", Values: [vpc] },
            { Name: "image-id", Values: [image[0]] },
          ],
          (i) => i.VpcId === vpc && i.ImageId === image[0],
        ],
        [
          [
            { Name: "image-id", Values: [image[1]] },
            { Name: "tag:role", Values: ["web"] },
          ],
          (i) => i.ImageId === image[1] && !!i.Tags?.some((t) => t.Value === "web"),
        ],
      ];
      for (const [Filters, keep] of cases) {
        const ids = (input: Record<string, unknown>) => {
          const out: string[] = [];
          let NextToken: string | undefined;
          do {
            const r = ec2(app, ACCOUNT_A, "DescribeInstances", { ...input, NextToken });
            out.push(...r.Reservations.flatMap((x) => x.Instances.map((i: Reply) => `${x.ReservationId} ${i.InstanceId}`)));
            NextToken = r.NextToken;
          } while (NextToken);
          return out;
        };
        const expected = all.filter(keep).map((i: Reply) => i.InstanceId);
        assert.ok(expected.length > 0);
        const byPage = ids({ Filters, MaxResults: 5 });
        assert.deepEqual(
          byPage.map((x) => x.split(" ")[1]),
          expected,
          JSON.stringify(Filters),
        );
        assert.deepEqual(ids({ Filters }), byPage);
      }
    });

    it("DescribeParameters by name and name prefix finds what filtering every parameter finds", () => {
      const names = ["/app/web/a", "/app/web/b", "/app/worker/a", "/apple", "plain", "plain-2", "/b/c"];
      for (const n of names) call(app, ACCOUNT_A, "ssm", "PutParameter", { Name: n, Value: "v", Type: "String" });
      const described = (input: Record<string, unknown>) => {
        const out: string[] = [];
        let NextToken: string | undefined;
        do {
          const r = call(app, ACCOUNT_A, "ssm", "DescribeParameters", { ...input, NextToken, MaxResults: 2 });
          out.push(...r.Parameters.map((p) => p.Name));
          NextToken = r.NextToken;
        } while (NextToken);
        return out;
      };
      const sorted = [...names].sort();
      const cases: [Record<string, unknown>, string[]][] = [
        [{ ParameterFilters: [{ Key: "Name", Option: "Equals", Values: ["plain", "/b/c", "nothing"] }] }, ["/b/c", "plain"]],
        [
          { ParameterFilters: [{ Key: "Name", Option: "BeginsWith", Values: ["/app", "plain-"] }] },
          sorted.filter((n) => /^(\/app|plain-)/.test(n)),
        ],
        [{ Filters: [{ Key: "Name", Values: ["/app/w"] }] }, sorted.filter((n) => n.startsWith("/app/w"))],
        [{ ParameterFilters: [{ Key: "Name", Option: "Contains", Values: ["web"] }] }, sorted.filter((n) => n.includes("web"))],
      ];
      for (const [input, expected] of cases) assert.deepEqual(described(input), expected, JSON.stringify(input));
    });
  });
}
