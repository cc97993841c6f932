// Checks an ImportImage request the way VM Import does, with its InvalidParameter code ("Error codes for the
// Amazon EC2 API": InvalidParameter is what VM Import answers for a parameter it cannot use), and turns the
// disk containers into the task's disks. Valid values are the ImportImage API reference's: Architecture
// i386 | x86_64 | arm64, Platform Windows | Linux, Hypervisor xen, LicenseType AWS | BYOL, disk Format
// OVA | VHD | VHDX | VMDK | RAW, Url https:// or s3://; BootMode uefi-preferred is not supported for imports;
// KmsKeyId needs Encrypted.
import { createHash } from "node:crypto";
import { ServiceError } from "../../../errors/service-error";
import { hexId } from "../../../util/ids";
import type { ImageDiskContainer, ImportImageRequest } from "../api.generated";
import * as err from "../errors";
import type { DiskRecord } from "./records";

export const invalidParameter = (message: string) => new ServiceError("InvalidParameter", message);

const ARCHITECTURES = ["i386", "x86_64", "arm64"];
const PLATFORMS = ["Windows", "Linux"];
const LICENSE_TYPES = ["AWS", "BYOL"];
const FORMATS = ["OVA", "VHD", "VHDX", "VMDK", "RAW"];
const SNAPSHOT_ID = /^snap-([0-9a-f]{8}|[0-9a-f]{17})$/;
const LICENSE_CONFIGURATION_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):license-manager:[a-z0-9-]+:[0-9]{12}:license-configuration:lic-[0-9a-f]{32}$/;

function oneOf(name: string, value: string | undefined, allowed: string[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw invalidParameter(`Invalid value '${value}' for ${name}. Valid values are: ${allowed.join(", ")}.`);
  }
}

/** The disk's format as given, or from the file name's extension. */
function formatOf(c: ImageDiskContainer, n: number): string | undefined {
  if (c.SnapshotId !== undefined) return c.Format?.toUpperCase();
  const name = (c.Url ?? c.UserBucket?.S3Key ?? "").toLowerCase();
  const format = c.Format?.toUpperCase() ?? /\.(ova|vhdx?|vmdk|raw|img)$/.exec(name)?.[1].replace("img", "raw").toUpperCase();
  if (!format)
    throw invalidParameter(`DiskContainer.${n}: the disk image format could not be determined; specify Format (${FORMATS.join(", ")}).`);
  if (!FORMATS.includes(format))
    throw invalidParameter(`DiskContainer.${n}: unsupported disk image format '${c.Format}'. Valid formats are: ${FORMATS.join(", ")}.`);
  return format;
}

/** A stable, plausible size in bytes (1-8 GiB, whole MiB) for a disk image imagelite cannot read. */
export function sizeOf(source: string): number {
  const h = parseInt(createHash("sha256").update(source).digest("hex").slice(0, 8), 16);
  return (1024 + (h % 7168)) * 1024 * 1024;
}

function disk(c: ImageDiskContainer, i: number): DiskRecord {
  const n = i + 1;
  const sources = [c.Url, c.UserBucket, c.SnapshotId].filter((v) => v !== undefined).length;
  if (sources !== 1) throw invalidParameter(`DiskContainer.${n} must specify exactly one of Url, UserBucket or SnapshotId.`);
  if (c.Url !== undefined && !/^(https|s3):\/\/[^/]+\/.+/.test(c.Url)) {
    throw invalidParameter(`DiskContainer.${n}.Url '${c.Url}' is not valid: use an https:// or s3:// URL of the disk image.`);
  }
  if (c.UserBucket && (!c.UserBucket.S3Bucket || !c.UserBucket.S3Key)) {
    throw err.missingParameter(`DiskContainer.${n}.UserBucket.${c.UserBucket.S3Bucket ? "S3Key" : "S3Bucket"}`);
  }
  if (c.SnapshotId !== undefined && !SNAPSHOT_ID.test(c.SnapshotId)) throw err.snapshotMalformed(c.SnapshotId);
  const source = c.Url ?? c.SnapshotId ?? `s3://${c.UserBucket!.S3Bucket}/${c.UserBucket!.S3Key}`;
  return {
    Description: c.Description,
    Format: formatOf(c, n),
    Url: c.Url,
    UserBucket: c.UserBucket ? { S3Bucket: c.UserBucket.S3Bucket, S3Key: c.UserBucket.S3Key } : undefined,
    SourceSnapshotId: c.SnapshotId,
    DiskImageSize: sizeOf(source),
    SnapshotId: hexId("snap"),
    // The boot disk becomes /dev/sda1, further disks /dev/sdb, /dev/sdc, ...
    DeviceName: c.DeviceName ?? (i === 0 ? "/dev/sda1" : `/dev/sd${String.fromCharCode(97 + Math.min(i, 25))}`),
  };
}

export function checkImportImage(input: ImportImageRequest): DiskRecord[] {
  if (!input.DiskContainers?.length) throw err.missingParameter("DiskContainer");
  oneOf("Architecture", input.Architecture, ARCHITECTURES);
  oneOf("Platform", input.Platform, PLATFORMS);
  oneOf("Hypervisor", input.Hypervisor, ["xen"]);
  oneOf("LicenseType", input.LicenseType, LICENSE_TYPES);
  if (input.BootMode === "uefi-preferred")
    throw invalidParameter("The boot mode uefi-preferred is not supported for importing images. Use legacy-bios or uefi.");
  if (input.KmsKeyId !== undefined && !input.Encrypted) {
    throw err.invalidDependency("The parameter KmsKeyId requires the parameter Encrypted to be true.");
  }
  if (input.UsageOperation !== undefined && !/^RunInstances(:[0-9]{4})?$/.test(input.UsageOperation)) {
    throw invalidParameter(`Invalid value '${input.UsageOperation}' for UsageOperation.`);
  }
  for (const l of input.LicenseSpecifications ?? []) {
    if (!l.LicenseConfigurationArn || !LICENSE_CONFIGURATION_ARN.test(l.LicenseConfigurationArn)) {
      throw invalidParameter(`Invalid license configuration ARN '${l.LicenseConfigurationArn ?? ""}'.`);
    }
  }
  return input.DiskContainers.map(disk);
}
