// Public AMIs a seed file adds to the catalog (README, "Seed files"): accounts.<owner>.<region>.ec2.publicImages.
// They are catalog entries, not registered AMIs: read from the seed file at every start (even when the store
// already holds state and the rest of the seed is not loaded again), never stored, read-only for everyone, and
// their ids derive from region, owner and name, so they are the same after a restart.
import { isObject, SeedError } from "../../../operator/seed/seed-error";
import type { CatalogEntry } from "./amazon-amis";

const ARCHITECTURES = new Set(["i386", "x86_64", "arm64", "x86_64_mac", "arm64_mac"]);
const BOOT_MODES = new Set(["legacy-bios", "uefi", "uefi-preferred"]);
/** The RegisterImage name rule ("Amazon EC2 AMI names"). */
const AMI_NAME = /^[a-zA-Z0-9().\-/_ ]{3,128}$/;
/** When an entry gives no CreationDate: a fixed time, so that it does not move between starts. */
const DEFAULT_CREATION = Date.parse("2026-01-01T00:00:00.000Z");
const FIELDS = new Set([
  "Name",
  "Description",
  "Architecture",
  "Platform",
  "PlatformDetails",
  "UsageOperation",
  "OwnerAlias",
  "CreationDate",
  "VolumeSize",
  "BootMode",
  "ProductCodes",
]);
/** An AWS Marketplace product code: letters and digits (ImageCriterionRequest's MarketplaceProductCodes rule). */
const PRODUCT_CODE = /^[A-Za-z0-9]{1,25}$/;

const optionalString = (e: Record<string, unknown>, k: string): string | undefined => {
  if (e[k] === undefined) return undefined;
  if (typeof e[k] !== "string") throw new SeedError(`${k} must be a string`);
  return e[k];
};

/** One publicImages entry as a catalog entry of `owner`; SeedError for what RegisterImage would refuse. */
export function publicImageEntry(owner: string, e: Record<string, unknown>): CatalogEntry {
  const unknown = Object.keys(e).filter((k) => !FIELDS.has(k));
  if (unknown.length) throw new SeedError(`unknown field ${unknown.join(", ")} (${[...FIELDS].join(", ")})`);
  const name = optionalString(e, "Name");
  if (!name || !AMI_NAME.test(name)) throw new SeedError("Name must be 3 to 128 letters, digits and ( ) . - / _ or spaces");
  const arch = optionalString(e, "Architecture") ?? "x86_64";
  if (!ARCHITECTURES.has(arch)) throw new SeedError(`Architecture must be one of ${[...ARCHITECTURES].join(", ")}`);
  const platform = optionalString(e, "Platform");
  if (platform !== undefined && platform !== "windows") throw new SeedError('Platform is "windows" or absent');
  const alias = optionalString(e, "OwnerAlias");
  if (alias !== undefined && !/^[a-z0-9-]{1,64}$/.test(alias)) throw new SeedError("OwnerAlias must be lower-case letters, digits and -");
  const created = optionalString(e, "CreationDate");
  const createdAt = created === undefined ? DEFAULT_CREATION : Date.parse(created);
  if (Number.isNaN(createdAt)) throw new SeedError("CreationDate must be an ISO 8601 time");
  const size = e.VolumeSize ?? (platform ? 30 : 8);
  if (typeof size !== "number" || !Number.isInteger(size) || size < 1 || size > 16384)
    throw new SeedError("VolumeSize must be a whole number of GiB from 1 to 16384");
  const bootMode = optionalString(e, "BootMode");
  if (bootMode !== undefined && !BOOT_MODES.has(bootMode)) throw new SeedError(`BootMode must be one of ${[...BOOT_MODES].join(", ")}`);
  const codes = e.ProductCodes;
  if (codes !== undefined && (!Array.isArray(codes) || !codes.every((c) => typeof c === "string" && PRODUCT_CODE.test(c))))
    throw new SeedError("ProductCodes must be a list of product codes of 1 to 25 letters and digits");
  const windows = platform === "windows";
  return {
    name,
    owner,
    alias,
    description: optionalString(e, "Description"),
    arch,
    windows,
    platformDetails: optionalString(e, "PlatformDetails") ?? (windows ? "Windows" : "Linux/UNIX"),
    usageOperation: optionalString(e, "UsageOperation") ?? (windows ? "RunInstances:0002" : "RunInstances"),
    released: createdAt,
    exactTime: true,
    volumeSize: size,
    volumeType: "gp3",
    bootMode,
    freeTier: false,
    deprecates: false,
    productCodes: codes?.length ? (codes as string[]) : undefined,
  };
}

/** Every publicImages entry of a seed document, by region; other lists and malformed places are the seed loader's to report. */
export function seededPublicImages(doc: unknown): Map<string, CatalogEntry[]> {
  const out = new Map<string, CatalogEntry[]>();
  if (!isObject(doc) || !isObject(doc.accounts)) return out;
  for (const [owner, regions] of Object.entries(doc.accounts)) {
    if (!/^[0-9]{12}$/.test(owner) || !isObject(regions)) continue;
    for (const [region, services] of Object.entries(regions)) {
      const list = isObject(services) && isObject(services.ec2) ? services.ec2.publicImages : undefined;
      if (list === undefined) continue;
      if (!Array.isArray(list) || !list.every(isObject))
        throw new SeedError(`accounts.${owner}.${region}.ec2.publicImages must be a list of objects`);
      const entries = out.get(region) ?? [];
      list.forEach((e, i) => {
        try {
          entries.push(publicImageEntry(owner, e));
        } catch (err) {
          throw new SeedError(`accounts.${owner}.${region}.ec2.publicImages[${i}]: ${(err as Error).message}`);
        }
      });
      out.set(region, entries);
    }
  }
  return out;
}
