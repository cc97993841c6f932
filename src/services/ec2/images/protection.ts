// EnableImageDeregistrationProtection and DisableImageDeregistrationProtection ("Protect an Amazon EC2 AMI from
// deregistration", ami-deregistration-protection.html): while protection is on, nobody can deregister the AMI,
// whatever their IAM permissions. Enabled WithCooldown, turning it off leaves it in force for 24 hours more.
// Only the owner manages it. Return values and the DescribeImages field use the words EC2 uses
// (`enabled-with-cooldown`, `enabled-without-cooldown`, `disabled`; `disabled after <time>` during a cooldown,
// as clients that parse the field, such as aws-nuke, read it).
import type { RequestContext } from "../../../gateway/context";
import type { Ec2Handlers } from "../api.generated";
import * as err from "../errors";
import { findOwnLiveImage, saveImage } from "./access";
import type { AmiRecord } from "./records";

/** How long protection enabled WithCooldown stays in force once turned off. */
export const COOLDOWN_MS = 24 * 3600 * 1000;

const inForce = (rec: AmiRecord, now: number) => !!rec.protection && (rec.protection.until === undefined || rec.protection.until > now);

/** The AMI's DeregistrationProtection as DescribeImages and DescribeImageAttribute show it. */
export function protectionStatus(ctx: RequestContext, rec: AmiRecord): string {
  const p = rec.protection;
  if (!p || !inForce(rec, ctx.now)) return "disabled";
  if (p.until !== undefined) return `disabled after ${new Date(p.until).toISOString()}`;
  return p.cooldown ? "enabled-with-cooldown" : "enabled-without-cooldown";
}

/** DeregisterImage's check: a protected AMI, or one in its cooldown, stays. */
export function checkDeregistrable(ctx: RequestContext, rec: AmiRecord): void {
  if (!inForce(rec, ctx.now)) return;
  throw err.operationNotPermitted(
    rec.protection?.until !== undefined
      ? `Image ${rec.ImageId} cannot be deregistered until ${new Date(rec.protection.until).toISOString()}: deregistration protection is in its cooldown period.`
      : `Image ${rec.ImageId} cannot be deregistered because deregistration protection is enabled. Disable deregistration protection first.`,
  );
}

export const imageProtectionHandlers: Pick<Ec2Handlers, "EnableImageDeregistrationProtection" | "DisableImageDeregistrationProtection"> = {
  EnableImageDeregistrationProtection(ctx, { ImageId, WithCooldown }) {
    const rec = findOwnLiveImage(ctx, ImageId);
    rec.protection = { cooldown: WithCooldown === true };
    saveImage(ctx, rec);
    return { Return: protectionStatus(ctx, rec) };
  },

  DisableImageDeregistrationProtection(ctx, { ImageId }) {
    const rec = findOwnLiveImage(ctx, ImageId);
    const p = rec.protection;
    // Turning it off again during a cooldown does not restart the cooldown.
    if (p && p.until === undefined) {
      rec.protection = p.cooldown ? { cooldown: true, until: ctx.now + COOLDOWN_MS } : undefined;
      saveImage(ctx, rec);
    } else if (p && !inForce(rec, ctx.now)) {
      rec.protection = undefined;
      saveImage(ctx, rec);
    }
    return { Return: protectionStatus(ctx, rec) };
  },
};
