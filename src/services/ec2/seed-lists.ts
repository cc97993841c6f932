// What a seed file may give for EC2 (README, "Seed files"): AMIs, registered, shared and tagged through the
// operations a client would call (an EBS-backed one from a snapshot of a root volume the seed makes when its root
// mapping names none), and public catalog entries.
import type { SeedStep } from "../../gateway/service";
import { isObject, SeedError, without } from "../../operator/seed/seed-error";
import { publicImageEntry } from "./catalog/seeded";

type Entry = Record<string, unknown>;

/**
 * The root mapping's Ebs of an EBS-backed entry that gives no snapshot (only a size, say), or undefined. RegisterImage
 * refuses such a root mapping, as EC2 does: the seed makes the snapshot first, as a client would.
 */
function emptyRoot(e: Entry): Entry | undefined {
  if (typeof e.RootDeviceName !== "string" || e.ImageLocation !== undefined || !Array.isArray(e.BlockDeviceMappings)) return undefined;
  const root = (e.BlockDeviceMappings as unknown[]).find((m) => isObject(m) && m.DeviceName === e.RootDeviceName && isObject(m.Ebs));
  const ebs = isObject(root) && isObject(root.Ebs) ? root.Ebs : undefined;
  return ebs && ebs.SnapshotId === undefined ? ebs : undefined;
}

/** The volume and then the snapshot made for an entry's root, between the phases of its list. */
const rootVolumes = new WeakMap<Entry, string>();
const rootSnapshots = new WeakMap<Entry, string>();

/** The entry's mappings with the root taken from its snapshot (whose volume gives the size and encryption). */
function withRootSnapshot(e: Entry, input: Entry): Entry {
  const snapshot = rootSnapshots.get(e);
  if (snapshot === undefined) return input;
  const mappings = (e.BlockDeviceMappings as unknown[]).map((m) => {
    if (!isObject(m) || m.DeviceName !== e.RootDeviceName || !isObject(m.Ebs)) return m;
    return { ...m, Ebs: { ...without(m.Ebs, "Encrypted", "KmsKeyId"), SnapshotId: snapshot } };
  });
  return { ...input, BlockDeviceMappings: mappings };
}

export const ec2SeedLists: Record<string, SeedStep[]> = {
  // Catalog entries of the account they are listed under: served from every start's reading of the seed
  // file (catalog/seeded.ts), so that loading only checks them.
  publicImages: [{ phase: 0, label: "public catalog entry", apply: (_call, e) => void publicImageEntry("000000000000", e) }],
  amis: [
    // An entry whose root mapping names no snapshot: a volume of its size and encryption, then (once available) its
    // snapshot, which the registration names; the volume is deleted once the AMI is registered. Entries of one
    // account and region whose roots are alike share the volume and its snapshot, as AMIs registered from one
    // snapshot do: a seed of many AMIs makes a few snapshots, not one each.
    {
      phase: 0,
      label: "CreateVolume (root volume)",
      apply(call, e, { account, region, memo }) {
        const ebs = emptyRoot(e);
        if (!ebs) return;
        const alike = `ec2 root volume ${account} ${region} ${JSON.stringify([ebs.VolumeSize, ebs.VolumeType, ebs.Encrypted, ebs.KmsKeyId])}`;
        const made = memo.get(alike) as string | undefined;
        if (made !== undefined) return void rootVolumes.set(e, made);
        const zones = call("DescribeAvailabilityZones", {}) as { AvailabilityZones: { ZoneName: string }[] };
        const { VolumeId } = call("CreateVolume", {
          AvailabilityZone: zones.AvailabilityZones[0].ZoneName,
          Size: ebs.VolumeSize ?? 8,
          ...(ebs.VolumeType !== undefined ? { VolumeType: ebs.VolumeType } : {}),
          ...(ebs.Encrypted !== undefined ? { Encrypted: ebs.Encrypted } : {}),
          ...(ebs.KmsKeyId !== undefined ? { KmsKeyId: ebs.KmsKeyId } : {}),
        }) as { VolumeId: string };
        memo.set(alike, VolumeId);
        rootVolumes.set(e, VolumeId);
      },
    },
    {
      phase: 1,
      label: "CreateSnapshot (root volume)",
      apply(call, e, { memo }) {
        const VolumeId = rootVolumes.get(e);
        if (VolumeId === undefined) return;
        const key = `ec2 root snapshot ${VolumeId}`;
        let snapshot = memo.get(key) as string | undefined;
        if (snapshot === undefined) {
          snapshot = (call("CreateSnapshot", { VolumeId, Description: "Root volume of seeded AMIs" }) as { SnapshotId: string }).SnapshotId;
          memo.set(key, snapshot);
        }
        rootSnapshots.set(e, snapshot);
      },
    },
    {
      phase: 2,
      label: "RegisterImage",
      makes: true,
      apply(call, e, { memo }) {
        if (e.Tags !== undefined && !isObject(e.Tags)) throw new SeedError("Tags must map keys to values");
        // The tags go with the registration: one call, as RegisterImage's TagSpecifications.
        const tags = e.Tags ? Object.entries(e.Tags).map(([Key, Value]) => ({ Key, Value: String(Value) })) : [];
        const input = withRootSnapshot(e, without(e, "LaunchPermissions", "Tags"));
        if (tags.length)
          input.TagSpecifications = [...((input.TagSpecifications as unknown[]) ?? []), { ResourceType: "image", Tags: tags }];
        const { ImageId } = call("RegisterImage", input) as { ImageId: string };
        const volume = rootVolumes.get(e);
        if (volume !== undefined && !memo.has(`ec2 root volume deleted ${volume}`)) {
          call("DeleteVolume", { VolumeId: volume });
          memo.set(`ec2 root volume deleted ${volume}`, true);
        }
        const perms = e.LaunchPermissions ?? [];
        if (!Array.isArray(perms) || !perms.every((x) => typeof x === "string"))
          throw new SeedError('LaunchPermissions must be a list of account ids or "all"');
        if (perms.length) {
          call("ModifyImageAttribute", {
            ImageId,
            LaunchPermission: { Add: perms.map((x) => (x === "all" ? { Group: "all" } : { UserId: x })) },
          });
        }
      },
    },
  ],
};
