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
