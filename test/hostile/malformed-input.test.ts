// Hostile bodies and parameters over HTTP: invalid UTF-8, wrong content types, duplicate parameters,
// gigantic numbers, NaN and Infinity, nesting 100,000 levels deep and lists beyond the model's limits.
// Each gets the protocol's own error (or a success where AWS would accept it), never a 5xx.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Imagelite } from "../../src/index";
import { useServer } from "../support/server";
import { envelopeProblem, errorCode, type Answer, type Proto } from "../fuzz/envelopes";
import { appstream, query } from "./http";

const EC2 = "Action=DescribeImages&Version=2016-11-15";

describe("hostile input", () => {
  const fx = useServer();
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  function expectError(proto: Proto, r: Answer, code: string, status = 400) {
    assert.equal(envelopeProblem(proto, r), undefined, r.body);
    assert.equal(r.status, status, r.body);
    assert.equal(errorCode(r), code, r.body);
  }

  it("refuses invalid UTF-8 in JSON, and reads it in forms as U+FFFD as a Java URL decoder does", async () => {
    const bad = Buffer.concat([Buffer.from('{"Names":["'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"]}')]);
    expectError("json", await appstream(server.endpoint, "DescribeFleets", bad), "SerializationException");
    const raw = await query(server.endpoint, "ec2", Buffer.concat([Buffer.from(`${EC2}&Owner.1=`), Buffer.from([0xff, 0xfe])]));
    expectError("ec2", raw, "InvalidUserID.Malformed");
    expectError("ec2", await query(server.endpoint, "ec2", `${EC2}&Owner.1=%FF%C0`), "InvalidUserID.Malformed");
  });

  it("keeps answers parseable when a request echoes control characters or lone surrogates", async () => {
    const r = await query(server.endpoint, "ec2", `${EC2}&Owner.1=%01%00x`);
    expectError("ec2", r, "InvalidUserID.Malformed");
    assert.ok(r.body.includes("\uFFFD\uFFFDx"));
    expectError("query", await query(server.endpoint, "query", "Action=Get%07CallerIdentity&Version=2011-06-15"), "InvalidAction");
    const json = await appstream(server.endpoint, "DescribeFleets", '{"Names":["\\ud800\\u0001"]}');
    assert.equal(envelopeProblem("json", json), undefined);
  });

  it("routes on X-Amz-Target whatever the content type, and reads a form only when it is form-encoded", async () => {
    // Lenient like the AWS front ends the SDKs meet: the target header decides the protocol.
    for (const type of ["text/plain", "application/json", "application/x-amz-json-1.0"]) {
      const r = await appstream(server.endpoint, "DescribeFleets", "{}", { "content-type": type });
      assert.equal(r.status, 200, type);
    }
    // A query body that is not form-encoded is not read: the action is missing.
    for (const type of ["text/plain", "application/json", "multipart/form-data; boundary=x"]) {
      expectError("ec2", await query(server.endpoint, "ec2", EC2, { "content-type": type }), "MissingAction");
      expectError(
        "query",
        await query(server.endpoint, "query", "Action=GetCallerIdentity&Version=2011-06-15", { "content-type": type }),
        "MissingAction",
      );
    }
  });

  it("answers duplicate query parameters without failing: the first Action, the last member value", async () => {
    const r = await query(server.endpoint, "ec2", "Action=DescribeImages&Action=Nope&Version=2016-11-15&MaxResults=abc&MaxResults=5");
    assert.equal(r.status, 200, r.body);
    assert.match(r.body, /<DescribeImagesResponse /);
    expectError("ec2", await query(server.endpoint, "ec2", `${EC2}&MaxResults=5&MaxResults=abc`), "InvalidParameterValue");
  });

  it("refuses gigantic numbers, NaN and Infinity in both protocols", async () => {
    for (const n of ["1e400", "99999999999999999999999", "2147483648", "NaN", "Infinity", '"NaN"', '"Infinity"', "1.5", "-0.5"]) {
      expectError("json", await appstream(server.endpoint, "DescribeImages", `{"MaxResults":${n}}`), "SerializationException");
    }
    // Within int range but beyond the model: validation, as AWS words it.
    expectError("json", await appstream(server.endpoint, "DescribeImages", '{"MaxResults":2147483647}'), "ValidationException");
    const fleet = await appstream(
      server.endpoint,
      "CreateFleet",
      JSON.stringify({
        Name: "big",
        ImageName: "AppStream-WinServer2019-11-10-2025",
        InstanceType: "stream.standard.small",
        ComputeCapacity: { DesiredInstances: 1e300 },
      }),
    );
    expectError("json", fleet, "SerializationException");
    for (const n of ["99999999999999999999999", "2147483648", "NaN", "Infinity", "-Infinity", "1e3", "0x10", ""]) {
      expectError("ec2", await query(server.endpoint, "ec2", `${EC2}&MaxResults=${n}`), "InvalidParameterValue");
    }
  });

  it("survives nesting 100,000 levels deep without overflowing the stack", async () => {
    const depth = 100_000;
    const bodies = [
      "[".repeat(depth) + "]".repeat(depth),
      `{"Names":${'{"a":'.repeat(depth)}1${"}".repeat(depth + 1)}`,
      `{"ComputeCapacity":${'{"DesiredInstances":'.repeat(depth)}1${"}".repeat(depth + 1)}`,
      "{".repeat(depth),
    ];
    for (const body of bodies)
      expectError(
        "json",
        await appstream(server.endpoint, body.includes("Capacity") ? "CreateFleet" : "DescribeFleets", body),
        "SerializationException",
      );
    // Members the model does not know are dropped unread, but count towards the nesting limit of the body.
    const unknown = await appstream(server.endpoint, "DescribeFleets", `{"Other":${'{"a":'.repeat(depth)}1${"}".repeat(depth + 1)}`);
    expectError("json", unknown, "SerializationException");
    const shallow = await appstream(server.endpoint, "DescribeFleets", `{"Other":${'{"a":'.repeat(50)}1${"}".repeat(51)}`);
    assert.equal(shallow.status, 200);
    expectError("ec2", await query(server.endpoint, "ec2", `${EC2}&Filter${".1".repeat(depth)}=x`), "UnknownParameter");
    expectError("ec2", await query(server.endpoint, "ec2", `${EC2}&${"a.".repeat(depth)}b=x`), "UnknownParameter");
  });

  it("enforces the model's list lengths, and bounds the number of parameters", async () => {
    const sgs = JSON.stringify({
      Name: "f",
      InstanceType: "stream.standard.small",
      ComputeCapacity: { DesiredInstances: 1 },
      VpcConfig: { SecurityGroupIds: Array(6).fill("sg-1") },
    });
    const r = await appstream(server.endpoint, "CreateFleet", sgs);
    expectError("json", r, "ValidationException");
    assert.match(
      JSON.parse(r.body).message,
      /at 'vpcConfig.securityGroupIds' failed to satisfy constraint: Member must have length less than or equal to 5/,
    );
    const ids = Array.from({ length: 201 }, (_, i) => `ImageId.${i + 1}=ami-0123456789abcdef0`).join("&");
    expectError(
      "ec2",
      await query(server.endpoint, "ec2", `Action=DescribeImageUsageReports&Version=2016-11-15&${ids}`),
      "InvalidParameterValue",
    );
    const many = Array.from({ length: 10_001 }, (_, i) => `ImageId.${i + 1}=ami-0123456789abcdef0`).join("&");
    expectError("ec2", await query(server.endpoint, "ec2", `${EC2}&${many}`), "InvalidParameterValue");
    const health = await fetch(`${server.endpoint}/_imagelite/health`);
    assert.equal(health.status, 200);
  });
});
