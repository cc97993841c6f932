// CreateImportedImage: an EC2 AMI that the caller can launch (its own, shared with it by launch permission,
// or public) in the same region becomes a private CUSTOM image, IMPORTING → AVAILABLE (or FAILED on demand).
// The AMI must be a Windows Server 2022 Full Base AMI with UEFI boot and TPM 2.0 (CreateImportedImage API
// reference, SourceAmiId) and have the properties the administration guide requires ("Import Image",
// import-image.html, "Required AMI Properties"): one EBS volume of at most 500 GB as /dev/sda1, x86_64, HVM,
// boot mode UEFI, TPM support v2.0, ENA support, platform and platform details Windows. Amazon's plain
// Windows AMIs declare neither UEFI nor TPM, so they are refused as AWS refuses them; its TPM-Windows_Server-2022-*
// AMIs (EC2 catalog) and their copies are imported. Each import leaves an
// index record in the AMI owner's partition (EC2 AMI usage reports).
import type { RequestContext } from "../../../gateway/context";
import { inPartition } from "../../../state/collection";
import { plan } from "../../../state/lifecycle";
import { amiState, amiUses, partitionOf, visibleImage, type AmiRecord } from "../../ec2/shared";
import type { AppStreamHandlers, PlatformType } from "../api.generated";
import { latestAgentVersion } from "../images/catalog";
import * as err from "../errors";
import { checkQuota } from "../quotas";
import { imageFailure } from "../failures";
import { checkNameFree, imageArn, imageView, putImage } from "../images/handlers";
import { useKey, type ImageUse, type ImportedImageRecord } from "./records";
import { ServiceError } from "../../../errors/service-error";
import { inPartitionOf } from "../../../util/arn";

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::[0-9]{12}:role\/[\w+=,.@\-/]{1,512}$/;
const DEFAULT_FAILURE = "The image could not be imported from the AMI because of an internal service error.";

/** The only platform an imported image can have: its AMI must be Windows Server 2022. */
const PLATFORM: PlatformType = "WINDOWS_SERVER_2022";

/**
 * The Windows Server release and edition an AMI states in its name or, failing that, its description
 * ("Windows_Server-2022-English-Full-Base-2025.11.12", "Microsoft Windows Server 2022 Full Locale English AMI"):
 * the release is the four digits right after "Windows Server", never a date elsewhere in the text.
 */
function windowsRelease(ami: AmiRecord): { version?: string; edition?: string } {
  for (const text of [ami.Name, ami.Description ?? ""]) {
    const m = /windows[\s_-]*server[\s_-]*(\d{4})(?:[\s_-]+(?:r2[\s_-]+)?(?:[a-z]+[\s_-]+)?(full|core))?/i.exec(text);
    if (m) return { version: m[1], edition: m[2]?.toLowerCase() };
  }
  return {};
}

/** Why the AMI does not meet the import requirements, or undefined when it does. */
function unmetRequirement(ami: AmiRecord): string | undefined {
  if (ami.Platform !== "windows" || ami.PlatformDetails !== "Windows") return "only Windows AMIs (platform details Windows) are supported";
  const { version, edition } = windowsRelease(ami);
  if (version && version !== "2022") return `it is Windows Server ${version}; Windows Server 2022 Full Base is required`;
  if (edition === "core") return "it is a Server Core AMI; Windows Server 2022 Full Base is required";
  if (ami.Architecture !== "x86_64") return `its architecture is ${ami.Architecture}; x86_64 is required`;
  if (ami.VirtualizationType !== "hvm") return "HVM virtualization is required";
  if (ami.RootDeviceType !== "ebs") return "an EBS-backed AMI is required";
  if (ami.BootMode !== "uefi") return `its boot mode is ${ami.BootMode ?? "not set"}; UEFI boot mode is required`;
  if (ami.TpmSupport !== "v2.0") return "TPM support v2.0 is required";
  if (ami.EnaSupport !== true) return "ENA support is required";
  if (ami.RootDeviceName !== "/dev/sda1") return `its root device is ${ami.RootDeviceName ?? "not set"}; /dev/sda1 is required`;
  const volumes = ami.BlockDeviceMappings.filter((m) => m.Ebs);
  if (volumes.length !== 1) return `it has ${volumes.length} EBS volumes; exactly one is required`;
  const size = volumes[0].Ebs?.VolumeSize;
  if (size !== undefined && size > 500) return `its volume is ${size} GB; at most 500 GB is supported`;
  return undefined;
}

/** The AMI, if the caller can launch it, with the platform the image will have; otherwise the service's error. */
function sourceAmi(ctx: RequestContext, id: string): AmiRecord {
  const ami = visibleImage(ctx, id);
  const state = ami && amiState(ctx, ami);
  if (!ami || state === "deregistered")
    throw err.notFound(`The AMI ${id} does not exist in ${ctx.region} or you do not have permission to use it.`);
  const incompatible = (why: string) => new ServiceError("IncompatibleImageException", `The AMI ${id} cannot be imported: ${why}.`);
  if (state !== "available") throw incompatible(`it is ${state}; only an available AMI can be imported`);
  const unmet = unmetRequirement(ami);
  if (unmet) throw incompatible(unmet);
  return ami;
}

export const importedImageHandlers: Pick<AppStreamHandlers, "CreateImportedImage"> = {
  CreateImportedImage(ctx, input) {
    checkNameFree(ctx, input.Name);
    // A role of another partition than the Region's is no role AppStream can assume there.
    if (!ROLE_ARN.test(input.IamRoleArn) || !inPartitionOf(input.IamRoleArn, ctx.region))
      throw new ServiceError("InvalidRoleException", `The role ${input.IamRoleArn} is not a valid IAM role ARN.`);
    const ami = sourceAmi(ctx, input.SourceAmiId);
    checkQuota(ctx, "images");
    if (input.DryRun) throw new ServiceError("DryRunOperationException", "The request would have succeeded, but the DryRun flag is set.");
    const arn = imageArn(ctx.region, ctx.accountId, input.Name);
    const rec: ImportedImageRecord = {
      Name: input.Name,
      Arn: arn,
      owner: ctx.accountId,
      region: ctx.region,
      DisplayName: input.DisplayName,
      Description: input.Description,
      Platform: PLATFORM,
      AppstreamAgentVersion: input.AgentSoftwareVersion === "ALWAYS_LATEST" ? "LATEST" : latestAgentVersion(PLATFORM),
      ImageType: "CUSTOM",
      createdAt: ctx.now,
      schedule: plan(ctx.now, ["IMPORTING", ctx.timings.seconds("importedImage")], [ctx.failure ? "FAILED" : "AVAILABLE"]),
      tags: { ...(input.Tags ?? {}) },
      ...(ctx.failure ? imageFailure(ctx, "IMAGE_IMPORT_FAILURE", ctx.failure.reason ?? DEFAULT_FAILURE) : {}),
      SourceAmiId: ami.ImageId,
      SourceAmiOwner: ami.owner,
      IamRoleArn: input.IamRoleArn,
      RuntimeValidationConfig: input.RuntimeValidationConfig,
      AppCatalogConfig: input.AppCatalogConfig,
    };
    putImage(ctx, rec);
    // A failed import never uses the AMI, so it leaves no trace for usage reports.
    if (!ctx.failure) {
      const use: ImageUse = {
        resourceType: "appstream-image",
        account: ctx.accountId,
        region: ctx.region,
        name: rec.Name,
        arn,
        at: ctx.now,
      };
      amiUses.set(inPartition(ctx, partitionOf(ami.owner, ami.region)), useKey(rec), use);
    }
    return { Image: imageView(ctx, rec, undefined, true) };
  },
};
