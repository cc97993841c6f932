// EnableImageDeprecation and DisableImageDeprecation ("Deprecate an Amazon EC2 AMI", ami-deprecate.html, and the
// EnableImageDeprecation reference). Only the owner deprecates. DeprecateAt is rounded to the nearest minute; it
// can't be in the past, nor more than 10 years ahead — 2 years after creation for a public AMI, whose deprecation
// can't be cancelled either until it is made private. Once the time has come, DescribeImages leaves the AMI out
// of other accounts' listings (images/describe.ts); copies do not inherit it (images/handlers.ts).
import type { Ec2Handlers } from "../api.generated";
import * as err from "../errors";
import { findOwnLiveImage, saveImage } from "./access";

const MINUTE = 60_000;

const yearsAfter = (ms: number, years: number) => {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
};

const iso = (ms: number) => new Date(ms).toISOString();

export const imageDeprecationHandlers: Pick<Ec2Handlers, "EnableImageDeprecation" | "DisableImageDeprecation"> = {
  EnableImageDeprecation(ctx, { ImageId, DeprecateAt }) {
    const rec = findOwnLiveImage(ctx, ImageId);
    const asked = DeprecateAt.getTime();
    if (asked < ctx.now) throw err.invalidValue(`The deprecation time ${iso(asked)} is in the past. Specify a future date and time.`);
    const at = Math.round(asked / MINUTE) * MINUTE;
    const limit = rec.public ? yearsAfter(rec.createdAt, 2) : yearsAfter(ctx.now, 10);
    if (at > limit) {
      throw err.invalidValue(
        rec.public
          ? `The deprecation time of a public AMI can be at most 2 years after its creation date (${iso(limit)}).`
          : `The deprecation time can be at most 10 years from now (${iso(limit)}).`,
      );
    }
    rec.deprecatesAt = at;
    saveImage(ctx, rec);
    return { Return: true };
  },

  DisableImageDeprecation(ctx, { ImageId }) {
    const rec = findOwnLiveImage(ctx, ImageId);
    if (rec.deprecatesAt === undefined) return { Return: true };
    if (rec.public) {
      throw err.operationNotPermitted(`The deprecation of the public image ${ImageId} can't be cancelled. Make the image private first.`);
    }
    rec.deprecatesAt = undefined;
    saveImage(ctx, rec);
    return { Return: true };
  },
};
