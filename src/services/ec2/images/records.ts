// How EC2 AMIs are kept in the store. An AMI is a document in its owner's partition; who else may see it is
// kept as index records in the partitions that read them (the grantee's, or the regional public one).
import type { RequestContext } from "../../../gateway/context";
import type { Partition } from "../../../state/store";
import { collection } from "../../../state/collection";
import { stateAt } from "../../../state/lifecycle";
import { listOf, object, schema, typed, unchecked, type RecordOf } from "../../../state/record-schema";
import type { BlockDeviceMapping, PermissionGroup, ProductCode } from "../api.generated";
import { recycleBinMember } from "../recycle-bin/records";

/** Pseudo-account whose partition indexes the public AMIs of a region (not a real account id: 12 digits never match). */
export const PUBLIC_ACCOUNT = "public";

/** State after a deregistered AMI has dropped out of every result. */
export const GONE = "GONE";

/** Deregistration protection (image-protection.ts): on, or off but still in force until `until` (its cooldown). */
const protectionSchema = schema({
  /** Whether turning protection off leaves it in force for 24 hours. */
  cooldown: "boolean",
  /** Set when protection was turned off with a cooldown: it holds until then. */
  until: "time?",
});
export type DeregistrationProtection = RecordOf<typeof protectionSchema>;

/**
 * An AMI, in its owner's partition of its region. Its collection, `amis`, is declared with who can see an AMI
 * (access.ts), which its tagging check needs; the Amazon catalog, below that, builds records of this schema.
 */
export const amiSchema = schema({
  ImageId: "string",
  /** Owner account id. */
  owner: "string",
  /** ImageOwnerAlias (`amazon` for the catalog). */
  alias: "string?",
  region: "string",
  Name: "string",
  Description: "string?",
  Architecture: "string",
  /** `windows` for Windows AMIs, otherwise absent. */
  Platform: typed<"windows">("string?"),
  PlatformDetails: "string",
  UsageOperation: "string",
  RootDeviceName: "string?",
  RootDeviceType: typed<"ebs" | "instance-store">("string"),
  BlockDeviceMappings: typed<BlockDeviceMapping[]>(listOf({ DeviceName: "string?", Ebs: "object?" })),
  ImageLocation: "string",
  VirtualizationType: "string",
  EnaSupport: unchecked<boolean | undefined>(),
  SriovNetSupport: unchecked<string | undefined>(),
  BootMode: unchecked<string | undefined>(),
  TpmSupport: unchecked<string | undefined>(),
  ImdsSupport: unchecked<string | undefined>(),
  UefiData: unchecked<string | undefined>(),
  KernelId: unchecked<string | undefined>(),
  RamdiskId: unchecked<string | undefined>(),
  ProductCodes: typed<ProductCode[]>(listOf({}, true)),
  SourceImageId: unchecked<string | undefined>(),
  SourceImageRegion: unchecked<string | undefined>(),
  /** The owner of the source AMI (SourceImageId), so that GetImageAncestry finds it whoever may see it now. */
  sourceOwner: "string?",
  FreeTierEligible: unchecked<boolean | undefined>(),
  createdAt: "time",
  /** EnableImageDeprecation's time, rounded to the minute (image-deprecation.ts). */
  deprecatesAt: "time?",
  /** The instance CreateImage made the AMI of. */
  SourceInstanceId: "string?",
  /** When RunInstances last launched it, and the launch already reported before that one (see lastLaunchedTime). */
  lastLaunchAt: "time?",
  reportedLaunchAt: "time?",
  protection: object(protectionSchema, true),
  public: "boolean",
  /** pending → available; DisableImage appends disabled, EnableImage available again; deregistration appends deregistered → GONE. */
  schedule: "schedule",
  /** The client token (its clientTokens id) of the CopyImage that made it. */
  clientToken: unchecked<string | undefined>(),
  /** Deregistered into the Recycle Bin: gone for every read until restored, for good at the end of its stay. */
  recycleBin: recycleBinMember,
});
export type AmiRecord = RecordOf<typeof amiSchema>;

const indexRecordSchema = schema({
  owner: "string",
  /** The AMI's name and owner alias, for the name and alias indexes (names do not change). Absent in records written before. */
  name: "string?",
  alias: "string?",
});
export type IndexRecord = RecordOf<typeof indexRecordSchema>;

/** What a grantee's or the public index keeps of an AMI. */
export const indexRecordOf = (r: AmiRecord): IndexRecord => ({ owner: r.owner, name: r.Name, alias: r.alias });

/**
 * The key under which an index record that predates its `name` sits in the name and alias indexes: no AMI name
 * is empty, and a lookup by name or alias reads this key too (then checks the AMI itself).
 */
export const UNNAMED = "";

/** The indexes of a grantee's and of the public index of AMIs: by owner (Owners), name and alias (filters). */
const indexRecordIndexes = {
  owner: (r: IndexRecord) => r.owner,
  name: (r: IndexRecord) => r.name ?? UNNAMED,
  alias: (r: IndexRecord) => (r.name === undefined ? UNNAMED : r.alias),
};

export const partitionOf = (owner: string, region: string): Partition => ({ account: owner, region });
export const publicPartition = (region: string): Partition => ({ account: PUBLIC_ACCOUNT, region });

/**
 * Owner's partition, keyed by AMI name → { ImageId }: what earlier versions kept to find a name taken. The
 * name index of `amis` answers that now; the records of older files are still read (state import) and go
 * when their AMI is deregistered.
 */
const amiNameSchema = schema({ ImageId: "string" });
export const amiNames = collection<RecordOf<typeof amiNameSchema>>({ type: "ec2.image-name", schema: amiNameSchema });

const launchPermissionSchema = schema({
  Group: typed<PermissionGroup>("string?"),
  UserId: "string?",
  OrganizationArn: "string?",
  OrganizationalUnitArn: "string?",
});

/** Owner's partition, keyed (AMI, user | org | ou, account or ARN) → the LaunchPermission: the launch permission list. */
export const launchPermissions = collection<
  RecordOf<typeof launchPermissionSchema>,
  [ami: string, kind: "user" | "org" | "ou", grantee: string]
>({
  type: "ec2.launch-permission",
  schema: launchPermissionSchema,
});

type IndexRecordIndex = keyof typeof indexRecordIndexes;

/** Grantee's partition, keyed by AMI id → { owner, name, alias }: what the grantee's reads consult; by owner for `Owners`. */
export const sharedImages = collection<IndexRecord, string, IndexRecordIndex>({
  type: "ec2.shared-image",
  schema: indexRecordSchema,
  indexes: indexRecordIndexes,
});

/** PUBLIC_ACCOUNT's partition of the region, keyed by AMI id → { owner, name, alias }: AMIs of any account with group `all`. */
export const publicImages = collection<IndexRecord, string, IndexRecordIndex>({
  type: "ec2.public-image",
  schema: indexRecordSchema,
  indexes: indexRecordIndexes,
});

/**
 * Owner's partition, keyed (AMI, account) → { account }: another account keeps records on the AMI (tags, fast
 * launch), to purge with it.
 */
const referenceSchema = schema({ account: "string" });
export const amiReferences = collection<RecordOf<typeof referenceSchema>, [ami: string, account: string]>({
  type: "ec2.image-reference",
  schema: referenceSchema,
});

/**
 * The caller's AMIs that are gone after their deregistration, for an hour more: DescribeImages by id answers no
 * image for them rather than InvalidAMIID.NotFound ("Recently deregistered images appear in the returned results
 * for a short interval and then return empty results", DescribeImages), which tools that wait for a deregistration
 * to finish (Ansible's ec2_ami) rely on. Keyed by AMI id, in the owner's partition.
 */
const retiredSchema = schema({ until: "time" });
export const retiredImages = collection<RecordOf<typeof retiredSchema>>({
  type: "ec2.retired-image",
  schema: retiredSchema,
  expires: { goneAt: (r) => r.until },
});

/** How long after it is gone a deregistered AMI's id still answers with no image. */
export const RETIRED_MS = 3600 * 1000;

/** Launches reach LastLaunchedTime a day late ("there is a 24-hour delay before that usage is reported", Image reference). */
const LAUNCH_REPORT_DELAY_MS = 24 * 3600 * 1000;

/**
 * LastLaunchedTime at the request's time: the last launch that is a day old. Only the last launch and the one
 * reported before it are kept, so launches between them are never reported on their own (a later one soon is).
 */
export function lastLaunchedTime(ctx: RequestContext, r: AmiRecord): number | undefined {
  if (r.lastLaunchAt !== undefined && r.lastLaunchAt + LAUNCH_REPORT_DELAY_MS <= ctx.now) return r.lastLaunchAt;
  return r.reportedLaunchAt;
}

/** Notes a launch of the AMI now. */
export function noteLaunch(ctx: RequestContext, r: AmiRecord): void {
  r.reportedLaunchAt = lastLaunchedTime(ctx, r);
  r.lastLaunchAt = ctx.now;
}

export const amiState = (ctx: RequestContext, r: AmiRecord): string => stateAt(r.schedule, ctx.now);

/** `ami-` and 8 (older) or 17 hexadecimal digits. */
export const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;
