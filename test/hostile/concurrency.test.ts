// 100 parallel creates of one name over HTTP leave exactly one resource: one success, 99 duplicates.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Imagelite } from "../../src/index";
import { useServer } from "../support/server";
import { envelopeProblem, errorCode, type Answer, type Proto } from "../fuzz/envelopes";
import { appstream, query } from "./http";

const N = 100;

function tally(proto: Proto, answers: Answer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) {
    assert.equal(envelopeProblem(proto, a), undefined, a.body);
    const k = errorCode(a) ?? String(a.status);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

describe(`${N} parallel creates of one name`, () => {
  const fx = useServer();
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  it("AppStream CreateFleet: one fleet, one success, the rest ResourceAlreadyExistsException", async () => {
    const body = JSON.stringify({
      Name: "race",
      ImageName: "AppStream-WinServer2019-11-10-2025",
      InstanceType: "stream.standard.small",
      ComputeCapacity: { DesiredInstances: 1 },
    });
    const answers = await Promise.all(Array.from({ length: N }, () => appstream(server.endpoint, "CreateFleet", body)));
    assert.deepEqual(tally("json", answers), { 200: 1, ResourceAlreadyExistsException: N - 1 });
    const fleets = JSON.parse((await appstream(server.endpoint, "DescribeFleets", "{}")).body).Fleets;
    assert.deepEqual(
      fleets.map((f: { Name: string }) => f.Name),
      ["race"],
    );
  });

  it("EC2 RegisterImage: one AMI, one success, the rest InvalidAMIName.Duplicate", async () => {
    // A snapshot of the caller's own to register: a copy of one of Amazon's.
    const amazon = await query(server.endpoint, "ec2", "Action=DescribeSnapshots&Version=2016-11-15&Owner.1=amazon&MaxResults=5");
    const source = /<snapshotId>(snap-[0-9a-f]+)<\/snapshotId>/.exec(amazon.body)![1];
    const copy = await query(
      server.endpoint,
      "ec2",
      `Action=CopySnapshot&Version=2016-11-15&SourceRegion=us-east-1&SourceSnapshotId=${source}`,
    );
    const snapshot = /<snapshotId>(snap-[0-9a-f]+)<\/snapshotId>/.exec(copy.body)![1];
    const body =
      "Action=RegisterImage&Version=2016-11-15&Name=race&Architecture=x86_64&VirtualizationType=hvm&RootDeviceName=%2Fdev%2Fxvda" +
      `&BlockDeviceMapping.1.DeviceName=%2Fdev%2Fxvda&BlockDeviceMapping.1.Ebs.SnapshotId=${snapshot}`;
    const answers = await Promise.all(Array.from({ length: N }, () => query(server.endpoint, "ec2", body)));
    assert.deepEqual(tally("ec2", answers), { 200: 1, "InvalidAMIName.Duplicate": N - 1 });
    const list = await query(
      server.endpoint,
      "ec2",
      "Action=DescribeImages&Version=2016-11-15&Owner.1=self&Filter.1.Name=name&Filter.1.Value.1=race",
    );
    assert.equal(list.body.match(/<imageId>/g)?.length, 1);
  });
});
