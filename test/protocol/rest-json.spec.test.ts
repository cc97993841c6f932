// REST-JSON (src/protocols/rest-json.ts) on its own: routing by method and URI template, members bound from
// labels (greedy ones too), the query, headers, prefixed headers, the JSON body under wire names and a payload
// member; answers with header and status-code members and the operation's status; errors with the model's status,
// X-Amzn-ErrorType and {__type, Message}. With Recycle Bin's real model, and with a small model of the features
// Recycle Bin does not use (botocore's notation). Then the same through the AWS SDK for JavaScript's Recycle Bin
// client: what its serializers write parses into the input it was given, and what imagelite writes its
// deserializers read back. The suite over HTTP is test/rbin/.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateRuleCommand,
  DeleteRuleCommand,
  GetRuleCommand,
  ListRulesCommand,
  ListTagsForResourceCommand,
  RbinClient,
  TagResourceCommand,
  UntagResourceCommand,
  type CreateRuleCommandInput,
} from "@aws-sdk/client-rbin";
import { linkModel, loadModel } from "../../src/model/model";
import { restJson } from "../../src/protocols/rest-json";
import { ServiceError } from "../../src/errors/service-error";
import type { RawRequest } from "../../src/protocols/protocol";
import { offline, operationOf, thrown, withoutMetadata } from "./offline-sdk";

const rbin = loadModel("rbin");
const protocol = restJson(rbin);

function request(method: string, pathAndQuery: string, body = "", headers: Record<string, string> = {}): RawRequest {
  const q = pathAndQuery.indexOf("?");
  return {
    method,
    path: q < 0 ? pathAndQuery : pathAndQuery.slice(0, q),
    query: new URLSearchParams(q < 0 ? "" : pathAndQuery.slice(q + 1)),
    headers: { "content-type": "application/json", ...headers },
    body: Buffer.from(body),
  };
}

const RULE_ARN = "arn:aws:rbin:us-east-1:111111111111:rule/a1b2c3d4e5f";

describe("REST-JSON: routing", () => {
  it("names the operation by method and URI template, a label one segment, and a trailing slash no different", () => {
    const cases: [string, string, string][] = [
      ["POST", "/rules", "CreateRule"],
      ["POST", "/rules/", "CreateRule"],
      ["GET", "/rules/a1b2c3d4e5f", "GetRule"],
      ["PATCH", "/rules/a1b2c3d4e5f", "UpdateRule"],
      ["DELETE", "/rules/a1b2c3d4e5f", "DeleteRule"],
      ["PATCH", "/rules/a1b2c3d4e5f/lock", "LockRule"],
      ["PATCH", "/rules/a1b2c3d4e5f/unlock", "UnlockRule"],
      ["POST", "/list-rules", "ListRules"],
      ["GET", `/tags/${encodeURIComponent(RULE_ARN)}`, "ListTagsForResource"],
      ["POST", `/tags/${encodeURIComponent(RULE_ARN)}`, "TagResource"],
    ];
    for (const [method, path, name] of cases) assert.equal(protocol.operationName(request(method, path)), name, `${method} ${path}`);
  });

  it("a request no route takes is named by its method and path, which no operation is", () => {
    assert.equal(protocol.operationName(request("PUT", "/rules")), "PUT /rules");
    assert.equal(protocol.operationName(request("GET", "/rules/a/b/c")), "GET /rules/a/b/c");
  });
});

describe("REST-JSON: parse", () => {
  it("reads labels decoded, the JSON body under wire names, and the query's lists", () => {
    const arnPath = `/tags/${encodeURIComponent(RULE_ARN)}`;
    assert.deepEqual(
      protocol.parse(request("POST", arnPath, '{"Tags":[{"Key":"a","Value":"1"}],"Colour":"red"}'), operationOf(rbin, "TagResource"), rbin),
      { ResourceArn: RULE_ARN, Tags: [{ Key: "a", Value: "1" }] },
    );
    assert.deepEqual(protocol.parse(request("DELETE", `${arnPath}?tagKeys=a&tagKeys=b%20c`), operationOf(rbin, "UntagResource"), rbin), {
      ResourceArn: RULE_ARN,
      TagKeys: ["a", "b c"],
    });
    // A body member cannot replace a label.
    assert.deepEqual(protocol.parse(request("GET", "/rules/a1b2c3d4e5f", '{"identifier":"x"}'), operationOf(rbin, "GetRule"), rbin), {
      Identifier: "a1b2c3d4e5f",
    });
  });

  it("refuses a body of the wrong JSON type as the JSON protocols do", () => {
    assert.throws(
      () => protocol.parse(request("POST", "/list-rules", '{"ResourceType":1}'), operationOf(rbin, "ListRules"), rbin),
      (e: unknown) => e instanceof ServiceError && e.code === "SerializationException",
    );
    assert.throws(
      () => protocol.parse(request("POST", "/list-rules", "[]"), operationOf(rbin, "ListRules"), rbin),
      (e: unknown) => e instanceof ServiceError && e.code === "SerializationException",
    );
  });
});

/** A model of what Recycle Bin does not use: greedy labels, headers, prefixed headers, a query map, payloads, statusCode. */
const features = linkModel("features", {
  metadata: { protocol: "rest-json", apiVersion: "2020-01-01", endpointPrefix: "features", signingName: "features" },
  operations: {
    PutObject: {
      name: "PutObject",
      http: { method: "PUT", requestUri: "/{Bucket}/{Key+}?acl", responseCode: 200 },
      input: { shape: "PutObjectRequest" },
      output: { shape: "PutObjectResponse" },
    },
    GetObject: {
      name: "GetObject",
      http: { method: "GET", requestUri: "/{Bucket}/{Key+}" },
      input: { shape: "GetObjectRequest" },
      output: { shape: "GetObjectResponse" },
    },
  },
  shapes: {
    String: { type: "string" },
    Integer: { type: "integer" },
    Boolean: { type: "boolean" },
    Timestamp: { type: "timestamp" },
    Blob: { type: "blob" },
    Strings: { type: "list", member: { shape: "String" } },
    StringMap: { type: "map", key: { shape: "String" }, value: { shape: "String" } },
    Body: { type: "structure", members: { Size: { shape: "Integer", locationName: "size" }, When: { shape: "Timestamp" } } },
    PutObjectRequest: {
      type: "structure",
      required: ["Bucket", "Key"],
      payload: "Body",
      members: {
        Bucket: { shape: "String", location: "uri", locationName: "Bucket" },
        Key: { shape: "String", location: "uri", locationName: "Key" },
        Version: { shape: "Integer", location: "querystring", locationName: "version" },
        Others: { shape: "StringMap", location: "querystring" },
        Modified: { shape: "Timestamp", location: "header", locationName: "If-Modified-Since" },
        Langs: { shape: "Strings", location: "header", locationName: "X-Langs" },
        Meta: { shape: "StringMap", location: "headers", locationName: "x-amz-meta-" },
        Body: { shape: "Body" },
      },
    },
    PutObjectResponse: {
      type: "structure",
      members: {
        ETag: { shape: "String", location: "header", locationName: "ETag" },
        Status: { shape: "Integer", location: "statusCode" },
        Size: { shape: "Integer", locationName: "size" },
        When: { shape: "Timestamp", locationName: "when", timestampFormat: "iso8601" },
      },
    },
    GetObjectRequest: {
      type: "structure",
      members: {
        Bucket: { shape: "String", location: "uri", locationName: "Bucket" },
        Key: { shape: "String", location: "uri", locationName: "Key" },
        Cached: { shape: "Boolean", location: "header", locationName: "x-cached" },
      },
    },
    GetObjectResponse: {
      type: "structure",
      payload: "Data",
      members: { Data: { shape: "Blob" }, Expires: { shape: "Timestamp", location: "header", locationName: "Expires" } },
    },
  },
} as never);
const featureProtocol = restJson(features);

describe("REST-JSON: what Recycle Bin does not use", () => {
  it("a greedy label takes the rest of the path; a required query parameter of the template decides the route", () => {
    assert.equal(featureProtocol.operationName(request("PUT", "/b/a/b%2Fc/d.txt?acl")), "PutObject");
    assert.equal(featureProtocol.operationName(request("PUT", "/b/a/b/d.txt")), "PUT /b/a/b/d.txt");
    assert.equal(featureProtocol.operationName(request("GET", "/b/k")), "GetObject");
  });

  it("reads the query, its map of the parameters no member names, headers, prefixed headers and a structure payload", () => {
    const req = request("PUT", "/b/a/b%2Fc/d.txt?acl&version=3&colour=red", '{"size":12,"When":1795435200}', {
      "if-modified-since": "Mon, 23 Nov 2026 12:00:00 GMT",
      "x-langs": 'en, "fr, be", de',
      "x-amz-meta-owner": "images",
    });
    assert.deepEqual(featureProtocol.parse(req, operationOf(features, "PutObject"), features), {
      Bucket: "b",
      Key: "a/b/c/d.txt",
      Version: 3,
      Others: { colour: "red" },
      Modified: new Date("2026-11-23T12:00:00Z"),
      Langs: ["en", "fr, be", "de"],
      Meta: { owner: "images" },
      Body: { Size: 12, When: new Date("2026-11-23T12:00:00Z") },
    });
    assert.deepEqual(
      featureProtocol.parse(request("GET", "/b/k", "", { "x-cached": "true" }), operationOf(features, "GetObject"), features),
      {
        Bucket: "b",
        Key: "k",
        Cached: true,
      },
    );
    assert.throws(
      () => featureProtocol.parse(request("PUT", "/b/k?acl&version=x"), operationOf(features, "PutObject"), features),
      (e: unknown) => e instanceof ServiceError && e.code === "SerializationException",
    );
  });

  it("writes header and status-code members, body members under wire names with their timestamp format, and a blob payload", () => {
    const r = featureProtocol.serialize(
      { ETag: '"abc"', Status: 206, Size: 3, When: new Date("2026-11-23T12:00:00Z") },
      operationOf(features, "PutObject"),
      features,
      "r1",
    );
    assert.equal(r.status, 206);
    assert.equal(r.headers.etag, '"abc"');
    assert.equal(r.body, '{"size":3,"when":"2026-11-23T12:00:00.000Z"}');
    const g = featureProtocol.serialize(
      { Data: Buffer.from("hello"), Expires: new Date("2026-11-23T12:00:00Z") },
      operationOf(features, "GetObject"),
      features,
      "r2",
    );
    assert.equal(g.body, "hello");
    assert.equal(g.headers.expires, "Mon, 23 Nov 2026 12:00:00 GMT");
    assert.equal(g.headers["content-type"], "application/octet-stream");
  });
});

describe("REST-JSON: serialize and serializeError", () => {
  it("answers with the operation's status code, and no body for 204", () => {
    const created = protocol.serialize({ Identifier: "a1b2c3d4e5f", Status: "pending" }, operationOf(rbin, "CreateRule"), rbin, "r");
    assert.equal(created.status, 201);
    assert.equal(created.body, '{"Identifier":"a1b2c3d4e5f","Status":"pending"}');
    const deleted = protocol.serialize({}, operationOf(rbin, "DeleteRule"), rbin, "r");
    assert.deepEqual(deleted, { status: 204, headers: { "x-amzn-requestid": "r" }, body: "" });
  });

  it("an error takes the status of its shape in the model, its message under the shape's member name, and its extra members", () => {
    const r = protocol.serializeError(
      new ServiceError("ConflictException", "locked", 400, { Reason: "INVALID_RULE_STATE" }),
      rbin,
      "request-1",
    );
    assert.deepEqual(r, {
      status: 409,
      headers: { "content-type": "application/json", "x-amzn-requestid": "request-1", "x-amzn-errortype": "ConflictException" },
      body: '{"__type":"ConflictException","Message":"locked","Reason":"INVALID_RULE_STATE"}',
    });
    // An error the model does not name keeps its own status, and says `message`.
    const t = protocol.serializeError(new ServiceError("ThrottlingException", "Rate exceeded", 429), rbin, "request-2");
    assert.equal(t.status, 429);
    assert.equal(t.body, '{"__type":"ThrottlingException","message":"Rate exceeded"}');
  });
});

describe("REST-JSON through the AWS SDK for JavaScript (Recycle Bin)", () => {
  const answer = (output: unknown) => (req: RawRequest) => {
    const name = protocol.operationName(req)!;
    return protocol.serialize(output, operationOf(rbin, name), rbin, "request-3");
  };

  it("parses what the SDK writes into the input the SDK was given: labels, query lists, bodies", async () => {
    const { client, seen } = offline(RbinClient, answer({}));
    const input: CreateRuleCommandInput = {
      ResourceType: "EC2_IMAGE",
      RetentionPeriod: { RetentionPeriodValue: 7, RetentionPeriodUnit: "DAYS" },
      Description: "golden AMIs",
      ResourceTags: [{ ResourceTagKey: "keep", ResourceTagValue: "yes" }],
      Tags: [{ Key: "team", Value: "images & more" }],
      LockConfiguration: { UnlockDelay: { UnlockDelayValue: 7, UnlockDelayUnit: "DAYS" } },
    };
    await client.send(new CreateRuleCommand(input));
    await client.send(new GetRuleCommand({ Identifier: "a1b2c3d4e5f" }));
    await client.send(new UntagResourceCommand({ ResourceArn: RULE_ARN, TagKeys: ["a", "b/c d"] }));
    await client.send(new TagResourceCommand({ ResourceArn: RULE_ARN, Tags: [{ Key: "k", Value: "" }] }));
    await client.send(new ListRulesCommand({ ResourceType: "EBS_SNAPSHOT", MaxResults: 5, LockState: "locked" }));
    const parsed = seen.map((req) => {
      const name = protocol.operationName(req)!;
      return [name, protocol.parse(req, operationOf(rbin, name), rbin)];
    });
    assert.deepEqual(parsed, [
      ["CreateRule", input],
      ["GetRule", { Identifier: "a1b2c3d4e5f" }],
      ["UntagResource", { ResourceArn: RULE_ARN, TagKeys: ["a", "b/c d"] }],
      ["TagResource", { ResourceArn: RULE_ARN, Tags: [{ Key: "k", Value: "" }] }],
      ["ListRules", { ResourceType: "EBS_SNAPSHOT", MaxResults: 5, LockState: "locked" }],
    ]);
    client.destroy();
  });

  it("writes what the SDK reads back as the same output, timestamps as Dates, 201 and 204 as successes", async () => {
    const rule = {
      Identifier: "a1b2c3d4e5f",
      Description: "d",
      ResourceType: "EBS_SNAPSHOT",
      RetentionPeriod: { RetentionPeriodValue: 7, RetentionPeriodUnit: "DAYS" },
      ResourceTags: [],
      Status: "available",
      LockConfiguration: { UnlockDelay: { UnlockDelayValue: 7, UnlockDelayUnit: "DAYS" } },
      LockState: "pending_unlock",
      LockEndTime: new Date("2026-11-30T12:00:00.123Z"),
      RuleArn: RULE_ARN,
    };
    const got = offline(RbinClient, answer(rule));
    assert.deepEqual(withoutMetadata(await got.client.send(new GetRuleCommand({ Identifier: "a1b2c3d4e5f" }))), rule);
    const tags = offline(RbinClient, answer({ Tags: [{ Key: "a", Value: "1" }] }));
    assert.deepEqual(withoutMetadata(await tags.client.send(new ListTagsForResourceCommand({ ResourceArn: RULE_ARN }))), {
      Tags: [{ Key: "a", Value: "1" }],
    });
    const deleted = offline(RbinClient, answer({}));
    const d = await deleted.client.send(new DeleteRuleCommand({ Identifier: "a1b2c3d4e5f" }));
    assert.equal(d.$metadata.httpStatusCode, 204);
    for (const c of [got, tags, deleted]) c.client.destroy();
  });

  it("writes errors the SDK throws by their code, with message, status, request id and modeled members", async () => {
    const { client } = offline(RbinClient, () =>
      protocol.serializeError(
        new ServiceError("ResourceNotFoundException", "no such rule", 400, { Reason: "RULE_NOT_FOUND" }),
        rbin,
        "request-4",
      ),
    );
    const e = await thrown(client.send(new GetRuleCommand({ Identifier: "a1b2c3d4e5f" })));
    assert.equal(e.name, "ResourceNotFoundException");
    assert.equal(e.message, "no such rule");
    assert.equal(e.Reason, "RULE_NOT_FOUND");
    assert.equal(e.$metadata.httpStatusCode, 404);
    assert.equal(e.$metadata.requestId, "request-4");
    assert.equal(e.$fault, "client");
    client.destroy();
  });
});
