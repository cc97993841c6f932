// Public AMIs that no account registered: Amazon's catalog (catalog/amazon-amis.ts) and the entries a seed file adds
// (catalog/seeded.ts). Static data, never stored: ids are derived from the region, the owner and the name, so
// they are stable across restarts and differ between regions as real ones do. Each server chooses its catalog
// when it starts (serveCatalog); a region's is built on first use and kept sorted by id, so that DescribeImages
// reads only the page it serves.
import { createHash } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import type { Store } from "../../../state/store";
import { AMAZON_LINUX_OWNER, amazonAmis, WINDOWS_OWNER, type CatalogEntry } from "./amazon-amis";
import type { AmiRecord } from "../images/records";
import type { SnapshotRecord } from "../snapshots/records";

export { AMAZON_LINUX_OWNER, WINDOWS_OWNER, type CatalogEntry };
export const AMAZON_OWNERS: ReadonlySet<string> = new Set([WINDOWS_OWNER, AMAZON_LINUX_OWNER]);

/** Amazon's AMIs are deprecated two years after release. */
const DEPRECATE_AFTER_MS = 2 * 365 * 24 * 3600 * 1000;

export interface CatalogChoice {
  /** Whether Amazon's AMIs are served (--catalog on|off). */
  amazon: boolean;
  /** Public AMIs a seed file adds, per region. */
  extra: ReadonlyMap<string, CatalogEntry[]>;
}

const hex = (s: string, n: number) => createHash("sha256").update(s).digest("hex").slice(0, n);

function record(e: CatalogEntry, region: string): AmiRecord {
  // Amazon's ids keep the region+name derivation they always had; another owner's name may repeat Amazon's.
  const seed =
    e.alias === "amazon" && (e.owner === WINDOWS_OWNER || e.owner === AMAZON_LINUX_OWNER)
      ? `${region} ${e.name}`
      : `${region} ${e.owner} ${e.name}`;
  // A release time of day that looks real and never changes for this image.
  const createdAt = e.exactTime ? e.released : e.released + (parseInt(hex(seed, 6), 16) % 86_400) * 1000;
  const root = e.windows ? "/dev/sda1" : "/dev/xvda";
  return {
    ImageId: `ami-${hex(seed, 17)}`,
    owner: e.owner,
    alias: e.alias,
    region,
    Name: e.name,
    Description: e.description,
    Architecture: e.arch,
    Platform: e.windows ? "windows" : undefined,
    PlatformDetails: e.platformDetails,
    UsageOperation: e.usageOperation,
    RootDeviceName: root,
    RootDeviceType: "ebs",
    BlockDeviceMappings: [
      {
        DeviceName: root,
        Ebs: {
          DeleteOnTermination: true,
          SnapshotId: `snap-${hex(`${seed} root`, 17)}`,
          VolumeSize: e.volumeSize,
          VolumeType: e.volumeType as "gp2",
          Encrypted: false,
        },
      },
    ],
    ImageLocation: `${e.alias ?? e.owner}/${e.name}`,
    VirtualizationType: "hvm",
    EnaSupport: true,
    SriovNetSupport: "simple",
    BootMode: e.bootMode,
    ImdsSupport: e.imdsSupport,
    TpmSupport: e.tpmSupport,
    FreeTierEligible: e.freeTier,
    ProductCodes: e.productCodes?.map((ProductCodeId) => ({ ProductCodeId, ProductCodeType: "marketplace" as const })),
    createdAt,
    deprecatesAt: e.deprecates ? createdAt + DEPRECATE_AFTER_MS : undefined,
    public: true,
    schedule: [{ state: "available", at: createdAt }],
  };
}

export interface RegionCatalog {
  /** Sorted by AMI id. */
  list: AmiRecord[];
  byId: Map<string, AmiRecord>;
  /** The snapshots behind the AMIs, public and owned by the AMI's owner (so that copies and launches can read them). Sorted by id. */
  snapshots: SnapshotRecord[];
  snapshotById: Map<string, SnapshotRecord>;
  /** The AMIs by name (sorted by name, then id), and by owner and by alias (each sorted by id): what filters look up. */
  byName: AmiRecord[];
  byOwner: Map<string, AmiRecord[]>;
  byAlias: Map<string, AmiRecord[]>;
  /** The snapshots by owner and by alias, each sorted by id. */
  snapshotsByOwner: Map<string, SnapshotRecord[]>;
  snapshotsByAlias: Map<string, SnapshotRecord[]>;
}

/** Groups an id-sorted list by a key; each group keeps the list's order. */
function groupBy<T>(list: T[], key: (x: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    if (k === undefined) continue;
    let group = out.get(k);
    if (!group) out.set(k, (group = []));
    group.push(x);
  }
  return out;
}

function snapshotOf(ami: AmiRecord): SnapshotRecord {
  const ebs = ami.BlockDeviceMappings[0].Ebs!;
  return {
    SnapshotId: ebs.SnapshotId!,
    owner: ami.owner,
    alias: ami.alias,
    region: ami.region,
    VolumeId: `vol-${hex(ebs.SnapshotId!, 17)}`,
    VolumeSize: ebs.VolumeSize ?? 8,
    Description: `Snapshot of ${ami.Name}`,
    Encrypted: false,
    createdAt: ami.createdAt,
    public: true,
    schedule: [{ state: "completed", at: ami.createdAt }],
  };
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

function build(entries: CatalogEntry[], region: string): RegionCatalog {
  const list = entries.map((e) => record(e, region)).sort(byKey((r) => r.ImageId));
  const snapshots = list.map(snapshotOf).sort(byKey((s) => s.SnapshotId));
  return {
    list,
    byId: new Map(list.map((r) => [r.ImageId, r])),
    snapshots,
    snapshotById: new Map(snapshots.map((s) => [s.SnapshotId, s])),
    byName: [...list].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : a.ImageId < b.ImageId ? -1 : 1)),
    byOwner: groupBy(list, (r) => r.owner),
    byAlias: groupBy(list, (r) => r.alias),
    snapshotsByOwner: groupBy(snapshots, (s) => s.owner),
    snapshotsByAlias: groupBy(snapshots, (s) => s.alias),
  };
}

const EMPTY: RegionCatalog = build([], "");
const AMAZON_ONLY: CatalogChoice = { amazon: true, extra: new Map() };

/** Amazon's entries are made once per process; each region's records once too, whichever server asks. */
let amazonEntries: CatalogEntry[] | undefined;
const amazonCatalogs = new Map<string, RegionCatalog>();

interface Served {
  choice: CatalogChoice;
  regions: Map<string, RegionCatalog>;
}
/** Each server's choice, by the store it serves from (a server has one store; tests run several servers). */
const served = new WeakMap<Store, Served>();

/** Sets what the server of this store serves as catalog; a server that never calls this serves Amazon's. */
export function serveCatalog(store: Store, choice: CatalogChoice): void {
  served.set(store, { choice, regions: new Map() });
}

function regionCatalog(choice: CatalogChoice, region: string): RegionCatalog {
  const extra = choice.extra.get(region) ?? [];
  if (!extra.length && !choice.amazon) return EMPTY;
  if (!extra.length) {
    let c = amazonCatalogs.get(region);
    if (!c) amazonCatalogs.set(region, (c = build((amazonEntries ??= amazonAmis()), region)));
    return c;
  }
  return build([...(choice.amazon ? (amazonEntries ??= amazonAmis()) : []), ...extra], region);
}

/** The catalog the caller's server serves in `region`. */
export function catalog(ctx: RequestContext, region = ctx.region): RegionCatalog {
  let s = served.get(ctx.store);
  if (!s) served.set(ctx.store, (s = { choice: AMAZON_ONLY, regions: new Map() }));
  let c = s.regions.get(region);
  if (!c) s.regions.set(region, (c = regionCatalog(s.choice, region)));
  return c;
}

/** Index of the first element whose key is above `after` (lists are sorted by key). */
function firstAbove<T>(list: T[], key: (x: T) => string, after: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function* from<T>(list: T[], start: number): Generator<T> {
  for (let i = start; i < list.length; i++) yield list[i];
}

/** The catalog's AMIs with ids above `after`, in id order, read only as far as the caller goes. */
export const catalogImagesAfter = (ctx: RequestContext, after: string): Iterator<AmiRecord> => {
  const { list } = catalog(ctx);
  return from(
    list,
    firstAbove(list, (r) => r.ImageId, after),
  );
};

/** The catalog's snapshots with ids above `after`, in id order. */
export const catalogSnapshotsAfter = (ctx: RequestContext, after: string): Iterator<SnapshotRecord> => {
  const { snapshots } = catalog(ctx);
  return from(
    snapshots,
    firstAbove(snapshots, (s) => s.SnapshotId, after),
  );
};

export const catalogImage = (ctx: RequestContext, region: string, id: string): AmiRecord | undefined => catalog(ctx, region).byId.get(id);

export const catalogSnapshot = (ctx: RequestContext, region: string, id: string): SnapshotRecord | undefined =>
  catalog(ctx, region).snapshotById.get(id);
