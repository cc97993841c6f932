// The STS flavour of the query protocol (src/protocols/query.ts, awsQuery) on its own: a form → the parsed
// input, an output → the exact XML, an error → the exact ErrorResponse; then the same through the AWS SDK for
// JavaScript. GetCallerIdentity comes from the model imagelite serves (models/sts.json). It has no input
// members and only strings out, so the flavour's lists (`.member.N`), integers and timestamps are specified with
// AssumeRole from the same botocore STS model (test/protocol/models/sts-assume-role.json: the operation and
// every shape it reaches, trimmed as scripts/import-models.py trims), which imagelite does not serve.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AssumeRoleCommand, GetCallerIdentityCommand, type AssumeRoleCommandInput } from "@aws-sdk/client-sts";
import { awsQuery, readForm } from "../../src/protocols/query";
import { linkModel, loadModel, type ServiceModel } from "../../src/model/model";
import { ServiceError } from "../../src/errors/service-error";
import type { RawRequest } from "../../src/protocols/protocol";
import { offlineSts, thrown, withoutMetadata } from "./offline-sdk";

const sts = loadModel("sts");
const assumeRoleModel = linkModel(
  "sts",
  JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "test", "protocol", "models", "sts-assume-role.json"), "utf8")),
);
const NS = "https://sts.amazonaws.com/doc/2011-06-15/";
const HEADERS = (requestId: string) => ({ "content-type": "text/xml;charset=UTF-8", "x-amzn-requestid": requestId });

function request(body: string): RawRequest {
  return {
    method: "POST",
    path: "/",
    query: new URLSearchParams(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: Buffer.from(body),
  };
}
function parseIn(model: ServiceModel, operation: string, body: string): Record<string, unknown> {
  const req = request(body);
  return awsQuery.parse(req, model.operations.get(operation)!, model, readForm(req.query, body));
}
function parseError(model: ServiceModel, operation: string, body: string): { code: string; message: string; status: number } {
  try {
    parseIn(model, operation, body);
  } catch (e) {
    assert.ok(e instanceof ServiceError, String(e));
    return { code: e.code, message: e.message, status: e.status };
  }
  assert.fail(`parsing ${body.slice(0, 80)} as ${operation} succeeded`);
}

const CREDENTIALS = {
  Credentials: {
    AccessKeyId: "ASIAIMAGELITE0000001",
    SecretAccessKey: "secret",
    SessionToken: "token <&>",
    Expiration: new Date("2026-11-23T13:00:00.000Z"),
  },
  AssumedRoleUser: { AssumedRoleId: "AROAIMAGELITE:session", Arn: "arn:aws:sts::111111111111:assumed-role/r/session" },
  PackedPolicySize: 6,
};

describe("STS query: the operation a request names", () => {
  it("is the form's Action, or undefined without one", () => {
    assert.equal(
      awsQuery.operationName(request(""), new URLSearchParams("Action=GetCallerIdentity&Version=2011-06-15")),
      "GetCallerIdentity",
    );
    assert.equal(awsQuery.operationName(request(""), new URLSearchParams("Version=2011-06-15")), undefined);
  });
});

describe("STS query: parse", () => {
  it("reads GetCallerIdentity, whose input has no members, leaving out the envelope", () => {
    assert.deepEqual(parseIn(sts, "GetCallerIdentity", "Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Date=20261123T120000Z"), {});
  });

  it("refuses a parameter the model does not have with InvalidParameter", () => {
    assert.deepEqual(parseError(sts, "GetCallerIdentity", "Action=GetCallerIdentity&Version=2011-06-15&Colour=red"), {
      code: "InvalidParameter",
      message: "The parameter Colour is not recognized",
      status: 400,
    });
  });

  it("reads lists as `.member.N` in index order, of structures and of strings, members by their model names", () => {
    const input = parseIn(
      assumeRoleModel,
      "AssumeRole",
      "RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2Fr&RoleSessionName=s&DurationSeconds=900" +
        "&PolicyArns.member.2.arn=arn%3Ab&PolicyArns.member.1.arn=arn%3Aa&Tags.member.1.Key=k&Tags.member.1.Value=v&TransitiveTagKeys.member.1=k",
    );
    assert.deepEqual(input, {
      RoleArn: "arn:aws:iam::111111111111:role/r",
      RoleSessionName: "s",
      DurationSeconds: 900,
      PolicyArns: [{ arn: "arn:a" }, { arn: "arn:b" }],
      Tags: [{ Key: "k", Value: "v" }],
      TransitiveTagKeys: ["k"],
    });
  });

  it("reads `Name=` as an empty list, as the SDKs send one", () => {
    assert.deepEqual(parseIn(assumeRoleModel, "AssumeRole", "TransitiveTagKeys="), { TransitiveTagKeys: [] });
  });

  it("refuses list items without `.member`, bad indexes and unknown members with InvalidParameter", () => {
    for (const [body, name] of [
      ["TransitiveTagKeys.1=k", "TransitiveTagKeys.1"],
      ["TransitiveTagKeys.member.0=k", "TransitiveTagKeys.member.0"],
      ["TransitiveTagKeys.member.x=k", "TransitiveTagKeys.member.x"],
      ["Tags.member.1.Colour=red", "Tags.member.1.Colour"],
      ["RoleArn.x=1", "RoleArn.x"],
    ]) {
      assert.deepEqual(
        parseError(assumeRoleModel, "AssumeRole", body),
        { code: "InvalidParameter", message: `The parameter ${name} is not recognized`, status: 400 },
        body,
      );
    }
  });

  it("refuses a value of the wrong type with ValidationError", () => {
    const e = parseError(assumeRoleModel, "AssumeRole", "DurationSeconds=soon");
    assert.equal(e.code, "ValidationError");
    assert.equal(e.status, 400);
    assert.match(e.message, /^Value 'soon' at 'DurationSeconds' failed to satisfy constraint: Member must be /);
  });
});

describe("STS query: serialize", () => {
  it("writes GetCallerIdentityResponse: no XML declaration, the result wrapper, then ResponseMetadata", () => {
    const r = awsQuery.serialize(
      { UserId: "AIDAIMAGELITE", Account: "111111111111", Arn: "arn:aws:iam::111111111111:root", internal: true },
      sts.operations.get("GetCallerIdentity")!,
      sts,
      "request-1",
    );
    assert.deepEqual(r, {
      status: 200,
      headers: HEADERS("request-1"),
      body:
        `<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult><Account>111111111111</Account><Arn>arn:aws:iam::111111111111:root</Arn>` +
        "<UserId>AIDAIMAGELITE</UserId></GetCallerIdentityResult><ResponseMetadata><RequestId>request-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>",
    });
  });

  it("writes nested structures, timestamps in ISO 8601 and integers, escaping text", () => {
    const r = awsQuery.serialize(CREDENTIALS, assumeRoleModel.operations.get("AssumeRole")!, assumeRoleModel, "request-2");
    assert.equal(
      r.body,
      `<AssumeRoleResponse xmlns="${NS}"><AssumeRoleResult>` +
        "<AssumedRoleUser><Arn>arn:aws:sts::111111111111:assumed-role/r/session</Arn><AssumedRoleId>AROAIMAGELITE:session</AssumedRoleId></AssumedRoleUser>" +
        "<Credentials><AccessKeyId>ASIAIMAGELITE0000001</AccessKeyId><Expiration>2026-11-23T13:00:00.000Z</Expiration><SecretAccessKey>secret</SecretAccessKey>" +
        "<SessionToken>token &lt;&amp;&gt;</SessionToken></Credentials><PackedPolicySize>6</PackedPolicySize></AssumeRoleResult>" +
        "<ResponseMetadata><RequestId>request-2</RequestId></ResponseMetadata></AssumeRoleResponse>",
    );
  });
});

describe("STS query: serializeError", () => {
  it("answers ErrorResponse in the STS namespace with Type Sender for a 4xx", () => {
    const r = awsQuery.serializeError(
      new ServiceError("InvalidAction", "Could not find operation AssumeNothing for version 2011-06-15"),
      sts,
      "request-3",
    );
    assert.deepEqual(r, {
      status: 400,
      headers: HEADERS("request-3"),
      body:
        `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>InvalidAction</Code>` +
        "<Message>Could not find operation AssumeNothing for version 2011-06-15</Message></Error><RequestId>request-3</RequestId></ErrorResponse>",
    });
  });

  it("answers Type Receiver for a 5xx, and escapes the message", () => {
    const r = awsQuery.serializeError(new ServiceError("InternalFailure", "a < b & 'c'", 500), sts, "request-4");
    assert.equal(r.status, 500);
    assert.equal(
      r.body,
      `<ErrorResponse xmlns="${NS}"><Error><Type>Receiver</Type><Code>InternalFailure</Code>` +
        "<Message>a &lt; b &amp; &apos;c&apos;</Message></Error><RequestId>request-4</RequestId></ErrorResponse>",
    );
  });
});

describe("STS query through the AWS SDK for JavaScript", () => {
  it("parses what the SDK writes into the input the SDK was given", async () => {
    const input: AssumeRoleCommandInput = {
      RoleArn: "arn:aws:iam::111111111111:role/r",
      RoleSessionName: "session@imagelite",
      DurationSeconds: 3600,
      ExternalId: "a=b&c",
      PolicyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }, { arn: "arn:aws:iam::aws:policy/x" }],
      Tags: [{ Key: "team", Value: "ü €" }],
      TransitiveTagKeys: [],
    };
    const { client, seen } = offlineSts((req) => {
      const name = new URLSearchParams(req.body.toString()).get("Action")!;
      const model = name === "AssumeRole" ? assumeRoleModel : sts;
      return awsQuery.serialize(name === "AssumeRole" ? CREDENTIALS : {}, model.operations.get(name)!, model, "r");
    });
    await client.send(new GetCallerIdentityCommand({}));
    await client.send(new AssumeRoleCommand(input));
    const forms = seen.map((req) => readForm(req.query, req.body.toString()));
    assert.deepEqual(
      forms.map((f) => awsQuery.operationName(seen[0], f)),
      ["GetCallerIdentity", "AssumeRole"],
    );
    assert.deepEqual(awsQuery.parse(seen[0], sts.operations.get("GetCallerIdentity")!, sts, forms[0]), {});
    assert.deepEqual(awsQuery.parse(seen[1], assumeRoleModel.operations.get("AssumeRole")!, assumeRoleModel, forms[1]), input);
    client.destroy();
  });

  it("writes what the SDK reads back as the same output", async () => {
    const identity = { UserId: "AIDAIMAGELITE", Account: "111111111111", Arn: "arn:aws:iam::111111111111:root" };
    const { client } = offlineSts((req) => {
      const name = new URLSearchParams(req.body.toString()).get("Action")!;
      const model = name === "AssumeRole" ? assumeRoleModel : sts;
      return awsQuery.serialize(name === "AssumeRole" ? CREDENTIALS : identity, model.operations.get(name)!, model, "request-5");
    });
    const who = await client.send(new GetCallerIdentityCommand({}));
    assert.deepEqual(withoutMetadata(who), identity);
    assert.equal(who.$metadata.requestId, "request-5");
    const assumed = await client.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::111111111111:role/r", RoleSessionName: "s" }));
    assert.deepEqual(withoutMetadata(assumed), CREDENTIALS);
    client.destroy();
  });

  it("writes errors the SDK throws by their code, with message, status and request id", async () => {
    for (const [error, fault] of [
      [new ServiceError("InvalidAction", "Could not find operation X for version 2011-06-15"), "client"],
      [new ServiceError("InvalidClientTokenId", "The security token included in the request is invalid.", 403), "client"],
      [new ServiceError("Throttling", "Rate exceeded"), "client"],
      [new ServiceError("InternalFailure", "The request processing has failed.", 500), "server"],
    ] as const) {
      const { client } = offlineSts(() => awsQuery.serializeError(error, sts, "request-6"));
      const e = await thrown(client.send(new GetCallerIdentityCommand({})));
      assert.equal(e.name, error.code);
      assert.equal(e.message, error.message);
      assert.equal(e.$metadata.httpStatusCode, error.status);
      assert.equal(e.$metadata.requestId, "request-6");
      assert.equal(e.$fault, fault);
      client.destroy();
    }
  });
});
