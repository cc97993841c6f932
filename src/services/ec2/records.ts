// How EC2 AMIs are kept in the store. An AMI is a document in its owner's partition; who else may see it is
// kept as index records in the partitions that read them (the grantee's, or the regional public one).
import type { RequestContext } from "../../gateway/context";
import type { Partition } from "../../state/store";
import { stateAt, type Schedule } from "../../state/lifecycle";
import type { BlockDeviceMapping, ProductCode } from "./api.generated";

export const TYPES = {
  image: "ec2.image",
  /** Owner's partition, id = AMI name → { ImageId }: names are unique per account and region. */
  imageName: "ec2.image-name",
  /** Owner's partition, id `<ami> user <account>` / `<ami> org <arn>` / `<ami> ou <arn>`: the launch permission list. */
  launchPermission: "ec2.launch-permission",
  /** Grantee's partition, id = AMI id → { owner }: what the grantee's reads consult. */
  sharedWithMe: "ec2.shared-image",
  /** PUBLIC_ACCOUNT's partition of the region, id = AMI id → { owner }: AMIs of any account with group `all`. */
  publicImage: "ec2.public-image",
  /** Caller's partition, id `<operation> <client token>`: idempotent requests. */
  clientToken: "ec2.client-token",
  /** Owner's partition, id `<ami> <account>` → { account }: another account keeps records on the AMI (tags, fast launch), to purge with it. */
  reference: "ec2.image-reference",
} as const;

/** Pseudo-account whose partition indexes the public AMIs of a region (not a real account id: 12 digits never match). */
export const PUBLIC_ACCOUNT = "public";

/** State after a deregistered AMI has dropped out of every result. */
export const GONE = "GONE";

export interface AmiRecord {
  ImageId: string;
  /** Owner account id. */
  owner: string;
  /** ImageOwnerAlias (`amazon` for the catalog). */
  alias?: string;
  region: string;
  Name: string;
  Description?: string;
  Architecture: string;
  /** `windows` for Windows AMIs, otherwise absent. */
  Platform?: "windows";
  PlatformDetails: string;
  UsageOperation: string;
  RootDeviceName?: string;
  RootDeviceType: "ebs" | "instance-store";
  BlockDeviceMappings: BlockDeviceMapping[];
  ImageLocation: string;
  VirtualizationType: string;
  EnaSupport?: boolean;
  SriovNetSupport?: string;
  BootMode?: string;
  TpmSupport?: string;
  ImdsSupport?: string;
  UefiData?: string;
  KernelId?: string;
  RamdiskId?: string;
  ProductCodes?: ProductCode[];
  SourceImageId?: string;
  SourceImageRegion?: string;
  FreeTierEligible?: boolean;
  createdAt: number;
  deprecatesAt?: number;
  public: boolean;
  /** pending → available; deregistration appends deregistered → GONE. */
  schedule: Schedule;
  /** The client token record (TYPES.clientToken id) of the CopyImage that made it. */
  clientToken?: string;
}

export interface IndexRecord { owner: string }

export const partitionOf = (owner: string, region: string): Partition => ({ account: owner, region });
export const publicPartition = (region: string): Partition => ({ account: PUBLIC_ACCOUNT, region });

export const amiState = (ctx: RequestContext, r: AmiRecord): string => stateAt(r.schedule, ctx.now);

/** `ami-` and 8 (older) or 17 hexadecimal digits. */
export const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;
