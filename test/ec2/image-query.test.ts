// DescribeImages reads through indexes (image-query.ts) and must answer exactly as the walk over every visible
// AMI does: random AMIs of three accounts (names, tags, shares, public ones, deregistered ones, the catalog, tags
// a viewer puts on others' AMIs) and random requests, every page compared, on both stores (fast-check, fixed
// seed). Then what the indexes save: a counting store shows how few records a filtered describe reads, and the
// debug log names a filter that cannot use an index.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { createApp, type App } from "../../src/runtime/app";
import { timings } from "../../src/runtime/config";
import type { RequestContext } from "../../src/gateway/context";
import type { RequestLog } from "../../src/gateway/request-log";
import type { Store } from "../../src/state/store";
import type { DescribeImagesRequest, Filter } from "../../src/services/ec2/api.generated";
import { describeImages } from "../../src/services/ec2/images/describe";
import { ACCOUNT_A, ACCOUNT_B, REGION, TEST_START } from "../support/server";
import { ownSnapshotBy } from "../support/snapshots";

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const ACCOUNT_C = "333333333333";
const ACCOUNTS = [ACCOUNT_A, ACCOUNT_B, ACCOUNT_C];
const AMAZON_LINUX_OWNER = "137112412989";
const BASES = ["al2023-ami-2023.9", "al2023-ami-minimal", "golden", "golden-base", "ubuntu-jammy"];
const TAG_VALUES = ["prod", "prod-eu", "dev"];

interface AmiSpec {
  owner: number;
  base: number;
  arm: boolean;
  tags: { env?: string; team?: string };
  shareWith: number[];
  public: boolean;
  deregister: boolean;
  /** Tags the viewer A puts on it when it can see it. */
  viewerTag?: string;
}

const amiSpec: fc.Arbitrary<AmiSpec> = fc.record({
  owner: fc.integer({ min: 0, max: 2 }),
  base: fc.integer({ min: 0, max: BASES.length - 1 }),
  arm: fc.boolean(),
  tags: fc.record({
    env: fc.option(fc.constantFrom(...TAG_VALUES), { nil: undefined }),
    team: fc.option(fc.constantFrom("a", "b"), { nil: undefined }),
  }),
  shareWith: fc.subarray([0, 1, 2]),
  public: fc.boolean(),
  deregister: fc.boolean(),
  viewerTag: fc.option(fc.constantFrom(...TAG_VALUES), { nil: undefined }),
});

/** What the operations called here return, as far as these tests read it. */
interface Reply {
  ImageId: string;
  Images: Reply[];
}

function invoke(app: App, account: string, operation: string, input: Record<string, unknown>): Reply {
  return app.gateway.invoke("ec2", operation, { accountId: account, region: REGION, now: app.clock.now() }, input) as Reply;
}

/** Registers the AMIs, shares, tags and deregisters them; returns every id made. */
function populate(app: App, specs: AmiSpec[]): string[] {
  const ids: string[] = [];
  // One root snapshot per owner, which all its AMIs are registered from.
  const roots = new Map<string, string>();
  const rootOf = (owner: string) => {
    if (!roots.has(owner))
      roots.set(
        owner,
        ownSnapshotBy((op, input) => invoke(app, owner, op, input), REGION),
      );
    return roots.get(owner)!;
  };
  specs.forEach((s, i) => {
    const owner = ACCOUNTS[s.owner];
    const tags = Object.entries(s.tags)
      .filter(([, v]) => v !== undefined)
      .map(([Key, Value]) => ({ Key, Value }));
    const { ImageId } = invoke(app, owner, "RegisterImage", {
      Name: `${BASES[s.base]}-${i}`,
      Architecture: s.arm ? "arm64" : "x86_64",
      VirtualizationType: "hvm",
      RootDeviceName: "/dev/xvda",
      BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: rootOf(owner), VolumeSize: 8 } }],
    });
    ids.push(ImageId);
    if (tags.length) invoke(app, owner, "CreateTags", { Resources: [ImageId], Tags: tags });
    const add = [
      ...s.shareWith.filter((a) => a !== s.owner).map((a) => ({ UserId: ACCOUNTS[a] })),
      ...(s.public ? [{ Group: "all" }] : []),
    ];
    if (add.length) invoke(app, owner, "ModifyImageAttribute", { ImageId, LaunchPermission: { Add: add } });
  });
  app.clock.advance(60);
  specs.forEach((s, i) => {
    const visibleToA = s.owner === 0 || s.public || s.shareWith.includes(0);
    if (s.viewerTag && visibleToA)
      invoke(app, ACCOUNT_A, "CreateTags", { Resources: [ids[i]], Tags: [{ Key: "env", Value: s.viewerTag }] });
    if (s.deregister) invoke(app, ACCOUNTS[s.owner], "DeregisterImage", { ImageId: ids[i] });
  });
  // Tags of A's on a few of Amazon's AMIs.
  const amazon = invoke(app, ACCOUNT_A, "DescribeImages", { Owners: ["amazon"], MaxResults: 6 }).Images.map((r) => r.ImageId);
  invoke(app, ACCOUNT_A, "CreateTags", { Resources: amazon, Tags: [{ Key: "env", Value: "prod" }] });
  app.clock.advance(1);
  return ids;
}

function filterArb(ids: string[], names: string[]): fc.Arbitrary<Filter> {
  const f = (Name: string, values: fc.Arbitrary<string>) =>
    fc.array(values, { minLength: 1, maxLength: 2 }).map((Values) => ({ Name, Values }));
  return fc.oneof(
    f("name", fc.constantFrom(...names, "al2023-ami-*", "golden*", "golden-base-?", "Windows_Server-2022*", "*-1", "al2023-ami-2023.9-1")),
    f("image-id", fc.constantFrom(...ids.slice(0, 8), "ami-0*", "ami-1*", "ami-*", "ami-00000000")),
    f("owner-id", fc.constantFrom(...ACCOUNTS, AMAZON_LINUX_OWNER)),
    f("owner-alias", fc.constant("amazon")),
    f("tag:env", fc.constantFrom(...TAG_VALUES, "prod*", "*", "?ev")),
    f("tag-key", fc.constantFrom("env", "team", "te*", "*", "nothing")),
    f("architecture", fc.constantFrom("x86_64", "arm64")),
    f("state", fc.constantFrom("available", "deregistered")),
  );
}

/** Present one time in four. */
const rarely = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });

function requestArb(ids: string[], names: string[]): fc.Arbitrary<{ viewer: string; input: DescribeImagesRequest }> {
  return fc.record({
    viewer: fc.constantFrom(...ACCOUNTS),
    input: fc.record({
      Filters: fc.array(filterArb(ids, names), { minLength: 1, maxLength: 2 }),
      Owners: rarely(fc.constantFrom(["self"], [ACCOUNT_B], ["amazon"], ["self", "amazon"], [ACCOUNT_A, ACCOUNT_C])),
      ExecutableUsers: rarely(fc.constantFrom(["self"], ["all"])),
      MaxResults: fc.option(fc.constantFrom(5, 7, 1000), { nil: undefined }),
      IncludeDeprecated: fc.boolean(),
    }),
  });
}

const contextOf = (app: App, account: string, store: Store = app.store): RequestContext => ({
  service: "ec2",
  operation: "DescribeImages",
  accountId: account,
  region: REGION,
  requestId: "test",
  now: app.clock.now(),
  store,
  timings: timings(app.config.transitionSeconds),
  partition: { account, region: REGION },
});

/** Every page of a request, as the ids and images served. */
function allPages(app: App, account: string, input: DescribeImagesRequest, planned: boolean) {
  const pages = [];
  let NextToken: string | undefined;
  do {
    const r = app.store.transaction(() => describeImages(contextOf(app, account), { ...input, NextToken }, { planned }));
    pages.push(r.Images);
    NextToken = r.NextToken;
  } while (NextToken && pages.length < 100);
  return pages;
}

function stores(): { name: string; make: () => App }[] {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const base = { clock: "manual" as const, log: false };
  return [
    { name: "memory", make: () => createApp({ ...base, inMemory: true }) },
    {
      name: "SQLite",
      make: () => {
        const dir = mkdtempSync(join(tmpdir(), "imagelite-query-"));
        dirs.push(dir);
        return createApp({ ...base, dataDir: dir });
      },
    },
  ];
}

for (const { name, make } of stores()) {
  describe(`DescribeImages through indexes, ${name} store (seed ${SEED})`, () => {
    let app: App;
    let ids: string[];
    let names: string[];
    before(() => {
      app = make();
      app.clock.restore("manual", TEST_START);
      const specs = fc.sample(fc.array(amiSpec, { minLength: 40, maxLength: 40 }), { seed: SEED, numRuns: 1 })[0];
      ids = populate(app, specs);
      names = specs.slice(0, 10).map((s, i) => `${BASES[s.base]}-${i}`);
    });
    after(() => app.close());

    it("answers every request exactly as the walk over everything visible does, page by page", () => {
      const requests = fc.sample(requestArb(ids, names), { seed: SEED, numRuns: 200 });
      let nonEmpty = 0;
      for (const { viewer, input } of requests) {
        const planned = allPages(app, viewer, input, true);
        const walked = allPages(app, viewer, input, false);
        assert.deepEqual(planned, walked, `${viewer} ${JSON.stringify(input)}`);
        if (walked.flat().length) nonEmpty++;
      }
      assert.ok(nonEmpty > 80, `only ${nonEmpty} requests found anything`);
    });
  });
}

/** A store that counts the records its reads return. */
function counting(store: Store): { store: Store; reads(): number } {
  let n = 0;
  const wrapped: Store = Object.create(store);
  wrapped.get = (type, p, id) => {
    const v = store.get(type, p, id);
    if (v !== undefined) n++;
    return v as never;
  };
  wrapped.list = (type, p, o) => {
    const rows = store.list(type, p, o);
    n += rows.length;
    return rows as never;
  };
  wrapped.lookup = (type, p, index, o) => {
    const rows = store.lookup(type, p, index, o);
    n += rows.length;
    return rows as never;
  };
  return { store: wrapped, reads: () => n };
}

describe("what a filtered DescribeImages reads", () => {
  const lines: string[] = [];
  const log: RequestLog = { request() {}, failure() {}, info() {}, warn() {}, debug: (m) => void lines.push(m) };
  let app: App;
  const COUNT = 300;
  before(() => {
    app = createApp({ clock: "manual", log: false, inMemory: true }, log);
    app.clock.restore("manual", TEST_START);
    const root = ownSnapshotBy((op, input) => invoke(app, ACCOUNT_A, op, input), REGION);
    for (let i = 0; i < COUNT; i++) {
      const { ImageId } = invoke(app, ACCOUNT_A, "RegisterImage", {
        Name: `${i % 2 ? "al2023-ami" : "golden"}-${String(i).padStart(4, "0")}`,
        RootDeviceName: "/dev/xvda",
        BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: root, VolumeSize: 8 } }],
      });
      if (i % 50 === 0) invoke(app, ACCOUNT_A, "CreateTags", { Resources: [ImageId], Tags: [{ Key: "rare", Value: "yes" }] });
      if (i % 3 === 0) invoke(app, ACCOUNT_A, "ModifyImageAttribute", { ImageId, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } });
    }
    app.clock.advance(60);
  });
  after(() => app.close());

  const reads = (account: string, input: DescribeImagesRequest) => {
    const c = counting(app.store);
    const r = describeImages({ ...contextOf(app, account, c.store), log }, input);
    return { reads: c.reads(), found: r.Images!.length };
  };

  for (const [what, account, input, found] of [
    ["an exact name, own AMIs", ACCOUNT_A, { Filters: [{ Name: "name", Values: ["golden-0042"] }] }, 1],
    ["an exact name, shared AMIs", ACCOUNT_B, { Filters: [{ Name: "name", Values: ["golden-0042"] }] }, 1],
    ["a tag", ACCOUNT_A, { Filters: [{ Name: "tag:rare", Values: ["yes"] }] }, 6],
    ["a tag key", ACCOUNT_A, { Filters: [{ Name: "tag-key", Values: ["rare"] }] }, 6],
    ["an id", ACCOUNT_B, { Filters: [{ Name: "image-id", Values: ["ami-0123456789abcdef0"] }] }, 0],
    ["an owner, one page", ACCOUNT_B, { Owners: [ACCOUNT_A], MaxResults: 5 }, 5],
    ["Owners=self, one page", ACCOUNT_A, { Owners: ["self"], MaxResults: 5 }, 5],
  ] as const satisfies readonly (readonly [string, string, unknown, number])[]) {
    it(`${what}: reads about what it serves, not every AMI`, () => {
      lines.length = 0;
      const r = reads(account, input as unknown as DescribeImagesRequest);
      assert.equal(r.found, found);
      assert.ok(r.reads <= 4 * found + 10, `${r.reads} records read for ${r.found}`);
      assert.deepEqual(lines, [], "no debug line for an indexed filter");
    });
  }

  it("a name prefix reads the AMIs under it, not the others", () => {
    const r = reads(ACCOUNT_A, { Filters: [{ Name: "name", Values: ["golden-00*"] }] });
    assert.equal(r.found, 50);
    assert.ok(r.reads <= 2 * 50 + 10, `${r.reads} records read`);
  });

  it("a filter without an index still works, reads everything, and says so at debug level", () => {
    lines.length = 0;
    const r = reads(ACCOUNT_A, {
      Filters: [
        { Name: "description", Values: ["*"] },
        { Name: "architecture", Values: ["i386"] },
      ],
    });
    assert.equal(r.found, 0);
    assert.ok(r.reads >= COUNT);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /DescribeImages: no index for 'description', 'architecture'; every visible record is read/);
  });
});
