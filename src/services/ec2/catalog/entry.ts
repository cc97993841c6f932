// One AMI of the public catalog, as data: what catalog.ts turns into an AMI record in each region.

export interface CatalogEntry {
  name: string;
  owner: string;
  alias?: string;
  description?: string;
  arch: string;
  windows: boolean;
  platformDetails: string;
  usageOperation: string;
  /** Release day, epoch ms at 00:00 UTC; the AMI's time of day is derived from its id (unless exactTime). */
  released: number;
  exactTime?: boolean;
  volumeSize: number;
  volumeType: string;
  bootMode?: string;
  imdsSupport?: string;
  tpmSupport?: string;
  freeTier: boolean;
  /** Whether the AMI is deprecated two years after release, as Amazon's are. */
  deprecates: boolean;
  /** AWS Marketplace product codes (a seeded marketplace image's). */
  productCodes?: string[];
}
