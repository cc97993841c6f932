// The AWS JSON 1.1 contract of AppStream over raw HTTP: validation wording, framework errors, request ids,
// and that no malformed input yields a 5xx or stops the server.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { DescribeFleetsCommand } from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { appstreamClient, useServer } from "../support/server";

const AUTH = "AWS4-HMAC-SHA256 Credential=111111111111/20261123/us-east-1/appstream/aws4_request, SignedHeaders=host, Signature=abc";

describe("AWS JSON protocol (AppStream)", () => {
  const fx = useServer();
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  async function call(target: string | undefined, body: string | Buffer, headers: Record<string, string> = {}) {
    const res = await fetch(server.endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        authorization: AUTH,
        ...(target ? { "x-amz-target": target } : {}),
        ...headers,
      },
      body,
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      json: (() => {
        try {
          return JSON.parse(text);
        } catch {
          return undefined;
        }
      })(),
    };
  }

  it("words validation errors as the service does, collecting every violation", async () => {
    const r = await call(
      "PhotonAdminProxyService.CreateImageBuilder",
      JSON.stringify({ Name: "-bad", InstanceType: "stream.standard.small", Description: "x".repeat(300) }),
    );
    assert.equal(r.status, 400);
    assert.equal(r.json.__type, "ValidationException");
    assert.equal(r.headers.get("x-amzn-errortype"), "ValidationException");
    assert.match(r.json.message, /^2 validation errors detected: /);
    assert.ok(
      r.json.message.includes(
        "Value '-bad' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$",
      ),
    );
    assert.ok(r.json.message.includes("at 'description' failed to satisfy constraint: Member must have length less than or equal to 256"));

    const missing = await call("PhotonAdminProxyService.CreateFleet", JSON.stringify({ InstanceType: "x" }));
    assert.equal(
      missing.json.message,
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );

    const range = await call("PhotonAdminProxyService.DescribeImages", JSON.stringify({ MaxResults: 26 }));
    assert.equal(
      range.json.message,
      "1 validation error detected: Value '26' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 25",
    );

    const enumV = await call("PhotonAdminProxyService.DescribeImages", JSON.stringify({ Type: "SECRET" }));
    assert.equal(
      enumV.json.message,
      "1 validation error detected: Value 'SECRET' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [PUBLIC, PRIVATE, SHARED]",
    );

    const nested = await call(
      "PhotonAdminProxyService.CreateFleet",
      JSON.stringify({
        Name: "f",
        InstanceType: "x",
        ComputeCapacity: { DesiredInstances: 1 },
        VpcConfig: { SecurityGroupIds: Array(6).fill("sg") },
      }),
    );
    assert.match(
      nested.json.message,
      /at 'vpcConfig.securityGroupIds' failed to satisfy constraint: Member must have length less than or equal to/,
    );
  });

  it("answers SerializationException for bodies that are not the shape's JSON", async () => {
    for (const body of [
      "{not json",
      "[]",
      "42",
      JSON.stringify({ Names: "not-a-list" }),
      JSON.stringify({ MaxResults: "3" }),
      JSON.stringify({ MaxResults: 1.5 }),
    ]) {
      const r = await call("PhotonAdminProxyService.DescribeImages", body);
      assert.equal(r.status, 400, body);
      assert.equal(r.json.__type, "SerializationException", body);
    }
  });

  it("answers UnknownOperationException for unknown or missing operations", async () => {
    for (const target of ["PhotonAdminProxyService.MakeCoffee", "PhotonAdminProxyService.", "Nothing"]) {
      const r = await call(target, "{}");
      assert.equal(r.status, 400);
      assert.equal(r.json.__type, "UnknownOperationException", target);
    }
  });

  it("puts a request id on every response", async () => {
    const ok = await call("PhotonAdminProxyService.DescribeFleets", "{}");
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get("x-amzn-requestid") ?? "", /^[0-9a-f-]{36}$/);
    const bad = await call("PhotonAdminProxyService.DescribeFleets", "{");
    assert.match(bad.headers.get("x-amzn-requestid") ?? "", /^[0-9a-f-]{36}$/);
  });

  it("survives hostile bodies and keeps serving", async () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const bodies: (string | Buffer)[] = [
      deep,
      `{"Names":${deep}}`,
      Buffer.from([0xff, 0xfe, 0x00, 0x80]),
      "\u0000",
      JSON.stringify({ __proto__: { polluted: true }, Names: ["x"] }),
      JSON.stringify({ constructor: { prototype: { polluted: 1 } } }),
      "x".repeat(100_000),
    ];
    for (const body of bodies) {
      const r = await call("PhotonAdminProxyService.DescribeFleets", body);
      assert.ok(r.status < 500, `status ${r.status} for ${String(body).slice(0, 20)}`);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const big = await fetch(server.endpoint, {
      method: "POST",
      headers: { "x-amz-target": "PhotonAdminProxyService.DescribeFleets" },
      body: Buffer.alloc(11 * 1024 * 1024, 0x20),
    });
    assert.equal(big.status, 413);
    const client = appstreamClient(server);
    assert.deepEqual((await client.send(new DescribeFleetsCommand({}))).Fleets, []);
    client.destroy();
  });
});
