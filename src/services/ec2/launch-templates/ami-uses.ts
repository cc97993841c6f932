// A launch template's uses of AMIs, for AMI usage reports: while some version of a template names an AMI by id,
// the AMI owner's partition keeps one use record (AMI, launch-template, account, template id) listing those
// versions; a report then checks whether one of them is among the template's most recent versions
// (usage-reports/entries.ts). A version keeps the owner of the AMI it named, so that its deletion finds the
// record even once the AMI is gone. An ImageId that names no AMI the caller can see (or a `resolve:ssm:`
// parameter) uses nothing.
import type { RequestContext } from "../../../gateway/context";
import { inPartition } from "../../../state/collection";
import { amiUses, type AmiUse } from "../usage-reports/entries";
import { partitionOf } from "../images/records";
import { visibleImage } from "../images/access";
import type { LaunchTemplateRecord, LaunchTemplateVersionRecord } from "./records";
import { arnOf } from "../resource-types";

export const LAUNCH_TEMPLATE_USE = "launch-template";

/** A launch template's use: the template's versions whose data names the AMI. */
export type LaunchTemplateUse = AmiUse & { resourceType: typeof LAUNCH_TEMPLATE_USE; versions: number[] };

const AMI_ID = /^ami-[0-9a-f]{8}([0-9a-f]{9})?$/;

const templateArn = (t: LaunchTemplateRecord) => arnOf("launch-template", t.region, t.owner, t.LaunchTemplateId);

/** The owner of the AMI that an ImageId in template data names, when the caller can see one. */
export function amiOwnerOf(ctx: RequestContext, imageId: string | undefined): string | undefined {
  if (!imageId || !AMI_ID.test(imageId)) return undefined;
  return visibleImage(ctx, imageId)?.owner;
}

function useAt(ctx: RequestContext, t: LaunchTemplateRecord, v: LaunchTemplateVersionRecord) {
  const imageId = v.data.ImageId;
  if (!v.amiOwner || !imageId) return undefined;
  return {
    scope: inPartition(ctx, partitionOf(v.amiOwner, t.region)),
    key: [imageId, LAUNCH_TEMPLATE_USE, t.owner, t.LaunchTemplateId] as [string, string, string, string],
  };
}

/** Version `v` of template `t` is new: if it names an AMI, the AMI's use record lists it. */
export function addVersionUse(ctx: RequestContext, t: LaunchTemplateRecord, v: LaunchTemplateVersionRecord): void {
  const at = useAt(ctx, t, v);
  if (!at) return;
  const prior = amiUses.get(at.scope, at.key) as LaunchTemplateUse | undefined;
  const use: LaunchTemplateUse = {
    resourceType: LAUNCH_TEMPLATE_USE,
    account: t.owner,
    region: t.region,
    name: t.LaunchTemplateName,
    arn: templateArn(t),
    at: prior?.at ?? ctx.now,
    versions: [...new Set([...(prior?.versions ?? []), v.VersionNumber])].sort((a, b) => a - b),
  };
  amiUses.set(at.scope, at.key, use);
}

/** Version `v` of template `t` is deleted: the AMI's use record no longer lists it, and goes with its last version. */
export function dropVersionUse(ctx: RequestContext, t: LaunchTemplateRecord, v: LaunchTemplateVersionRecord): void {
  const at = useAt(ctx, t, v);
  if (!at) return;
  const prior = amiUses.get(at.scope, at.key) as LaunchTemplateUse | undefined;
  if (!prior) return;
  const versions = prior.versions.filter((n) => n !== v.VersionNumber);
  if (versions.length) amiUses.set(at.scope, at.key, { ...prior, versions });
  else amiUses.delete(at.scope, at.key);
}
