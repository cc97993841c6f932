// The Image shape of an AMI as the caller sees it: state from the schedule at the request's time, and the
// caller's own tags on it.
import type { RequestContext } from "../../../gateway/context";
import type { Image, ImageState, PlatformValues } from "../api.generated";
import { amiState, lastLaunchedTime, type AmiRecord } from "./records";
import { protectionStatus } from "./protection";
import { tagList } from "../tags/records";

/** Recent conversions: an AMI's dates never change, and a Date and its text cost more than the rest of its view. */
const isoTexts = new Map<number, string>();

function iso(ms: number | undefined): string | undefined {
  if (ms === undefined) return undefined;
  let text = isoTexts.get(ms);
  if (text === undefined) {
    if (isoTexts.size >= 10_000) isoTexts.clear();
    isoTexts.set(ms, (text = new Date(ms).toISOString()));
  }
  return text;
}

export function imageView(ctx: RequestContext, r: AmiRecord): Image {
  return {
    ImageId: r.ImageId,
    ImageLocation: r.ImageLocation,
    State: amiState(ctx, r) as ImageState,
    OwnerId: r.owner,
    CreationDate: iso(r.createdAt),
    Public: r.public,
    ProductCodes: r.ProductCodes?.length ? r.ProductCodes : undefined,
    Architecture: r.Architecture as Image["Architecture"],
    ImageType: "machine",
    KernelId: r.KernelId,
    RamdiskId: r.RamdiskId,
    // The model's enum says "Windows"; EC2 sends "windows" on the wire.
    Platform: r.Platform as PlatformValues | undefined,
    PlatformDetails: r.PlatformDetails,
    UsageOperation: r.UsageOperation,
    ImageOwnerAlias: r.alias,
    Name: r.Name,
    Description: r.Description,
    RootDeviceType: r.RootDeviceType,
    RootDeviceName: r.RootDeviceName,
    BlockDeviceMappings: r.BlockDeviceMappings,
    VirtualizationType: r.VirtualizationType as Image["VirtualizationType"],
    Hypervisor: "xen",
    EnaSupport: r.EnaSupport,
    SriovNetSupport: r.SriovNetSupport,
    BootMode: r.BootMode as Image["BootMode"],
    TpmSupport: r.TpmSupport as Image["TpmSupport"],
    ImdsSupport: r.ImdsSupport as Image["ImdsSupport"],
    DeprecationTime: iso(r.deprecatesAt),
    // Whether the AMI may be deregistered is its owner's business.
    DeregistrationProtection: r.owner === ctx.accountId ? protectionStatus(ctx, r) : undefined,
    SourceImageId: r.SourceImageId,
    SourceImageRegion: r.SourceImageRegion,
    SourceInstanceId: r.SourceInstanceId,
    LastLaunchedTime: iso(lastLaunchedTime(ctx, r)),
    FreeTierEligible: r.FreeTierEligible ?? false,
    Tags: tagList(ctx, r.ImageId),
  };
}
