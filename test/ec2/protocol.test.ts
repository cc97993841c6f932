// The EC2 query protocol on the wire, without an SDK: form-encoded requests with flattened lists, XML
// responses in the EC2 namespace with `item` lists and a requestId, and EC2's error envelope.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, useServer } from "../support/server";
import { ownSnapshot } from "./helpers";

let server: Imagelite;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
});

/** POSTs an EC2 query request as ACCOUNT_A (the SigV4 credential scope names account, region and service). */
async function call(params: Record<string, string>): Promise<{ status: number; body: string }> {
  const res = await fetch(server.endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      authorization: `AWS4-HMAC-SHA256 Credential=${ACCOUNT_A}/20250101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00`,
    },
    body: new URLSearchParams({ Version: "2016-11-15", ...params }).toString(),
  });
  return { status: res.status, body: await res.text() };
}

const ERROR_ENVELOPE =
  /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>([^<]+)<\/Code><Message>([^<]*)<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/;

function error(r: { status: number; body: string }): { status: number; code: string; message: string } {
  const m = ERROR_ENVELOPE.exec(r.body);
  assert.ok(m, `not an EC2 error envelope: ${r.body}`);
  return { status: r.status, code: m[1], message: m[2] };
}

test("a success response: EC2 namespace, requestId, item lists and lower-camel element names", async () => {
  const snapshot = await ownSnapshot(fx.ec2(ACCOUNT_A));
  const reg = await call({
    Action: "RegisterImage",
    Name: "wire-ami",
    RootDeviceName: "/dev/xvda",
    Architecture: "x86_64",
    "BlockDeviceMapping.1.DeviceName": "/dev/xvda",
    "BlockDeviceMapping.1.Ebs.SnapshotId": snapshot,
    "TagSpecification.1.ResourceType": "image",
    "TagSpecification.1.Tag.1.Key": "k",
    "TagSpecification.1.Tag.1.Value": "v",
  });
  assert.equal(reg.status, 200);
  const id = /<imageId>(ami-[0-9a-f]{17})<\/imageId>/.exec(reg.body)![1];
  assert.match(
    reg.body,
    /^<\?xml[^>]*>\n<RegisterImageResponse xmlns="http:\/\/ec2.amazonaws.com\/doc\/2016-11-15\/"><requestId>[0-9a-f-]{36}<\/requestId>/,
  );
  const d = await call({
    Action: "DescribeImages",
    "ImageId.1": id,
    "Filter.1.Name": "name",
    "Filter.1.Value.1": "nope",
    "Filter.1.Value.2": "wire-*",
  });
  assert.equal(d.status, 200);
  assert.match(d.body, /<DescribeImagesResponse xmlns="http:\/\/ec2.amazonaws.com\/doc\/2016-11-15\/"><requestId>/);
  assert.match(d.body, /<imagesSet><item><architecture>x86_64<\/architecture>/);
  assert.match(d.body, new RegExp(`<imageId>${id}</imageId>`));
  assert.match(d.body, /<imageState>pending<\/imageState>/);
  assert.match(d.body, /<imageOwnerId>111111111111<\/imageOwnerId>/);
  assert.match(d.body, /<isPublic>false<\/isPublic>/);
  assert.match(d.body, /<creationDate>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z<\/creationDate>/);
  assert.match(d.body, /<blockDeviceMapping><item><deviceName>\/dev\/xvda<\/deviceName><ebs>/);
  assert.match(d.body, /<tagSet><item><key>k<\/key><value>v<\/value><\/item><\/tagSet>/);
  const t = await call({ Action: "CreateTags", "ResourceId.1": id, "Tag.1.Key": "a", "Tag.1.Value": "b" });
  assert.match(t.body, /<CreateTagsResponse xmlns="[^"]+"><requestId>[^<]+<\/requestId><return>true<\/return><\/CreateTagsResponse>/);
});

test("an unknown parameter is UnknownParameter and never reaches the handler", async () => {
  const r = error(await call({ Action: "RegisterImage", Name: "never-created", RootDeviceName: "/dev/xvda", Colour: "red" }));
  assert.deepEqual([r.status, r.code], [400, "UnknownParameter"]);
  assert.match(r.message, /Colour/);
  const nested = error(await call({ Action: "DescribeImages", "Filter.1.Name": "name", "Filter.1.Vale.1": "x" }));
  assert.equal(nested.code, "UnknownParameter");
  const own = await call({ Action: "DescribeImages", "Owner.1": "self" });
  assert.doesNotMatch(own.body, /never-created/);
});

test("malformed values and missing parameters", async () => {
  let r = error(await call({ Action: "DescribeImages", MaxResults: "lots" }));
  assert.deepEqual([r.status, r.code], [400, "InvalidParameterValue"]);
  r = error(await call({ Action: "DescribeImages", DryRun: "maybe" }));
  assert.equal(r.code, "InvalidParameterValue");
  r = error(await call({ Action: "DeregisterImage" }));
  assert.deepEqual([r.code, r.message], ["MissingParameter", "The request must contain the parameter ImageId"]);
  r = error(await call({ Action: "CreateTags", "Tag.1.Key": "k" }));
  assert.deepEqual([r.code, r.message], ["MissingParameter", "The request must contain the parameter ResourceId"]);
  r = error(await call({ Action: "DescribeImageAttribute", ImageId: "ami-0123456789abcdef0", Attribute: "colour" }));
  assert.equal(r.code, "InvalidParameterValue");
});

test("an unknown action is InvalidAction (400); EC2's own error codes keep their names", async () => {
  let r = error(await call({ Action: "LaunchRockets" }));
  assert.deepEqual([r.status, r.code], [400, "InvalidAction"]);
  r = error(await call({ Action: "DescribeImages", "ImageId.1": "ami-0123456789abcdef0" }));
  assert.deepEqual([r.status, r.code], [400, "InvalidAMIID.NotFound"]);
  r = error(await call({ Action: "DescribeImages", "ImageId.1": "ami-<&>" }));
  assert.equal(r.code, "InvalidAMIID.Malformed");
  assert.match(r.message, /ami-&lt;&amp;&gt;/, "messages are XML-escaped");
});

test("DryRun answers DryRunOperation with HTTP 412", async () => {
  const r = error(await call({ Action: "DescribeImages", DryRun: "true" }));
  assert.deepEqual(r, { status: 412, code: "DryRunOperation", message: "Request would have succeeded, but DryRun flag is set." });
});
