// GET /_imagelite/state streams the document from the store page by page, and POST takes a document larger
// than one string needs to be: an export imports back, byte for byte, on every store.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { CreateLaunchTemplateCommand, CreateTagsCommand, DescribeImagesCommand } from "@aws-sdk/client-ec2";
import { GetParameterCommand, LabelParameterVersionCommand, PutParameterCommand } from "@aws-sdk/client-ssm";
import { CreateStackCommand } from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import type { Store } from "../../src/state/store";
import { exportChunks, exportState } from "../../src/operator/control/state";
import { parseStateDocument } from "../../src/operator/admin/state-document";
import { ACCOUNT_A, appstreamClient, ec2Client, ssmClient, startTestServer, T } from "../support/server";
import { postgresSchemas } from "../support/postgres";
import { registerAmi } from "../ec2/helpers";

/** The raw answer of GET /_imagelite/state: its headers, and its body as the chunks it arrived in. */
function getState(server: Imagelite): Promise<{ headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    request(`${server.endpoint}/_imagelite/state`, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (b: Buffer) => parts.push(b));
      res.on("end", () => resolve({ headers: res.headers, text: Buffer.concat(parts).toString("utf8") }));
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

async function postState(server: Imagelite, text: string): Promise<{ status: number; body: { imported?: number; message?: string } }> {
  const res = await fetch(`${server.endpoint}/_imagelite/state`, {
    method: "POST",
    body: text,
    headers: { "content-type": "application/json" },
  });
  return { status: res.status, body: (await res.json()) as { imported?: number } };
}

/** Some of everything: an AMI with tags, a launch template, a parameter with versions and a label, a stack. */
async function someState(server: Imagelite): Promise<void> {
  const ec2 = ec2Client(server);
  const ssm = ssmClient(server);
  const app = appstreamClient(server);
  try {
    const ami = await registerAmi(ec2, "streamed");
    await ec2.send(new CreateTagsCommand({ Resources: [ami], Tags: [{ Key: "émoji", Value: "☃ \u0000 \ud83d\ude00" }] }));
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "streamed-lt", LaunchTemplateData: { ImageId: ami } }));
    for (const Value of ["one", "two"]) await ssm.send(new PutParameterCommand({ Name: "/app/p", Value, Type: "String", Overwrite: true }));
    await ssm.send(new LabelParameterVersionCommand({ Name: "/app/p", ParameterVersion: 1, Labels: ["first"] }));
    await app.send(new CreateStackCommand({ Name: "s" }));
  } finally {
    ec2.destroy();
    ssm.destroy();
    app.destroy();
  }
}

/** A valid parameter record of `size` characters of value, as an export holds it. */
const parameterRecord = (name: string, size: number) => ({
  type: "ssm.parameter",
  account: ACCOUNT_A,
  region: "us-east-1",
  id: name,
  value: {
    Name: name,
    tags: {},
    versions: [
      {
        Version: 1,
        Value: "v".repeat(size),
        Type: "String",
        DataType: "text",
        Tier: "Advanced",
        Labels: [],
        modifiedAt: Date.UTC(2025, 0, 1),
        LastModifiedUser: `arn:aws:iam::${ACCOUNT_A}:root`,
      },
    ],
  },
});

describe("state export streams", () => {
  let server: Imagelite;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it("reads the store page by page as chunks are pulled, and the chunks are the document", () => {
    server.reset();
    const n = 3000;
    server.app.store.transaction(() => {
      for (let i = 0; i < n; i++) {
        const name = `/bulk/${String(i).padStart(5, "0")}`;
        const r = parameterRecord(name, 40);
        server.app.store.put(r.type, r, r.id, r.value);
      }
    });
    let reads = 0;
    const store = server.app.store;
    const counting: Store = Object.create(store, {
      dump: {
        value: (...args: Parameters<Store["dump"]>) => {
          reads++;
          return store.dump(...args);
        },
      },
    });
    const chunks = exportChunks({ ...server.app, store: counting });
    const head = chunks.next();
    assert.equal(reads, 0, "the head goes before the store is read");
    assert.match(head.value as string, /^\{"format":"imagelite-state","version":1,"clock":\{.*\},"records":\[$/);
    chunks.next();
    const early = reads;
    assert.ok(early >= 1 && early < n / 256, `the first records went after ${early} reads, of the ${Math.ceil(n / 256)} the whole takes`);
    const rest = [...chunks];
    assert.ok(reads > early, "later pages are read as later chunks are pulled");
    assert.ok(rest.length > 2, "more than one chunk of records");
    const text = [...exportChunks(server.app)].join("");
    const whole = JSON.stringify(exportState(server.app));
    assert.equal(text.length, whole.length);
    assert.equal(JSON.stringify(JSON.parse(text)), whole);
  });

  it("answers chunked, without a length, with the document the in-process export gives", async () => {
    server.reset();
    await someState(server);
    const r = await getState(server);
    assert.equal(r.headers["transfer-encoding"], "chunked");
    assert.equal(r.headers["content-length"], undefined);
    assert.equal(r.headers["content-type"], "application/json");
    assert.equal(r.text, JSON.stringify(server.exportState()));
  });

  it("imports a document above the request body limit and the whole-parse size, record by record", async () => {
    server.reset();
    await someState(server);
    const doc = server.exportState();
    // 24 MB of parameters: above the 10 MB of an AWS call and the 16 MB parsed at once.
    const extra = Array.from({ length: 96 }, (_, i) => parameterRecord(`/big/${String(i).padStart(3, "0")}`, 250_000));
    const text = JSON.stringify({ ...doc, records: [...doc.records, ...extra] });
    assert.ok(text.length > 24_000_000);
    const posted = await postState(server, text);
    assert.equal(posted.status, 200, JSON.stringify(posted.body).slice(0, 300));
    assert.equal(posted.body.imported, doc.records.length + extra.length);
    const ssm = ssmClient(server);
    assert.equal((await ssm.send(new GetParameterCommand({ Name: "/big/095" }))).Parameter!.Value!.length, 250_000);
    ssm.destroy();
    const again = (await getState(server)).text;
    assert.equal((await postState(server, again)).status, 200);
    assert.equal((await getState(server)).text, again);
    // A refusal deep in a large document names its record.
    const bad = again.replace('"Version":1,"Value":"vvv', '"Version":0.5,"Value":"vvv');
    const refused = await postState(server, bad);
    assert.equal(refused.status, 400);
    assert.match(refused.body.message!, /^records\[\d+\] \(ssm\.parameter "\/big\/000"\): versions\[0\]\.Version must be a whole number/);
    assert.equal((await getState(server)).text, again);
  });
});

describe("the state import's body limit", () => {
  it("is its own: above the other routes' and the AWS calls', and refused past it with 413", async () => {
    const server = await startTestServer({ http: { maxBodyBytes: 2_000, maxStateBodyBytes: 200_000 } });
    try {
      const doc = server.exportState();
      const fits = JSON.stringify({ ...doc, records: [parameterRecord("/fits", 100_000)] });
      assert.equal((await postState(server, fits)).status, 200);
      const over = JSON.stringify({ ...doc, records: [parameterRecord("/over", 250_000)] });
      assert.equal((await postState(server, over)).status, 413);
      assert.equal((await fetch(`${server.endpoint}/_imagelite/reset`, { method: "POST", body: fits })).status, 413);
      // The refused import changed nothing.
      assert.deepEqual(
        server.exportState().records.map((r) => r.id),
        ["/fits"],
      );
    } finally {
      await server.stop();
    }
  });
});

describe("a state document is read from bytes record by record", () => {
  const parse = (text: string) => parseStateDocument(Buffer.from(text), 0);

  it("gives what JSON.parse gives", () => {
    const docs = [
      { format: "imagelite-state", version: 1, records: [] },
      { records: [{ a: 'x,]}"\\' }, [1, [2, { b: null }]], "s", 3.5e-7, true, null, { "ü☃": "\ud83d\ude00" }], other: { records: [1] } },
      {},
    ];
    for (const d of docs) {
      assert.deepEqual(parse(JSON.stringify(d)), d);
      assert.deepEqual(parse(JSON.stringify(d, null, 2)), d);
    }
    assert.deepEqual(parse(' \n{ "records" : [ 1 , 2 ] , "x" : "y" } \n'), { records: [1, 2], x: "y" });
  });

  it("refuses what is not JSON, as the whole parse does", () => {
    for (const text of [
      " ",
      "[]",
      '{"records":[1,]}',
      '{"records":[1 2]}',
      '{"records":[1',
      '{"records":[{"a":1}',
      '{"records":["abc]}',
      '{"a":1,}',
      '{"a" 1}',
      '{"a":1} x',
      '{"a":tru}',
      '{"records":[{"a":1}}]}',
      "{a:1}",
    ]) {
      assert.throws(() => parse(text), { code: "InvalidJson" }, JSON.stringify(text));
    }
  });

  it("keeps a __proto__ member as a member", () => {
    const doc = parse('{"__proto__":{"polluted":true},"records":[]}');
    assert.equal(Object.getPrototypeOf(doc), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(doc, "__proto__")?.value, { polluted: true });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe("export → import → export is byte for byte the same", () => {
  const schemas = postgresSchemas();
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "imagelite-state-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const stores: [string, () => Promise<Imagelite>][] = [
    ["memory", () => startTestServer()],
    ["SQLite", () => startTestServer({ inMemory: false, dataDir: mkdtempSync(join(dir, "store-")) })],
    ["PostgreSQL", () => startTestServer({ store: schemas.url() })],
  ];
  for (const [name, start] of stores) {
    it(`on ${name}, and into a fresh server of the same store`, async () => {
      const server = await start();
      const fresh = await start();
      try {
        await someState(server);
        server.clock.advance(T);
        const first = (await getState(server)).text;
        assert.equal((await postState(server, first)).status, 200);
        assert.equal((await getState(server)).text, first);
        fresh.reset();
        assert.equal((await postState(fresh, first)).status, 200);
        assert.equal((await getState(fresh)).text, first);
        const c = ec2Client(fresh);
        assert.deepEqual(
          (await c.send(new DescribeImagesCommand({ Owners: ["self"] }))).Images!.map((i) => i.Name),
          ["streamed"],
        );
        c.destroy();
      } finally {
        await server.stop();
        await fresh.stop();
      }
    });
  }
});
