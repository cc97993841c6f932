// AMIs of one account for the multi-process benchmarks, made in process before any server opens the store:
// by the build that is then measured on it, so that the store is in that build's own format.
import { apiOf, type Build } from "./bench-builds";

/** Registers `count` AMIs of `account` in `region` on a copy of an Amazon snapshot; their ids, in order. */
export function ownAmis(
  build: Build,
  store: { dataDir: string } | { store: string },
  account: string,
  region: string,
  count: number,
): string[] {
  const app = apiOf(build.root).createApp({ ...store, log: false, transitionSeconds: 0 });
  const as = { accountId: account, region };
  const invoke = (op: string, input: Record<string, unknown>) => app.gateway.invoke("ec2", op, as, input) as Record<string, unknown>;
  const amazon = invoke("DescribeSnapshots", {
    OwnerIds: ["amazon"],
    Filters: [{ Name: "volume-size", Values: ["8"] }],
    MaxResults: 5,
  }) as { Snapshots: { SnapshotId: string }[] };
  const { SnapshotId } = invoke("CopySnapshot", { SourceRegion: region, SourceSnapshotId: amazon.Snapshots[0].SnapshotId });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = invoke("RegisterImage", {
      Name: `bench-${i}`,
      Architecture: "x86_64",
      VirtualizationType: "hvm",
      RootDeviceName: "/dev/xvda",
      BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId, VolumeSize: 8 } }],
    });
    ids.push(r.ImageId as string);
  }
  app.close();
  return ids;
}
