// createVolumePermission of a snapshot ("Share an Amazon EBS snapshot", EBS User Guide; ModifySnapshotAttribute
// reference). A grant to an account is written in the owner's list and as an index record in the grantee's
// partition, which the grantee's reads consult; group `all` makes the snapshot public (a flag and an index
// record in the region's public partition). Encrypted snapshots cannot be made public, and those encrypted
// with the default EBS key cannot be shared at all.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { inPartition } from "../../../state/collection";
import type { CreateVolumePermission } from "../api.generated";
import * as err from "../errors";
import {
  publicSnapshotPartition,
  publicSnapshots,
  sharedSnapshots,
  snapshotPartition,
  volumePermissions,
  type SnapshotRecord,
} from "./records";
import { snapshots } from "./access";
import { checkPublicSharingAllowed } from "./block-public-access";

const ACCOUNT_ID = /^[0-9]{12}$/;
/** "You can make up to 500 modifications to a snapshot in a single operation." */
const MAX_MODIFICATIONS = 500;

const notPermitted = (message: string) => new ServiceError("OperationNotPermitted", message);

type Grant = "all" | string;

function grantOf(p: CreateVolumePermission): Grant {
  if ((p.UserId === undefined) === (p.Group === undefined)) {
    throw err.invalidCombination("Each create volume permission must specify exactly one of UserId or Group.");
  }
  if (p.Group !== undefined) {
    if (p.Group !== "all") throw err.invalidValue(`Value (${p.Group}) for parameter group is invalid. Expected: 'all'.`);
    return "all";
  }
  if (!ACCOUNT_ID.test(p.UserId!)) throw err.invalidUserId(p.UserId!);
  return p.UserId!;
}

function setPublic(ctx: RequestContext, snap: SnapshotRecord, on: boolean): void {
  if (snap.public === on) return;
  snap.public = on;
  snapshots.put(ctx, snap);
  const pub = inPartition(ctx, publicSnapshotPartition(snap.region));
  if (on) publicSnapshots.set(pub, snap.SnapshotId, { owner: snap.owner });
  else publicSnapshots.delete(pub, snap.SnapshotId);
}

/** Checks every permission before applying any, so that a bad item changes nothing. */
export function modifyVolumePermissions(
  ctx: RequestContext,
  snap: SnapshotRecord,
  add: CreateVolumePermission[],
  remove: CreateVolumePermission[],
): void {
  if (add.length + remove.length > MAX_MODIFICATIONS) {
    throw err.invalidValue(`You can make up to ${MAX_MODIFICATIONS} modifications to a snapshot in a single operation.`);
  }
  const adds = add.map(grantOf);
  const removes = remove.map(grantOf);
  if (snap.Encrypted && adds.includes("all")) throw notPermitted("Encrypted snapshots can't be made public.");
  if (adds.includes("all")) checkPublicSharingAllowed(ctx, snap);
  if (snap.Encrypted && !snap.KmsKeyId && adds.some((g) => g !== "all")) {
    throw notPermitted("Encrypted snapshots with EBS default key cannot be shared");
  }
  const owner = inPartition(ctx, snapshotPartition(snap.owner, snap.region));
  const grantee = (account: string) => inPartition(ctx, snapshotPartition(account, snap.region));
  for (const g of adds) {
    if (g === "all") setPublic(ctx, snap, true);
    else if (g !== snap.owner) {
      volumePermissions.set(owner, [snap.SnapshotId, g], { UserId: g });
      sharedSnapshots.set(grantee(g), snap.SnapshotId, { owner: snap.owner });
    }
  }
  for (const g of removes) {
    if (g === "all") setPublic(ctx, snap, false);
    else {
      volumePermissions.delete(owner, [snap.SnapshotId, g]);
      sharedSnapshots.delete(grantee(g), snap.SnapshotId);
    }
  }
}

export function listVolumePermissions(ctx: RequestContext, snap: SnapshotRecord): CreateVolumePermission[] {
  const out: CreateVolumePermission[] = snap.public ? [{ Group: "all" }] : [];
  for (const p of volumePermissions.scan(inPartition(ctx, snapshotPartition(snap.owner, snap.region)), { within: [snap.SnapshotId] })) {
    out.push({ UserId: p.UserId });
  }
  return out;
}

/** Back to private: no public flag, no grants (ResetSnapshotAttribute). */
export function resetVolumePermissions(ctx: RequestContext, snap: SnapshotRecord): void {
  modifyVolumePermissions(ctx, snap, [], listVolumePermissions(ctx, snap));
}
