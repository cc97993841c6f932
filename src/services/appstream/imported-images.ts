// CreateImportedImage: an EC2 AMI that the caller can launch (its own, shared with it by launch permission,
// or public) in the same region becomes a private CUSTOM image, IMPORTING → AVAILABLE (or FAILED on demand).
// Requirements are those of the CreateImportedImage API reference (SourceAmiId: a Windows Server 2022 Full
// Base AMI, UEFI boot, TPM 2.0, drivers) that an AMI record can show: Windows, x86_64, HVM, EBS-backed (as
// such AMIs are), available. UEFI is refused only when the AMI says legacy-bios: most AMIs, Amazon's
// included, leave the boot mode and TPM unset. Each import leaves an index record in the AMI owner's partition (EC2 AMI usage reports).
import type { RequestContext } from "../../gateway/context";
import { inPartition } from "../../state/collection";
import { plan } from "../../state/lifecycle";
import { amiState, amiUses, partitionOf, visibleImage, type AmiRecord } from "../ec2/shared";
import type { AppStreamHandlers, PlatformType } from "./api.generated";
import { CATALOG } from "./catalog";
import * as err from "./errors";
import { imageFailure } from "./failures";
import { checkNameFree, imageArn, imageView, putImage } from "./images";
import { useKey, type ImageUse, type ImportedImageRecord } from "./imported-image-records";
import { ServiceError } from "../../errors/service-error";

const ROLE_ARN = /^arn:aws[a-z-]*:iam::[0-9]{12}:role\/[\w+=,.@\-/]{1,512}$/;
const DEFAULT_FAILURE = "The image could not be imported from the AMI because of an internal service error.";

/** The agent version current now: that of the newest AWS base image. */
const CURRENT_AGENT = [...CATALOG].sort((a, b) => (a.released < b.released ? 1 : -1))[0].agentVersion;

function windowsPlatform(ami: AmiRecord): PlatformType {
  const text = `${ami.Name} ${ami.Description ?? ""}`;
  for (const v of ["2016", "2019", "2025"] as const) if (text.includes(v)) return `WINDOWS_SERVER_${v}`;
  return "WINDOWS_SERVER_2022";
}

/** The AMI, if the caller can launch it, with the platform the image will have; otherwise the service's error. */
function sourceAmi(ctx: RequestContext, id: string): { ami: AmiRecord; platform: PlatformType } {
  const ami = visibleImage(ctx, id);
  const state = ami && amiState(ctx, ami);
  if (!ami || state === "deregistered")
    throw err.notFound(`The AMI ${id} does not exist in ${ctx.region} or you do not have permission to use it.`);
  const incompatible = (why: string) => new ServiceError("IncompatibleImageException", `The AMI ${id} cannot be imported: ${why}.`);
  if (state !== "available") throw incompatible(`it is ${state}; only an available AMI can be imported`);
  if (ami.Platform !== "windows") throw incompatible("only Windows Server AMIs are supported");
  if (ami.Architecture !== "x86_64") throw incompatible(`its architecture is ${ami.Architecture}; x86_64 is required`);
  if (ami.VirtualizationType !== "hvm") throw incompatible("HVM virtualization is required");
  if (ami.RootDeviceType !== "ebs") throw incompatible("an EBS-backed AMI is required");
  if (ami.BootMode === "legacy-bios") throw incompatible("UEFI boot mode is required");
  return { ami, platform: windowsPlatform(ami) };
}

export const importedImageHandlers: Pick<AppStreamHandlers, "CreateImportedImage"> = {
  CreateImportedImage(ctx, input) {
    checkNameFree(ctx, input.Name);
    if (!ROLE_ARN.test(input.IamRoleArn))
      throw new ServiceError("InvalidRoleException", `The role ${input.IamRoleArn} is not a valid IAM role ARN.`);
    const { ami, platform } = sourceAmi(ctx, input.SourceAmiId);
    if (input.DryRun) throw new ServiceError("DryRunOperationException", "The request would have succeeded, but the DryRun flag is set.");
    const arn = imageArn(ctx.region, ctx.accountId, input.Name);
    const rec: ImportedImageRecord = {
      Name: input.Name,
      Arn: arn,
      owner: ctx.accountId,
      region: ctx.region,
      DisplayName: input.DisplayName,
      Description: input.Description,
      Platform: platform,
      AppstreamAgentVersion: input.AgentSoftwareVersion === "ALWAYS_LATEST" ? "LATEST" : CURRENT_AGENT,
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
