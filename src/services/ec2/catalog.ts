// Amazon-owned public AMIs served in every region: static data, never stored. Ids are derived from the region
// and the name, so they are stable across restarts and differ between regions as real ones do. Names follow
// the published naming schemes (Windows "AWS Windows AMI reference", Amazon Linux 2023 "AL2023 on EC2").
import { createHash } from "node:crypto";
import type { AmiRecord } from "./image-records";
import type { SnapshotRecord } from "./snapshot-records";

/** Owner ids of the Amazon-published Windows and Amazon Linux AMIs (owner alias `amazon`). */
export const WINDOWS_OWNER = "801119661308";
export const AMAZON_LINUX_OWNER = "137112412989";
export const AMAZON_OWNERS: ReadonlySet<string> = new Set([WINDOWS_OWNER, AMAZON_LINUX_OWNER]);

/** Amazon's AMIs are deprecated two years after release. */
const DEPRECATE_AFTER_MS = 2 * 365 * 24 * 3600 * 1000;

interface Entry {
  name: string;
  kind: "windows" | "al2023" | "al2";
  released: string;
  arch: "x86_64" | "arm64";
  edition?: "Full" | "Core";
  version?: string;
}

const windows = (version: string, edition: "Full" | "Core", released: string): Entry => ({
  name: `Windows_Server-${version}-English-${edition}-Base-${released}`,
  kind: "windows",
  released,
  arch: "x86_64",
  edition,
  version,
});
const al2023 = (build: string, arch: "x86_64" | "arm64"): Entry => ({
  name: `al2023-ami-2023.9.${build}-kernel-6.1-${arch}`,
  kind: "al2023",
  released: dotted(build.slice(0, 8)),
  arch,
  version: `2023.9.${build}`,
});
const al2 = (build: string, arch: "x86_64" | "arm64"): Entry => ({
  name: `amzn2-ami-kernel-5.10-hvm-2.0.${build}-${arch}-gp2`,
  kind: "al2",
  released: dotted(build.slice(0, 8)),
  arch,
  version: `2.0.${build}`,
});
function dotted(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}.${yyyymmdd.slice(4, 6)}.${yyyymmdd.slice(6, 8)}`;
}

const ENTRIES: Entry[] = [
  ...["2025.10.15", "2025.11.12"].flatMap((d) => [
    windows("2016", "Full", d),
    windows("2019", "Full", d),
    windows("2019", "Core", d),
    windows("2022", "Full", d),
    windows("2022", "Core", d),
    windows("2025", "Full", d),
  ]),
  // Released more than two years ago: deprecated, shown only with IncludeDeprecated or by id.
  windows("2016", "Full", "2023.10.11"),
  al2023("20251027.0", "x86_64"),
  al2023("20251027.0", "arm64"),
  al2023("20251110.1", "x86_64"),
  al2023("20251110.1", "arm64"),
  al2("20251110.0", "x86_64"),
  al2("20251110.0", "arm64"),
];

const hex = (s: string, n: number) => createHash("sha256").update(s).digest("hex").slice(0, n);

function record(e: Entry, region: string): AmiRecord {
  const seed = `${region} ${e.name}`;
  // A release time of day that looks real and never changes for this image.
  const createdAt = Date.parse(`${e.released.replace(/\./g, "-")}T00:00:00Z`) + (parseInt(hex(seed, 6), 16) % 86_400) * 1000;
  const isWindows = e.kind === "windows";
  const root = isWindows ? "/dev/sda1" : "/dev/xvda";
  const base: AmiRecord = {
    ImageId: `ami-${hex(seed, 17)}`,
    owner: isWindows ? WINDOWS_OWNER : AMAZON_LINUX_OWNER,
    alias: "amazon",
    region,
    Name: e.name,
    Architecture: e.arch,
    PlatformDetails: isWindows ? "Windows" : "Linux/UNIX",
    UsageOperation: isWindows ? "RunInstances:0002" : "RunInstances",
    RootDeviceName: root,
    RootDeviceType: "ebs",
    BlockDeviceMappings: [
      {
        DeviceName: root,
        Ebs: {
          DeleteOnTermination: true,
          SnapshotId: `snap-${hex(`${seed} root`, 17)}`,
          VolumeSize: isWindows ? 30 : 8,
          VolumeType: e.kind === "al2023" ? "gp3" : "gp2",
          Encrypted: false,
        },
      },
    ],
    ImageLocation: `amazon/${e.name}`,
    VirtualizationType: "hvm",
    EnaSupport: true,
    SriovNetSupport: "simple",
    FreeTierEligible: e.arch === "x86_64" && e.edition !== "Core",
    createdAt,
    deprecatesAt: createdAt + DEPRECATE_AFTER_MS,
    public: true,
    schedule: [{ state: "available", at: createdAt }],
  };
  if (isWindows) {
    return {
      ...base,
      Platform: "windows",
      ImdsSupport: e.version === "2025" ? "v2.0" : undefined,
      Description: `Microsoft Windows Server ${e.version} ${e.edition} Locale English AMI provided by Amazon`,
    };
  }
  if (e.kind === "al2023") {
    return {
      ...base,
      BootMode: e.arch === "arm64" ? "uefi" : "uefi-preferred",
      ImdsSupport: "v2.0",
      Description: `Amazon Linux 2023 AMI ${e.version} ${e.arch} HVM kernel-6.1`,
    };
  }
  return {
    ...base,
    BootMode: e.arch === "arm64" ? "uefi" : undefined,
    Description: `Amazon Linux 2 Kernel 5.10 AMI ${e.version} ${e.arch} HVM gp2`,
  };
}

interface RegionCatalog {
  list: AmiRecord[];
  byId: Map<string, AmiRecord>;
  /** The snapshots behind the AMIs, public and owned by the AMI's owner (so that copies and launches can read them). */
  snapshots: SnapshotRecord[];
  snapshotById: Map<string, SnapshotRecord>;
}

function snapshotsOf(ami: AmiRecord): SnapshotRecord[] {
  return ami.BlockDeviceMappings.flatMap((m) =>
    m.Ebs?.SnapshotId
      ? [
          {
            SnapshotId: m.Ebs.SnapshotId,
            owner: ami.owner,
            alias: "amazon",
            region: ami.region,
            VolumeId: `vol-${hex(m.Ebs.SnapshotId, 17)}`,
            VolumeSize: m.Ebs.VolumeSize ?? 8,
            Description: `Snapshot of ${ami.Name}`,
            Encrypted: false,
            createdAt: ami.createdAt,
            public: true,
            schedule: [{ state: "completed", at: ami.createdAt }],
          },
        ]
      : [],
  );
}
const cache = new Map<string, RegionCatalog>();

/** The region's catalog, sorted by AMI id so that it pages like the stored sources. */
export function catalog(region: string): RegionCatalog {
  let c = cache.get(region);
  if (!c) {
    const list = ENTRIES.map((e) => record(e, region)).sort((a, b) => (a.ImageId < b.ImageId ? -1 : 1));
    const snapshots = list.flatMap(snapshotsOf).sort((a, b) => (a.SnapshotId < b.SnapshotId ? -1 : 1));
    c = { list, byId: new Map(list.map((r) => [r.ImageId, r])), snapshots, snapshotById: new Map(snapshots.map((s) => [s.SnapshotId, s])) };
    cache.set(region, c);
  }
  return c;
}

export const catalogImage = (region: string, id: string): AmiRecord | undefined => catalog(region).byId.get(id);

export const catalogSnapshot = (region: string, id: string): SnapshotRecord | undefined => catalog(region).snapshotById.get(id);
