// DescribeVolumes reads through the volume-id, tag and attached-instance indexes where a filter names them, and
// answers exactly as reading every volume does: random combinations of filters (fast-check, fixed seed), read a
// page at a time, are compared with the whole listing filtered here.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  AttachVolumeCommand,
  CreateVolumeCommand,
  DescribeVolumesCommand,
  RunInstancesCommand,
  type EC2Client,
  type Filter,
  type Volume,
} from "@aws-sdk/client-ec2";
import { T, useServer } from "../support/server";
import { registerAmi } from "./helpers";

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const fx = useServer();

/** Every page of a DescribeVolumes, in order. */
async function pages(a: EC2Client, Filters: Filter[]): Promise<string[]> {
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await a.send(new DescribeVolumesCommand({ Filters, MaxResults: 5, NextToken }));
    ids.push(...page.Volumes!.map((v) => v.VolumeId!));
    NextToken = page.NextToken;
  } while (NextToken);
  return ids;
}

/** The filter as EC2 applies it, on the whole listing: values ORed, filters ANDed (exact values only). */
function matches(v: Volume, f: Filter): boolean {
  const values = f.Values!;
  const tag = (k: string) => v.Tags?.find((t) => t.Key === k)?.Value;
  switch (f.Name) {
    case "volume-id":
      return values.includes(v.VolumeId!);
    case "attachment.instance-id":
      return v.Attachments!.some((x) => values.includes(x.InstanceId!));
    case "tag-key":
      return values.some((k) => tag(k) !== undefined);
    case "status":
      return values.includes(v.State!);
    case "volume-type":
      return values.includes(v.VolumeType!);
    default:
      return values.includes(tag(f.Name!.slice(4)) ?? "\u0000");
  }
}

test("DescribeVolumes through its indexes answers as the whole listing filtered", async () => {
  const a = fx.ec2();
  const image = await registerAmi(a, "query-base");
  fx.server.clock.advance(T + 1);
  const instances: string[] = [];
  for (let i = 0; i < 2; i++) {
    const r = await a.send(
      new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: "us-east-1a" } }),
    );
    instances.push(r.Instances![0].InstanceId!);
  }
  fx.server.clock.advance(T + 1);
  const teams = ["blue", "red", "green"];
  for (let i = 0; i < 14; i++) {
    const tags = [{ Key: "team", Value: teams[i % 3] }, ...(i % 4 === 0 ? [{ Key: "env", Value: "prod" }] : [])];
    await a.send(
      new CreateVolumeCommand({
        AvailabilityZone: "us-east-1a",
        Size: 1 + i,
        VolumeType: i % 2 ? "gp3" : "gp2",
        TagSpecifications: [{ ResourceType: "volume", Tags: tags }],
      }),
    );
  }
  fx.server.clock.advance(T + 1);
  let all = (await a.send(new DescribeVolumesCommand({}))).Volumes!;
  const created = all.filter((v) => v.Attachments!.length === 0);
  for (let i = 0; i < 4; i++) {
    await a.send(new AttachVolumeCommand({ VolumeId: created[i].VolumeId, InstanceId: instances[i % 2], Device: `/dev/sd${"fghi"[i]}` }));
  }
  all = (await a.send(new DescribeVolumesCommand({}))).Volumes!;
  const ids = all.map((v) => v.VolumeId!);

  const filter: fc.Arbitrary<Filter> = fc.oneof(
    fc.subarray(ids, { minLength: 1, maxLength: 4 }).map((Values) => ({ Name: "volume-id", Values })),
    fc.subarray(instances, { minLength: 1 }).map((Values) => ({ Name: "attachment.instance-id", Values })),
    fc.subarray(teams, { minLength: 1 }).map((Values) => ({ Name: "tag:team", Values })),
    fc.constant<Filter>({ Name: "tag:env", Values: ["prod"] }),
    fc.subarray(["team", "env", "none"], { minLength: 1 }).map((Values) => ({ Name: "tag-key", Values })),
    fc.subarray(["available", "in-use"], { minLength: 1 }).map((Values) => ({ Name: "status", Values })),
    fc.subarray(["gp2", "gp3"], { minLength: 1 }).map((Values) => ({ Name: "volume-type", Values })),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(filter, { minLength: 1, maxLength: 3 }), async (filters) => {
      const expected = all
        .filter((v) => filters.every((f) => matches(v, f)))
        .map((v) => v.VolumeId!)
        .sort();
      assert.deepEqual(await pages(a, filters), expected, JSON.stringify(filters));
    }),
    { seed: SEED, numRuns: 60 },
  );
});
