// The XML writer of the query protocols (src/protocols/xml.ts) on its own: escapeXml, and writeMembers over
// shapes of the real EC2 model. Its branches that no output of the served models reaches (a list item named by
// the flavour's default, flattened lists, maps, blobs) are specified with a small model made for this file.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { escapeXml, writeMembers, type XmlFlavour } from "../../src/protocols/xml";
import { linkModel, loadModel } from "../../src/model/model";

const ec2 = loadModel("ec2");
const EC2: XmlFlavour = { defaultListItem: "item" };
const QUERY: XmlFlavour = { defaultListItem: "member" };

function xml(shape: string, value: Record<string, unknown>, flavour = EC2, model = ec2): string {
  const s = model.shapes.get(shape);
  assert.ok(s, `no shape ${shape}`);
  const out: string[] = [];
  writeMembers(s, value, flavour, out);
  return out.join("");
}

/** Shapes in botocore's format for what the served models' outputs never hold. */
const made = linkModel("xml-spec", {
  metadata: { protocol: "query", apiVersion: "2000-01-01", endpointPrefix: "xml-spec" },
  operations: {},
  shapes: {
    Out: {
      type: "structure",
      members: {
        Names: { shape: "NameList" },
        Flat: { shape: "NameList", flattened: true, locationName: "Flat" },
        FlatShape: { shape: "FlatList" },
        Named: { shape: "NamedList" },
        Attributes: { shape: "AttributeMap" },
        Renamed: { shape: "RenamedMap" },
        Data: { shape: "Blob" },
        At: { shape: "Time" },
        Count: { shape: "Int" },
        Ok: { shape: "Bool" },
      },
    },
    NameList: { type: "list", member: { shape: "Str" } },
    FlatList: { type: "list", member: { shape: "Str" }, flattened: true },
    NamedList: { type: "list", member: { shape: "Str", locationName: "name" } },
    AttributeMap: { type: "map", key: { shape: "Str" }, value: { shape: "Str" } },
    RenamedMap: { type: "map", key: { shape: "Str", locationName: "Name" }, value: { shape: "Inner", locationName: "Value" } },
    Inner: { type: "structure", members: { Size: { shape: "Int" } } },
    Str: { type: "string" },
    Int: { type: "integer" },
    Bool: { type: "boolean" },
    Blob: { type: "blob" },
    Time: { type: "timestamp" },
  },
});

describe("escapeXml", () => {
  it("escapes the five XML characters and carriage return", () => {
    assert.equal(escapeXml(`a&b<c>d"e'f\rg`), "a&amp;b&lt;c&gt;d&quot;e&apos;f&#13;g");
  });

  it("returns text without them as it is, tabs, line feeds and characters beyond ASCII included", () => {
    for (const s of ["", "plain", "a\tb\nc", "ü € 😀 \u0085 \uFFFD"]) assert.equal(escapeXml(s), s);
  });

  it("replaces what XML 1.0 cannot carry, even as a reference, by U+FFFD: control characters, U+FFFE, U+FFFF, lone surrogates", () => {
    assert.equal(escapeXml("\u0000\u0001\u0008\u000B\u000C\u000E\u001F"), "\uFFFD".repeat(7));
    assert.equal(escapeXml("a\uFFFEb\uFFFFc"), "a\uFFFDb\uFFFDc");
    assert.equal(escapeXml("\uD800x"), "\uFFFDx");
    assert.equal(escapeXml("x\uDC00"), "x\uFFFD");
    assert.equal(escapeXml("\uDC00\uD800"), "\uFFFD\uFFFD", "a low surrogate before a high one is no pair");
    assert.equal(escapeXml("\uD83D\uDE00&"), "\uD83D\uDE00&amp;", "a pair stays");
  });
});

describe("writeMembers over EC2 shapes", () => {
  it("writes members in the model's order under their locationNames, whatever the value's order", () => {
    assert.equal(
      xml("TagDescription", { Value: "v", Key: "k", ResourceType: "image", ResourceId: "ami-1" }),
      "<key>k</key><resourceId>ami-1</resourceId><resourceType>image</resourceType><value>v</value>",
    );
  });

  it("writes lists with their items' locationName, structures nested, and leaves out undefined, null and unknown members", () => {
    assert.equal(
      xml("ImageAttribute", {
        ImageId: "ami-1",
        LaunchPermissions: [{ UserId: "222222222222" }, { Group: "all" }],
        Description: { Value: "d" },
        KernelId: undefined,
        RamdiskId: null,
        ownerOnly: "x",
      }),
      "<description><value>d</value></description><imageId>ami-1</imageId>" +
        "<launchPermission><item><userId>222222222222</userId></item><item><group>all</group></item></launchPermission>",
    );
  });

  it("writes booleans, zero, empty strings and empty lists", () => {
    assert.equal(
      xml("EbsBlockDevice", { DeleteOnTermination: false, VolumeSize: 0, SnapshotId: "" }),
      "<deleteOnTermination>false</deleteOnTermination><snapshotId></snapshotId><volumeSize>0</volumeSize>",
    );
    assert.equal(xml("DescribeTagsResult", { Tags: [] }), "<tagSet></tagSet>");
  });

  it("writes timestamps given as Dates or ISO strings in ISO 8601 with milliseconds, and doubles as numbers", () => {
    assert.equal(
      xml("ImageUsageReport", { CreationTime: new Date(Date.UTC(2026, 10, 23, 12)), ExpirationTime: "2026-12-23T12:00:00Z" }),
      "<creationTime>2026-11-23T12:00:00.000Z</creationTime><expirationTime>2026-12-23T12:00:00.000Z</expirationTime>",
    );
    assert.equal(
      xml("SnapshotDetail", { DiskImageSize: 2.5e9, UserBucket: { S3Bucket: "b", S3Key: "k&k" } }),
      "<diskImageSize>2500000000</diskImageSize><userBucket><s3Bucket>b</s3Bucket><s3Key>k&amp;k</s3Key></userBucket>",
    );
  });

  it("escapes every string it writes", () => {
    assert.equal(xml("Tag", { Key: "<k>", Value: "a & 'b'\u0001" }), "<key>&lt;k&gt;</key><value>a &amp; &apos;b&apos;\uFFFD</value>");
  });
});

describe("writeMembers over shapes no served output has", () => {
  it("names list items by the flavour's default without a locationName: item for EC2, member for query", () => {
    assert.equal(xml("Out", { Names: ["a", "b"] }, EC2, made), "<Names><item>a</item><item>b</item></Names>");
    assert.equal(xml("Out", { Names: ["a"] }, QUERY, made), "<Names><member>a</member></Names>");
    assert.equal(xml("Out", { Named: ["a"] }, QUERY, made), "<Named><name>a</name></Named>");
  });

  it("repeats a flattened list's element, flattened on the member or on the shape, without a wrapper", () => {
    assert.equal(xml("Out", { Flat: ["a", "b"], FlatShape: ["c"] }, QUERY, made), "<Flat>a</Flat><Flat>b</Flat><FlatShape>c</FlatShape>");
  });

  it("writes maps as entries of key and value, with the names the model gives them", () => {
    assert.equal(
      xml("Out", { Attributes: { a: "1", "<b>": "2" }, Renamed: { x: { Size: 3 } } }, QUERY, made),
      "<Attributes><entry><key>a</key><value>1</value></entry><entry><key>&lt;b&gt;</key><value>2</value></entry></Attributes>" +
        "<Renamed><entry><Name>x</Name><Value><Size>3</Size></Value></entry></Renamed>",
    );
  });

  it("writes blobs in base64, and every scalar type", () => {
    assert.equal(
      xml("Out", { Data: Buffer.from("imagelite"), At: new Date(0), Count: -1, Ok: true }, QUERY, made),
      "<Data>aW1hZ2VsaXRl</Data><At>1970-01-01T00:00:00.000Z</At><Count>-1</Count><Ok>true</Ok>",
    );
  });
});
