// The one table of EC2 resource types (services/ec2/resource-types.ts) and the collections that declare them
// taggable: every type of the table is tagged through exactly one collection, under the table's prefix, and
// ids and ARNs follow the table.
import { test } from "node:test";
import assert from "node:assert/strict";
import { arnOf, EC2_RESOURCE_TYPES, typeOfId } from "../../src/services/ec2/resource-types";
import { ec2Collections } from "../../src/services/ec2/collections";
import { taggableKinds } from "../../src/services/ec2/tags/records";

test("each EC2 resource type of the table is taggable through one collection, under its prefix", () => {
  const kinds = taggableKinds(ec2Collections);
  assert.deepEqual(kinds.map((k) => k.resourceType).sort(), Object.keys(EC2_RESOURCE_TYPES).sort());
  for (const k of kinds) assert.equal(k.prefix, EC2_RESOURCE_TYPES[k.resourceType as keyof typeof EC2_RESOURCE_TYPES].prefix);
  // Longest prefix first: an import task's id also starts like nothing shorter that would claim it.
  assert.deepEqual(
    kinds.map((k) => k.prefix.length),
    kinds.map((k) => k.prefix.length).sort((a, b) => b - a),
  );
});

test("ids name their type by the longest prefix, and ARNs name the account unless the type is regional", () => {
  assert.equal(typeOfId("import-ami-0123456789abcdef0"), "import-image-task");
  assert.equal(typeOfId("ami-0123456789abcdef0"), "image");
  assert.equal(typeOfId("i-0123456789abcdef0"), "instance");
  assert.equal(typeOfId("eni-0123456789abcdef0"), "network-interface");
  assert.equal(typeOfId("xyz-0123456789abcdef0"), undefined);
  assert.equal(arnOf("image", "us-east-1", "111111111111", "ami-1"), "arn:aws:ec2:us-east-1::image/ami-1");
  assert.equal(arnOf("snapshot", "eu-west-1", "111111111111", "*"), "arn:aws:ec2:eu-west-1::snapshot/*");
  assert.equal(arnOf("key-pair", "us-east-1", "111111111111", "builder"), "arn:aws:ec2:us-east-1:111111111111:key-pair/builder");
});
