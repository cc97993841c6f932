// A seed's AMIs on both stores: tags given with each come back as given, and an entry that fails (a tag limit,
// a name in use) names its place and leaves nothing of the seed behind.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../src/runtime/app";
import { ACCOUNT_A, REGION } from "../support/server";

const ami = (name: string, tags: Record<string, string>) => ({
  Name: name,
  Architecture: "x86_64",
  VirtualizationType: "hvm",
  RootDeviceName: "/dev/xvda",
  BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 8 } }],
  Tags: tags,
});

const seedOf = (amis: unknown[]) => ({ accounts: { [ACCOUNT_A]: { [REGION]: { ec2: { amis } } } } });

for (const store of ["memory", "sqlite"] as const) {
  describe(`seed AMIs (${store} store)`, () => {
    const open = (dir: string, seed?: unknown) => {
      const file = join(dir, "seed.json");
      if (seed) writeFileSync(file, JSON.stringify(seed));
      return createApp({
        log: false,
        transitionSeconds: 0,
        ...(store === "memory" ? { inMemory: true } : { dataDir: join(dir, "data") }),
        ...(seed ? { seed: file } : {}),
      });
    };

    it("gives each AMI the tags listed with it", () => {
      const dir = mkdtempSync(join(tmpdir(), "imagelite-seed-amis-"));
      try {
        const app = open(dir, seedOf([ami("web-1", { team: "web", env: "prod" }), ami("web-2", { team: "web" })]));
        const out = app.gateway.invoke("ec2", "DescribeImages", { accountId: ACCOUNT_A, region: REGION }, { Owners: ["self"] }) as {
          Images: { Name: string; Tags?: { Key: string; Value: string }[] }[];
        };
        const tags = Object.fromEntries(out.Images.map((i) => [i.Name, Object.fromEntries((i.Tags ?? []).map((t) => [t.Key, t.Value]))]));
        assert.deepEqual(tags, { "web-1": { team: "web", env: "prod" }, "web-2": { team: "web" } });
        app.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("registers each AMI from a snapshot of a root volume of its size, one for the AMIs whose roots are alike", () => {
      const dir = mkdtempSync(join(tmpdir(), "imagelite-seed-amis-"));
      try {
        const big = { ...ami("db-1", {}), BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 30 } }] };
        const app = open(dir, seedOf([ami("web-1", {}), ami("web-2", {}), big]));
        const call = (op: string, input: Record<string, unknown>) =>
          app.gateway.invoke("ec2", op, { accountId: ACCOUNT_A, region: REGION }, input);
        const { Images } = call("DescribeImages", { Owners: ["self"] }) as {
          Images: { Name: string; BlockDeviceMappings: { Ebs: { SnapshotId: string; VolumeSize: number } }[] }[];
        };
        const root = Object.fromEntries(Images.map((i) => [i.Name, i.BlockDeviceMappings[0].Ebs]));
        assert.equal(root["web-1"].SnapshotId, root["web-2"].SnapshotId, "alike roots share a snapshot");
        assert.notEqual(root["db-1"].SnapshotId, root["web-1"].SnapshotId);
        assert.deepEqual([root["web-1"].VolumeSize, root["db-1"].VolumeSize], [8, 30]);
        const { Snapshots } = call("DescribeSnapshots", { OwnerIds: ["self"] }) as { Snapshots: { VolumeSize: number }[] };
        assert.deepEqual(
          Snapshots.map((x) => x.VolumeSize).sort((a, b) => a - b),
          [8, 30],
        );
        assert.deepEqual((call("DescribeVolumes", {}) as { Volumes: unknown[] }).Volumes, [], "the root volumes are gone");
        app.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("refuses an entry over the tag limit or with a name in use, and keeps nothing of the seed", () => {
      const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
      const cases: [unknown[], RegExp][] = [
        [[ami("ok-1", { a: "1" }), ami("over", tooMany)], /amis\[1\] \(RegisterImage\): TagLimitExceeded/],
        [[ami("same", {}), ami("same", { a: "1" })], /amis\[1\] \(RegisterImage\): InvalidAMIName\.Duplicate/],
      ];
      for (const [amis, message] of cases) {
        const dir = mkdtempSync(join(tmpdir(), "imagelite-seed-amis-"));
        try {
          assert.throws(() => open(dir, seedOf(amis)), message);
          if (store === "sqlite") {
            const again = open(dir);
            assert.equal(again.store.holdsRecords("imagelite."), false, "a failing seed leaves no record");
            again.close();
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    });
  });
}
