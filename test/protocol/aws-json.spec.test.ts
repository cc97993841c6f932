// AWS JSON 1.1 (src/protocols/aws-json.ts) on its own, with AppStream operations from the real model: a raw
// request → the parsed input, an output → the exact response, an error → the exact envelope; then the same
// through the AWS SDK for JavaScript, whose serializer writes the requests imagelite parses and whose
// deserializers read the responses imagelite writes. The suite over HTTP is aws-json.test.ts.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateFleetCommand,
  DescribeImagesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UpdateImagePermissionsCommand,
  type CreateFleetCommandInput,
  type DescribeImagesCommandOutput,
} from "@aws-sdk/client-appstream";
import { awsJson } from "../../src/protocols/aws-json";
import { loadModel } from "../../src/model/model";
import { ServiceError } from "../../src/errors/service-error";
import type { RawRequest } from "../../src/protocols/protocol";
import { offlineAppStream, operationOf, thrown, withoutMetadata } from "./offline-sdk";

const model = loadModel("appstream");
const op = (name: string) => operationOf(model, name);

function request(body: string | Buffer, target?: string): RawRequest {
  return {
    method: "POST",
    path: "/",
    query: new URLSearchParams(),
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
    headers: { "content-type": "application/x-amz-json-1.1", ...(target === undefined ? {} : { "x-amz-target": target }) },
  };
}
const parse = (operation: string, body: string | Buffer) => awsJson.parse(request(body), op(operation), model);

/** The ServiceError that parsing `body` as the input of `operation` throws, as code, message and status. */
function parseError(operation: string, body: string | Buffer): { code: string; message: string; status: number } {
  try {
    parse(operation, body);
  } catch (e) {
    assert.ok(e instanceof ServiceError, String(e));
    return { code: e.code, message: e.message, status: e.status };
  }
  assert.fail(`parsing ${String(body).slice(0, 80)} as ${operation} succeeded`);
}

/** An image as the AppStream handlers return one, with a record's internal field that is no model member. */
const IMAGE = {
  Name: "golden",
  Arn: "arn:aws:appstream:us-east-1:111111111111:image/golden",
  State: "AVAILABLE",
  Visibility: "PRIVATE",
  Platform: "WINDOWS_SERVER_2022",
  CreatedTime: new Date("2026-11-23T12:00:00.123Z"),
  ImageBuilderSupported: true,
  ImagePermissions: { allowFleet: true, allowImageBuilder: false },
  SupportedInstanceFamilies: ["GENERAL_PURPOSE"],
  Applications: [{ Name: "notepad", Enabled: false, Metadata: { vendor: "x" }, CreatedTime: new Date(0) }],
  StateChangeReason: { Code: "INTERNAL_ERROR", Message: '<none> & "quoted"' },
  internalOwner: "111111111111",
};

describe("AWS JSON: the operation a request names", () => {
  it("is the part of X-Amz-Target after its last dot, empty without a dot, and undefined without the header", () => {
    assert.equal(awsJson.operationName(request("{}", "PhotonAdminProxyService.DescribeImages")), "DescribeImages");
    assert.equal(awsJson.operationName(request("{}", "a.b.CreateFleet")), "CreateFleet");
    assert.equal(awsJson.operationName(request("{}", "PhotonAdminProxyService.")), "");
    assert.equal(awsJson.operationName(request("{}", "DescribeImages")), "");
    assert.equal(awsJson.operationName(request("{}")), undefined);
  });
});

describe("AWS JSON: parse", () => {
  it("reads every member by its model name, with its JSON type: structures, lists, maps, strings, integers, booleans", () => {
    const body = {
      Name: "f",
      ImageName: "AppStream-WinServer2022-11-10-2025",
      InstanceType: "stream.standard.small",
      FleetType: "ON_DEMAND",
      ComputeCapacity: { DesiredInstances: 2 },
      VpcConfig: { SubnetIds: ["subnet-1", "subnet-2"], SecurityGroupIds: [] },
      EnableDefaultInternetAccess: false,
      MaxUserDurationInSeconds: 3600,
      Tags: { team: "images", empty: "" },
    };
    assert.deepEqual(parse("CreateFleet", JSON.stringify(body)), body);
  });

  it("drops members the model does not name and members that are null, at every level", () => {
    const body =
      '{"Name":"f","InstanceType":"x","Colour":"red","Description":null,"ComputeCapacity":{"DesiredInstances":1,"Extra":[1]},"Tags":{"a":"1","b":null}}';
    assert.deepEqual(parse("CreateFleet", body), {
      Name: "f",
      InstanceType: "x",
      ComputeCapacity: { DesiredInstances: 1 },
      Tags: { a: "1" },
    });
  });

  it("keeps __proto__ and constructor keys from reaching the input or Object.prototype", () => {
    const input = parse("DescribeImages", '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":1}},"Names":["x"]}');
    assert.deepEqual(Object.keys(input), ["Names"]);
    assert.equal(Object.getPrototypeOf(input), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const tags = parse("TagResource", '{"ResourceArn":"arn","Tags":{"__proto__":"v"}}').Tags as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(tags), Object.prototype, "a map key named __proto__ does not replace the prototype");
  });

  it("reads an empty or blank body as an input without members", () => {
    assert.deepEqual(parse("DescribeImages", ""), {});
    assert.deepEqual(parse("DescribeImages", " \n\t"), {});
    assert.deepEqual(parse("DescribeImages", "{}"), {});
  });

  it("refuses a value of the wrong JSON type with SerializationException, naming the token and the shape", () => {
    const cases: [string, string, string][] = [
      ["DescribeImages", '{"Names":"x"}', "Unexpected VALUE_STRING where list was expected for StringList."],
      ["DescribeImages", '{"Names":{}}', "Unexpected START_OBJECT where list was expected for StringList."],
      ["DescribeImages", '{"Names":[1]}', "Unexpected VALUE_NUMBER_INT where string was expected for String."],
      ["DescribeImages", '{"MaxResults":"3"}', "Unexpected VALUE_STRING where integer was expected for DescribeImagesMaxResults."],
      ["DescribeImages", '{"MaxResults":1.5}', "Unexpected VALUE_NUMBER_FLOAT where integer was expected for DescribeImagesMaxResults."],
      ["DescribeImages", '{"Type":true}', "Unexpected VALUE_TRUE where string was expected for VisibilityType."],
      [
        "CreateFleet",
        '{"Name":"f","InstanceType":"x","ComputeCapacity":[]}',
        "Unexpected START_ARRAY where structure was expected for ComputeCapacity.",
      ],
      [
        "CreateFleet",
        '{"Name":"f","InstanceType":"x","EnableDefaultInternetAccess":"yes"}',
        "Unexpected VALUE_STRING where boolean was expected for BooleanObject.",
      ],
      [
        "CreateFleet",
        '{"Name":"f","InstanceType":"x","Tags":{"a":false}}',
        "Unexpected VALUE_FALSE where string was expected for TagValue.",
      ],
      ["CreateFleet", '{"Name":"f","InstanceType":"x","Tags":["a"]}', "Unexpected START_ARRAY where map was expected for Tags."],
    ];
    for (const [operation, body, message] of cases) {
      assert.deepEqual(parseError(operation, body), { code: "SerializationException", message, status: 400 }, body);
    }
  });

  it("refuses a null inside a list", () => {
    assert.equal(parseError("DescribeImages", '{"Names":["a",null]}').code, "SerializationException");
  });

  it("refuses integers beyond Java's int as the service's parser does", () => {
    assert.deepEqual(parse("DescribeImages", '{"MaxResults":2147483647}'), { MaxResults: 2147483647 });
    assert.deepEqual(parseError("DescribeImages", '{"MaxResults":2147483648}'), {
      code: "SerializationException",
      message: "Numeric value (2147483648) out of range of int.",
      status: 400,
    });
    assert.equal(parseError("DescribeImages", '{"MaxResults":-2147483649}').message, "Numeric value (-2147483649) out of range of int.");
  });

  it("refuses a body that is not one JSON object", () => {
    for (const body of ["[]", "42", '"s"', "null", "{", '{"Names":["x"]} trailing']) {
      assert.deepEqual(
        parseError("DescribeImages", body),
        { code: "SerializationException", message: "Start of structure or map found where not expected.", status: 400 },
        body,
      );
    }
  });

  it("refuses invalid UTF-8 rather than reading it as U+FFFD", () => {
    const body = Buffer.concat([Buffer.from('{"Names":["'), Buffer.from([0xc3, 0x28]), Buffer.from('"]}')]);
    assert.deepEqual(parseError("DescribeImages", body), {
      code: "SerializationException",
      message: "Invalid UTF-8 in the request body.",
      status: 400,
    });
  });

  it("refuses nesting beyond 64 levels and more than 10,000 values before parsing", () => {
    const deep = (n: number) => `{"Names":${"[".repeat(n)}${"]".repeat(n)}}`;
    assert.equal(
      parseError("DescribeImages", deep(63)).message,
      "Unexpected START_ARRAY where string was expected for String.",
      "64 levels are parsed",
    );
    assert.deepEqual(parseError("DescribeImages", deep(64)), {
      code: "SerializationException",
      message: "Request nesting is too deep.",
      status: 400,
    });
    const names = (n: number) => JSON.stringify({ Names: Array.from({ length: n }, (_, i) => `n${i}`) });
    assert.equal((parse("DescribeImages", names(9_998)).Names as string[]).length, 9_998);
    assert.deepEqual(parseError("DescribeImages", names(10_000)), {
      code: "SerializationException",
      message: "Request has more than 10000 values.",
      status: 400,
    });
  });
});

describe("AWS JSON: serialize", () => {
  it("writes the output's model members in the output's order, timestamps as epoch seconds, leaving out what the model does not name", () => {
    const r = awsJson.serialize({ Images: [IMAGE], NextToken: "next" }, op("DescribeImages"), model, "request-1");
    assert.equal(r.status, 200);
    assert.deepEqual(r.headers, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "request-1" });
    assert.equal(
      r.body,
      '{"Images":[{"Name":"golden","Arn":"arn:aws:appstream:us-east-1:111111111111:image/golden","State":"AVAILABLE","Visibility":"PRIVATE",' +
        '"Platform":"WINDOWS_SERVER_2022","CreatedTime":1795435200.123,"ImageBuilderSupported":true,' +
        '"ImagePermissions":{"allowFleet":true,"allowImageBuilder":false},"SupportedInstanceFamilies":["GENERAL_PURPOSE"],' +
        '"Applications":[{"Name":"notepad","Enabled":false,"Metadata":{"vendor":"x"},"CreatedTime":0}],' +
        '"StateChangeReason":{"Code":"INTERNAL_ERROR","Message":"<none> & \\"quoted\\""}}],"NextToken":"next"}',
    );
  });

  it("leaves out undefined and null members, and writes {} for an output without members", () => {
    assert.equal(
      awsJson.serialize({ Images: [], NextToken: undefined, Extra: null }, op("DescribeImages"), model, "r").body,
      '{"Images":[]}',
    );
    assert.equal(awsJson.serialize({}, op("TagResource"), model, "r").body, "{}");
    assert.equal(awsJson.serialize(undefined, op("TagResource"), model, "r").body, "{}");
    assert.equal(awsJson.serialize({ Tags: {} }, op("ListTagsForResource"), model, "r").body, '{"Tags":{}}');
  });

  it("writes a timestamp given as an ISO string as epoch seconds too", () => {
    const r = awsJson.serialize({ Images: [{ Name: "n", CreatedTime: "2025-11-10T00:00:00.000Z" }] }, op("DescribeImages"), model, "r");
    assert.equal(r.body, '{"Images":[{"Name":"n","CreatedTime":1762732800}]}');
  });
});

describe("AWS JSON: serializeError", () => {
  it("answers with the status, the error type in X-Amzn-ErrorType and the body {__type, message}", () => {
    const r = awsJson.serializeError(new ServiceError("ResourceNotFoundException", "The image golden does not exist."), model, "request-2");
    assert.deepEqual(r, {
      status: 400,
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-requestid": "request-2",
        "x-amzn-errortype": "ResourceNotFoundException",
      },
      body: '{"__type":"ResourceNotFoundException","message":"The image golden does not exist."}',
    });
  });

  it("keeps the error's status and adds its extra members to the body", () => {
    const r = awsJson.serializeError(new ServiceError("InternalFailure", 'x "y"', 500, { Reason: "r" }), model, "request-3");
    assert.equal(r.status, 500);
    assert.equal(r.body, '{"__type":"InternalFailure","message":"x \\"y\\"","Reason":"r"}');
  });
});

describe("AWS JSON through the AWS SDK for JavaScript", () => {
  it("parses what the SDK writes into the input the SDK was given", async () => {
    const input: CreateFleetCommandInput = {
      Name: "f",
      ImageName: "AppStream-WinServer2022-11-10-2025",
      InstanceType: "stream.standard.small",
      FleetType: "ALWAYS_ON",
      ComputeCapacity: { DesiredInstances: 2 },
      VpcConfig: { SubnetIds: ["subnet-1"], SecurityGroupIds: [] },
      EnableDefaultInternetAccess: false,
      MaxUserDurationInSeconds: 3600,
      Tags: { team: "images", "with space": "a&b" },
      StreamView: "DESKTOP",
    };
    const { client, seen } = offlineAppStream(() => awsJson.serialize({ Fleet: { Name: "f" } }, op("CreateFleet"), model, "r"));
    await client.send(new CreateFleetCommand(input));
    const [req] = seen;
    assert.equal(req.headers["x-amz-target"], "PhotonAdminProxyService.CreateFleet");
    assert.equal(awsJson.operationName(req), "CreateFleet");
    assert.deepEqual(awsJson.parse(req, op("CreateFleet"), model), input);
    client.destroy();
  });

  it("parses the SDK's lower-camel members and an input without members", async () => {
    const input = { Name: "golden", SharedAccountId: "222222222222", ImagePermissions: { allowFleet: true, allowImageBuilder: false } };
    const { client, seen } = offlineAppStream((req) => awsJson.serialize({}, op(awsJson.operationName(req)!), model, "r"));
    await client.send(new UpdateImagePermissionsCommand(input));
    await client.send(new DescribeImagesCommand({}));
    assert.deepEqual(awsJson.parse(seen[0], op("UpdateImagePermissions"), model), input);
    assert.deepEqual(awsJson.parse(seen[1], op("DescribeImages"), model), {});
    client.destroy();
  });

  it("writes what the SDK reads back as the same output, timestamps as Dates", async () => {
    const { internalOwner: _, ...image } = IMAGE;
    const output = { Images: [image], NextToken: "next" };
    const { client } = offlineAppStream(() => awsJson.serialize(output, op("DescribeImages"), model, "request-4"));
    const r: DescribeImagesCommandOutput = await client.send(new DescribeImagesCommand({}));
    assert.deepEqual(withoutMetadata(r), output);
    assert.equal(r.$metadata.requestId, "request-4");
    assert.equal(r.$metadata.httpStatusCode, 200);
    client.destroy();
  });

  it("writes maps and outputs without members as the SDK reads them", async () => {
    const { client } = offlineAppStream((req) => {
      const name = awsJson.operationName(req)!;
      return awsJson.serialize(name === "ListTagsForResource" ? { Tags: { a: "1", "b c": "" } } : {}, op(name), model, "r");
    });
    assert.deepEqual(withoutMetadata(await client.send(new ListTagsForResourceCommand({ ResourceArn: "arn" }))), {
      Tags: { a: "1", "b c": "" },
    });
    assert.deepEqual(withoutMetadata(await client.send(new TagResourceCommand({ ResourceArn: "arn", Tags: { a: "1" } }))), {});
    client.destroy();
  });

  it("writes errors the SDK throws by their code, with message, status and request id", async () => {
    for (const [error, fault] of [
      [new ServiceError("ResourceNotFoundException", "The image golden does not exist."), "client"],
      [new ServiceError("ConcurrentModificationException", "busy"), "client"],
      [new ServiceError("ValidationException", "1 validation error detected: Value 'x' at 'name' failed"), "client"],
      [new ServiceError("ThrottlingException", "Rate exceeded"), "client"],
      [new ServiceError("InternalFailure", "The request processing has failed.", 500), "server"],
    ] as const) {
      const { client } = offlineAppStream(() => awsJson.serializeError(error, model, "request-5"));
      const e = await thrown(client.send(new DescribeImagesCommand({})));
      assert.equal(e.name, error.code);
      assert.equal(e.message, error.message);
      assert.equal(e.$metadata.httpStatusCode, error.status);
      assert.equal(e.$metadata.requestId, "request-5");
      assert.equal(e.$fault, fault);
      client.destroy();
    }
  });
});
