// The EC2 flavour of the query protocol (src/protocols/query.ts) on its own, with EC2 operations from the real
// model: a form → the parsed input, an output → the exact XML, an error → EC2's exact envelope; then the same
// through the AWS SDK for JavaScript, whose serializer writes the forms imagelite parses and whose
// deserializers read the XML imagelite writes. The suite over HTTP is test/ec2/protocol.test.ts.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CopyImageCommand,
  CreateTagsCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeImageUsageReportsCommand,
  DescribeImportImageTasksCommand,
  ImportImageCommand,
  RegisterImageCommand,
  type DescribeImagesCommandInput,
  type ImportImageCommandInput,
  type RegisterImageCommandInput,
} from "@aws-sdk/client-ec2";
import { ec2Query, readForm } from "../../src/protocols/query";
import { loadModel } from "../../src/model/model";
import { ServiceError } from "../../src/errors/service-error";
import type { RawRequest } from "../../src/protocols/protocol";
import { offlineEc2, operationOf, thrown, withoutMetadata } from "./offline-sdk";

const model = loadModel("ec2");
const op = (name: string) => operationOf(model, name);

function request(body: string, query = ""): RawRequest {
  return {
    method: "POST",
    path: "/",
    query: new URLSearchParams(query),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: Buffer.from(body),
  };
}
/** What the gateway does with a query request: read the form (query string, then body), then parse it. */
function parse(operation: string, body: string, query = ""): Record<string, unknown> {
  const req = request(body, query);
  return ec2Query.parse(req, op(operation), model, readForm(req.query, body));
}
function parseError(operation: string, body: string): { code: string; message: string; status: number } {
  try {
    parse(operation, body);
  } catch (e) {
    assert.ok(e instanceof ServiceError, String(e));
    return { code: e.code, message: e.message, status: e.status };
  }
  assert.fail(`parsing ${body.slice(0, 80)} as ${operation} succeeded`);
}

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
const HEADERS = (requestId: string) => ({ "content-type": "text/xml;charset=UTF-8", "x-amzn-requestid": requestId });

/** An AMI as the EC2 handlers return one, with a record's internal field that is no model member. */
const AMI = {
  ImageId: "ami-0123456789abcdef0",
  Name: 'web <v1> & "more"',
  OwnerId: "111111111111",
  Public: false,
  State: "available",
  CreationDate: "2026-11-23T12:00:00.000Z",
  Architecture: "x86_64",
  RootDeviceName: "/dev/xvda",
  RootDeviceType: "ebs",
  BlockDeviceMappings: [
    { DeviceName: "/dev/xvda", Ebs: { SnapshotId: "snap-0123456789abcdef0", VolumeSize: 8, DeleteOnTermination: true } },
  ],
  Tags: [{ Key: "team", Value: "" }],
  internalGrants: ["222222222222"],
};

describe("EC2 query: the operation a request names", () => {
  it("is the form's Action, or undefined without one", () => {
    assert.equal(ec2Query.operationName(request(""), new URLSearchParams("Action=DescribeImages&Version=2016-11-15")), "DescribeImages");
    assert.equal(ec2Query.operationName(request(""), new URLSearchParams("Version=2016-11-15")), undefined);
  });
});

describe("EC2 query: parse", () => {
  it("reads capitalized wire names, flattened lists in index order and nested structures", () => {
    const input = parse(
      "DescribeImages",
      "Action=DescribeImages&Version=2016-11-15&ImageId.2=ami-b&ImageId.10=ami-c&ImageId.1=ami-a&Owner.1=self&ExecutableBy.1=all" +
        "&Filter.1.Name=name&Filter.1.Value.1=web-*&Filter.1.Value.2=db-*&Filter.2.Name=state&Filter.2.Value.1=available" +
        "&DryRun=false&MaxResults=5&IncludeDeprecated=true&NextToken=",
    );
    assert.deepEqual(input, {
      ImageIds: ["ami-a", "ami-b", "ami-c"],
      Owners: ["self"],
      ExecutableUsers: ["all"],
      Filters: [
        { Name: "name", Values: ["web-*", "db-*"] },
        { Name: "state", Values: ["available"] },
      ],
      DryRun: false,
      MaxResults: 5,
      IncludeDeprecated: true,
      NextToken: "",
    });
  });

  it("reads lists of structures holding lists, and a member left out of a list item", () => {
    const input = parse(
      "RegisterImage",
      "Name=web&RootDeviceName=%2Fdev%2Fxvda&BillingProduct.1=bp-6ba54002" +
        "&BlockDeviceMapping.1.DeviceName=%2Fdev%2Fxvda&BlockDeviceMapping.1.Ebs.SnapshotId=snap-1&BlockDeviceMapping.1.Ebs.VolumeSize=8" +
        "&BlockDeviceMapping.1.Ebs.DeleteOnTermination=true&BlockDeviceMapping.2.DeviceName=%2Fdev%2Fsdb&BlockDeviceMapping.2.NoDevice=" +
        "&TagSpecification.1.ResourceType=image&TagSpecification.1.Tag.1.Key=k&TagSpecification.1.Tag.1.Value=v&TagSpecification.1.Tag.2.Key=only-key",
    );
    assert.deepEqual(input, {
      Name: "web",
      RootDeviceName: "/dev/xvda",
      BillingProducts: ["bp-6ba54002"],
      BlockDeviceMappings: [
        { DeviceName: "/dev/xvda", Ebs: { SnapshotId: "snap-1", VolumeSize: 8, DeleteOnTermination: true } },
        { DeviceName: "/dev/sdb", NoDevice: "" },
      ],
      TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "k", Value: "v" }, { Key: "only-key" }] }],
    });
  });

  it("reads timestamps in ISO 8601 or epoch seconds, doubles and longs", () => {
    assert.deepEqual(
      parse("ImportImage", "ClientData.UploadStart=2026-11-23T12:00:00Z&ClientData.UploadEnd=1795435200.5&ClientData.UploadSize=1.5e3"),
      {
        ClientData: {
          UploadStart: new Date("2026-11-23T12:00:00.000Z"),
          UploadEnd: new Date("2026-11-23T12:00:00.500Z"),
          UploadSize: 1500,
        },
      },
    );
    assert.deepEqual(parse("CopyImage", "Name=n&SourceImageId=ami-1&SourceRegion=us-east-1&SnapshotCopyCompletionDurationMinutes=-15"), {
      Name: "n",
      SourceImageId: "ami-1",
      SourceRegion: "us-east-1",
      SnapshotCopyCompletionDurationMinutes: -15,
    });
  });

  it("reads `Name=` as an empty list, as botocore sends one (the SDK for JavaScript leaves an empty list out)", () => {
    assert.deepEqual(parse("DescribeImages", "ImageId=&Owner="), { ImageIds: [], Owners: [] });
  });

  it("leaves out the envelope: Action, Version, the signature's parameters and every X-Amz-* one", () => {
    const envelope =
      "Action=DescribeImages&Version=2016-11-15&AWSAccessKeyId=AKID&SignatureMethod=HmacSHA256&SignatureVersion=2&Signature=s" +
      "&Timestamp=t&Expires=e&SecurityToken=tok&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=c&X-Amz-Date=d&X-Amz-SignedHeaders=host&X-Amz-Signature=s";
    assert.deepEqual(parse("DescribeImages", envelope), {});
  });

  it("reads the query string and the form body together, the body's value last", () => {
    assert.deepEqual(parse("DescribeImages", "Owner.1=self&MaxResults=6", "Action=DescribeImages&Owner.2=amazon&MaxResults=5"), {
      Owners: ["self", "amazon"],
      MaxResults: 6,
    });
  });

  it("refuses names the model does not have with UnknownParameter", () => {
    const cases: [string, string, string][] = [
      ["RegisterImage", "Name=n&Colour=red", "Colour"],
      ["DescribeImages", "dryRun=true", "dryRun"],
      ["DescribeImages", "Filter.1.Name=name&Filter.1.Vale.1=x", "Filter.1.Vale"],
      ["DescribeImages", "Owner.0=self", "Owner.0"],
      ["DescribeImages", "Owner.01=self", "Owner.01"],
      ["DescribeImages", "Owner.first=self", "Owner.first"],
      ["DescribeImages", "Owner.1000000=self", "Owner.1000000"],
      ["DescribeImages", "Owner.1.x=self", "Owner.1.x"],
      ["DescribeImages", "NextToken.x=1", "NextToken.x"],
      ["DescribeImages", `Filter${".1".repeat(16)}=x`, `Filter${".1".repeat(16)}`],
    ];
    for (const [operation, body, name] of cases) {
      assert.deepEqual(
        parseError(operation, body),
        { code: "UnknownParameter", message: `The parameter ${name} is not recognized`, status: 400 },
        body,
      );
    }
  });

  it("refuses values that are not of the member's type with InvalidParameterValue", () => {
    const cases: [string, string, string, string, string][] = [
      ["DescribeImages", "MaxResults=lots", "lots", "MaxResults", "integer"],
      ["DescribeImages", "MaxResults=", "", "MaxResults", "integer"],
      ["DescribeImages", "MaxResults=1.5", "1.5", "MaxResults", "integer"],
      ["DescribeImages", "MaxResults=2147483648", "2147483648", "MaxResults", "integer"],
      ["DescribeImages", "DryRun=True", "True", "DryRun", "boolean"],
      ["DescribeImages", "ImageId=ami-1", "ami-1", "ImageId", "list"],
      ["DescribeImages", "Filter.1=name", "name", "Filter.1", "structure"],
      ["ImportImage", "ClientData.UploadSize=big", "big", "ClientData.UploadSize", "number"],
      ["ImportImage", "ClientData.UploadStart=yesterday", "yesterday", "ClientData.UploadStart", "timestamp"],
    ];
    for (const [operation, body, value, name, expected] of cases) {
      assert.deepEqual(
        parseError(operation, body),
        {
          code: "InvalidParameterValue",
          message: `Value (${value}) for parameter ${name} is invalid. Expected: '${expected}'.`,
          status: 400,
        },
        body,
      );
    }
  });

  it("repeats at most 256 characters of a refused value", () => {
    const { message } = parseError("DescribeImages", `MaxResults=${"9".repeat(300)}`);
    assert.equal(message, `Value (${"9".repeat(256)}...) for parameter MaxResults is invalid. Expected: 'integer'.`);
  });

  it("refuses more than 10,000 parameters", () => {
    const owners = (n: number) => Array.from({ length: n }, (_, i) => `Owner.${i + 1}=o${i}`).join("&");
    assert.equal((parse("DescribeImages", owners(10_000)).Owners as string[]).length, 10_000);
    assert.deepEqual(parseError("DescribeImages", owners(10_001)), {
      code: "InvalidParameterValue",
      message: "The request has too many parameters.",
      status: 400,
    });
  });
});

describe("EC2 query: serialize", () => {
  it("writes the EC2 response: namespace with its slash, requestId, lower-camel names, item lists, escaped text, nothing the model does not name", () => {
    const r = ec2Query.serialize({ Images: [AMI], NextToken: undefined }, op("DescribeImages"), model, "request-1");
    assert.equal(r.status, 200);
    assert.deepEqual(r.headers, HEADERS("request-1"));
    assert.equal(
      r.body,
      `${XML}<DescribeImagesResponse xmlns="${NS}"><requestId>request-1</requestId><imagesSet><item>` +
        "<architecture>x86_64</architecture><blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><deleteOnTermination>true</deleteOnTermination>" +
        "<snapshotId>snap-0123456789abcdef0</snapshotId><volumeSize>8</volumeSize></ebs></item></blockDeviceMapping>" +
        "<creationDate>2026-11-23T12:00:00.000Z</creationDate><imageId>ami-0123456789abcdef0</imageId><name>web &lt;v1&gt; &amp; &quot;more&quot;</name>" +
        "<imageOwnerId>111111111111</imageOwnerId><isPublic>false</isPublic><rootDeviceName>/dev/xvda</rootDeviceName><rootDeviceType>ebs</rootDeviceType>" +
        "<imageState>available</imageState><tagSet><item><key>team</key><value></value></item></tagSet></item></imagesSet></DescribeImagesResponse>",
    );
  });

  it("writes an empty list as an empty element", () => {
    assert.equal(
      ec2Query.serialize({ Images: [] }, op("DescribeImages"), model, "r").body,
      `${XML}<DescribeImagesResponse xmlns="${NS}"><requestId>r</requestId><imagesSet></imagesSet></DescribeImagesResponse>`,
    );
  });

  it("answers <return>true</return> for an action without output members, as EC2 does", () => {
    const r = ec2Query.serialize(undefined, op("CreateTags"), model, "request-2");
    assert.deepEqual(r, {
      status: 200,
      headers: HEADERS("request-2"),
      body: `${XML}<CreateTagsResponse xmlns="${NS}"><requestId>request-2</requestId><return>true</return></CreateTagsResponse>`,
    });
  });

  it("writes timestamps in ISO 8601 with milliseconds, doubles and longs as numbers", () => {
    const reports = ec2Query.serialize(
      { ImageUsageReports: [{ ReportId: "amiur-1", CreationTime: new Date("2026-11-23T12:00:00.123Z") }] },
      op("DescribeImageUsageReports"),
      model,
      "r",
    );
    assert.equal(
      reports.body,
      `${XML}<DescribeImageUsageReportsResponse xmlns="${NS}"><requestId>r</requestId><imageUsageReportSet><item>` +
        "<creationTime>2026-11-23T12:00:00.123Z</creationTime><reportId>amiur-1</reportId></item></imageUsageReportSet></DescribeImageUsageReportsResponse>",
    );
    const tasks = ec2Query.serialize(
      { ImportImageTasks: [{ ImportTaskId: "import-ami-1", SnapshotDetails: [{ DiskImageSize: 1.5, Format: "VMDK" }] }] },
      op("DescribeImportImageTasks"),
      model,
      "r",
    );
    assert.match(
      tasks.body,
      /<snapshotDetailSet><item><diskImageSize>1\.5<\/diskImageSize><format>VMDK<\/format><\/item><\/snapshotDetailSet>/,
    );
    const entries = ec2Query.serialize(
      { ImageUsageReportEntries: [{ UsageCount: 9007199254740991 }] },
      op("DescribeImageUsageReportEntries"),
      model,
      "r",
    );
    assert.match(entries.body, /<usageCount>9007199254740991<\/usageCount>/);
  });
});

describe("EC2 query: serializeError", () => {
  it("answers EC2's envelope: Response, Errors, Error with Code and Message, RequestID; no namespace", () => {
    const r = ec2Query.serializeError(
      new ServiceError("InvalidAMIID.NotFound", "The image id '[ami-<1>]' does not exist"),
      model,
      "request-3",
    );
    assert.deepEqual(r, {
      status: 400,
      headers: HEADERS("request-3"),
      body:
        `${XML}<Response><Errors><Error><Code>InvalidAMIID.NotFound</Code><Message>The image id &apos;[ami-&lt;1&gt;]&apos; does not exist</Message>` +
        "</Error></Errors><RequestID>request-3</RequestID></Response>",
    });
  });

  it("keeps the error's status (DryRunOperation 412, RequestLimitExceeded 503)", () => {
    assert.equal(
      ec2Query.serializeError(new ServiceError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412), model, "r")
        .status,
      412,
    );
    assert.equal(ec2Query.serializeError(new ServiceError("RequestLimitExceeded", "Request limit exceeded.", 503), model, "r").status, 503);
  });
});

describe("EC2 query through the AWS SDK for JavaScript", () => {
  /** Sends each input with the SDK and parses the form the SDK wrote. */
  async function sdkForms(commands: { name: string; command: unknown }[]) {
    const { client, seen } = offlineEc2((req) =>
      ec2Query.serialize({}, op(new URLSearchParams(req.body.toString()).get("Action")!), model, "r"),
    );
    const parsed: Record<string, unknown>[] = [];
    for (const { name, command } of commands) {
      await client.send(command as never);
      const req = seen[seen.length - 1];
      const form = readForm(req.query, req.body.toString());
      assert.equal(ec2Query.operationName(req, form), name);
      parsed.push(ec2Query.parse(req, op(name), model, form));
    }
    client.destroy();
    return parsed;
  }

  it("parses what the SDK writes into the input the SDK was given", async () => {
    const describe: DescribeImagesCommandInput = {
      ImageIds: Array.from({ length: 11 }, (_, i) => `ami-${String(i).padStart(17, "0")}`),
      Owners: ["self", "amazon"],
      ExecutableUsers: ["all"],
      Filters: [
        { Name: "name", Values: ["web *", "a&b=c"] },
        { Name: "tag:team", Values: ["x.1"] },
      ],
      IncludeDeprecated: true,
      DryRun: false,
      MaxResults: 6,
    };
    const register: RegisterImageCommandInput = {
      Name: "web (v1.2)",
      Architecture: "arm64",
      VirtualizationType: "hvm",
      RootDeviceName: "/dev/xvda",
      BillingProducts: ["bp-6ba54002"],
      BlockDeviceMappings: [
        { DeviceName: "/dev/xvda", Ebs: { SnapshotId: "snap-1", VolumeSize: 8, DeleteOnTermination: false, Iops: 3000 } },
        { DeviceName: "/dev/sdb", NoDevice: "" },
      ],
      TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "k", Value: "ü €" }] }],
    };
    const imported: ImportImageCommandInput = {
      ClientData: {
        UploadStart: new Date("2026-11-23T12:00:00.000Z"),
        UploadEnd: new Date("2026-11-23T12:30:00.250Z"),
        UploadSize: 2.5,
        Comment: "c",
      },
      DiskContainers: [{ Format: "vmdk", UserBucket: { S3Bucket: "b", S3Key: "disk.vmdk" } }],
      Description: "d",
    };
    const copy = {
      Name: "copy",
      SourceImageId: "ami-1",
      SourceRegion: "eu-west-1",
      ClientToken: "token-1",
      SnapshotCopyCompletionDurationMinutes: 9007199254740991,
    };
    const tags = { Resources: ["ami-1", "ami-2"], Tags: [{ Key: "a", Value: "" }] };
    const parsed = await sdkForms([
      { name: "DescribeImages", command: new DescribeImagesCommand(describe) },
      { name: "RegisterImage", command: new RegisterImageCommand(register) },
      { name: "ImportImage", command: new ImportImageCommand(imported) },
      { name: "CopyImage", command: new CopyImageCommand(copy) },
      { name: "CreateTags", command: new CreateTagsCommand(tags) },
    ]);
    assert.deepEqual(parsed, [describe, register, imported, copy, tags]);
  });

  it("writes what the SDK reads back as the same output", async () => {
    const { internalGrants: _, ...ami } = AMI;
    const outputs: Record<string, Record<string, unknown>> = {
      DescribeImages: { Images: [ami], NextToken: "next" },
      DescribeImageAttribute: {
        ImageId: "ami-1",
        LaunchPermissions: [{ UserId: "222222222222" }, { Group: "all" }],
        Description: { Value: "d" },
      },
      DescribeImportImageTasks: {
        ImportImageTasks: [
          { ImportTaskId: "import-ami-1", Status: "active", Progress: "19", SnapshotDetails: [{ DiskImageSize: 1.5, Format: "VMDK" }] },
        ],
      },
      DescribeImageUsageReports: {
        ImageUsageReports: [
          {
            ReportId: "amiur-1",
            ImageId: "ami-1",
            State: "available",
            CreationTime: new Date("2026-11-23T12:00:00.123Z"),
            ExpirationTime: new Date("2026-12-23T12:00:00.123Z"),
          },
        ],
      },
      CreateTags: {},
    };
    const { client } = offlineEc2((req) => {
      const name = new URLSearchParams(req.body.toString()).get("Action")!;
      return ec2Query.serialize(name === "CreateTags" ? undefined : outputs[name], op(name), model, "request-4");
    });
    const read = [
      await client.send(new DescribeImagesCommand({})),
      await client.send(new DescribeImageAttributeCommand({ ImageId: "ami-1", Attribute: "launchPermission" })),
      await client.send(new DescribeImportImageTasksCommand({})),
      await client.send(new DescribeImageUsageReportsCommand({})),
      await client.send(new CreateTagsCommand({ Resources: ["ami-1"], Tags: [] })),
    ];
    assert.deepEqual(read.map(withoutMetadata), Object.values(outputs));
    for (const r of read) assert.equal(r.$metadata.requestId, "request-4");
    client.destroy();
  });

  it("writes errors the SDK throws by their code, with message, status and request id", async () => {
    for (const [error, fault] of [
      [new ServiceError("InvalidAMIID.NotFound", "The image id '[ami-<1>]' does not exist"), "client"],
      [new ServiceError("UnknownParameter", "The parameter Colour is not recognized"), "client"],
      [new ServiceError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412), "client"],
      [new ServiceError("RequestLimitExceeded", "Request limit exceeded.", 503), "server"],
      [new ServiceError("InternalError", "An internal error has occurred", 500), "server"],
    ] as const) {
      const { client } = offlineEc2(() => ec2Query.serializeError(error, model, "request-5"));
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
