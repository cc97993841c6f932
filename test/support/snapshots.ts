// Snapshots of the caller's own, for what must name one: an EBS-backed AMI is registered from a snapshot of its root
// volume (RegisterImage refuses a root mapping without one). Each is a copy of one of Amazon's public 8 GiB catalog
// snapshots in the caller's region, so that an AMI's root mapping of 8 GiB or more keeps its size.
import { CopySnapshotCommand, DescribeSnapshotsCommand, type EC2Client } from "@aws-sdk/client-ec2";

const AMAZON_8_GIB = { OwnerIds: ["amazon"], Filters: [{ Name: "volume-size", Values: ["8"] }], MaxResults: 5 };

/** A snapshot of the client's account: a copy of one of Amazon's public 8 GiB snapshots in the client's region. */
export async function ownSnapshot(client: EC2Client): Promise<string> {
  const amazon = await client.send(new DescribeSnapshotsCommand(AMAZON_8_GIB));
  const region = await client.config.region();
  const copy = await client.send(new CopySnapshotCommand({ SourceRegion: region, SourceSnapshotId: amazon.Snapshots![0].SnapshotId! }));
  return copy.SnapshotId!;
}

/** The same through a direct call of an operation in `region` as the caller (tests that drive the gateway without a client). */
export function ownSnapshotBy(call: (operation: string, input: Record<string, unknown>) => unknown, region: string): string {
  const amazon = call("DescribeSnapshots", AMAZON_8_GIB) as { Snapshots: { SnapshotId: string }[] };
  const copy = call("CopySnapshot", { SourceRegion: region, SourceSnapshotId: amazon.Snapshots[0].SnapshotId }) as { SnapshotId: string };
  return copy.SnapshotId;
}
