// What the Terraform EC2 suites read back through the AWS SDK: a client for the duration of a check, Amazon's
// newest image of a family, an image that may be gone, and a tag's value.
import assert from "node:assert/strict";
import { DescribeImagesCommand, type EC2Client, type Image } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ec2Client } from "../support/server";

/** The Amazon Linux 2023 family (kernel 6.1, x86_64) the configurations look up. */
export const AL2023 = "al2023-ami-2023.*-kernel-6.1-x86_64";

/** Runs `fn` with an EC2 client of `account` in `region`, destroyed afterwards. */
export async function withEc2<T>(
  server: Imagelite,
  fn: (c: EC2Client) => Promise<T>,
  account = ACCOUNT_A,
  region = "us-east-1",
): Promise<T> {
  const c = ec2Client(server, account, region);
  try {
    return await fn(c);
  } finally {
    c.destroy();
  }
}

/** The newest image of `owner` whose name matches `name`, as EC2 lists it. */
export async function newest(c: EC2Client, owner: string, name: string): Promise<Image> {
  const { Images } = await c.send(new DescribeImagesCommand({ Owners: [owner], Filters: [{ Name: "name", Values: [name] }] }));
  assert.ok(Images?.length, `${owner} has images named ${name}`);
  return [...Images].sort((a, b) => Date.parse(a.CreationDate!) - Date.parse(b.CreationDate!)).pop()!;
}

/** The image with this id if the caller can still see it registered. */
export async function findImage(c: EC2Client, id: string): Promise<Image | undefined> {
  try {
    const { Images } = await c.send(new DescribeImagesCommand({ ImageIds: [id] }));
    return Images?.find((i) => i.State !== "deregistered");
  } catch (e) {
    if ((e as Error).name === "InvalidAMIID.NotFound") return undefined;
    throw e;
  }
}

/** The value of the tag `key`, if any. */
export const tag = (tags: { Key?: string; Value?: string }[] | undefined, key: string) => tags?.find((t) => t.Key === key)?.Value;
