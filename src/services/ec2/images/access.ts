// Which AMIs an account can see: its own, those whose launch permission names it (an index record in its
// own partition), public ones (an index record per region), and the Amazon catalog. Deregistered AMIs stay
// visible to their owner until their schedule reaches GONE. The AMIs' collection is declared here, beside what
// its tagging check reads (the catalog among it, which builds records of the AMI's schema: records.ts).
import type { RequestContext } from "../../../gateway/context";
import { collection, inPartition } from "../../../state/collection";
import { endsIn, stateAt } from "../../../state/lifecycle";
import { catalogImage } from "../catalog/catalog";
import { retireToken } from "../client-tokens";
import * as err from "../errors";
import { fastLaunchSettings } from "../fast-launch/records";
import { taggable } from "../resource-types";
import { dropTags } from "../tags/records";
import { isDiscoverable } from "./allowed";
import { binEntry } from "../recycle-bin/records";
import {
  AMI_ID,
  amiReferences,
  amiSchema,
  GONE,
  partitionOf,
  publicImages,
  publicPartition,
  sharedImages,
  type AmiRecord,
} from "./records";

/** When a deregistered AMI is gone: at the end of its deregistration, or of its stay in the Recycle Bin. */
const goneAt = (r: AmiRecord) => r.recycleBin?.exitAt ?? endsIn(r.schedule, GONE);

/**
 * AMIs, in their owner's partition of their region; live until their schedule reaches GONE (deregistered, or an
 * import's AMI not yet completed). Indexed by name (`al2023-ami-*` is a prefix lookup), owner alias, and source
 * AMI (its copies, which an AMI's dashboard page draws). Once gone, an AMI goes with the records any account keeps
 * on it (fast launch settings, the tags of other accounts: deregistration removed the owner's) and, a day later,
 * the client token that made it.
 */
export const amis = collection<AmiRecord, string, "name" | "alias" | "source">({
  type: "ec2.image",
  schema: amiSchema,
  key: (r) => r.ImageId,
  partition: (r) => partitionOf(r.owner, r.region),
  live: (r, now) => r.recycleBin === undefined && stateAt(r.schedule, now) !== GONE,
  indexes: { name: (r) => r.Name, alias: (r) => r.alias, source: (r) => r.SourceImageId },
  expires: {
    goneAt,
    purge(scope, id, ami) {
      amis.delete(scope, id);
      fastLaunchSettings.delete(scope, id);
      // An AMI out of the Recycle Bin kept its owner's tags there; a deregistered one lost them at once.
      if (ami.recycleBin) dropTags(scope, id);
      for (const { account } of amiReferences.scan(scope, { within: [id] })) {
        const other = inPartition(scope, { account, region: scope.partition.region });
        fastLaunchSettings.delete(other, id);
        dropTags(other, id);
        amiReferences.delete(scope, [id, account]);
      }
      retireToken(scope, ami.clientToken, "ImageId", id, goneAt(ami)!);
    },
  },
  // Tags on a shared, public or Amazon AMI stay in the tagging account, which notes that it keeps them. The
  // owner's AMI in the Recycle Bin keeps its tags, which can still be changed.
  taggable: taggable(
    "image",
    (ctx, id) => binEntry(ctx, id) ?? findImage(ctx, id),
    (ctx, id) => {
      if (!binEntry(ctx, id)) noteReference(ctx, findImage(ctx, id));
    },
  ),
});

export function checkAmiId(id: string): void {
  if (!AMI_ID.test(id)) throw err.amiMalformed(id);
}

/** A stored AMI of `owner` in `region` that still exists. */
export function storedImage(ctx: RequestContext, owner: string, region: string, id: string): AmiRecord | undefined {
  return amis.get(inPartition(ctx, partitionOf(owner, region)), id);
}

/** The AMI with this id that the caller can see in `region`, if any. */
export function visibleImage(ctx: RequestContext, id: string, region = ctx.region): AmiRecord | undefined {
  const own = storedImage(ctx, ctx.accountId, region, id);
  if (own) return own;
  const shared = sharedImages.get(inPartition(ctx, partitionOf(ctx.accountId, region)), id);
  const viaShare = shared && storedImage(ctx, shared.owner, region, id);
  if (viaShare) return viaShare;
  const pub = publicImages.get(inPartition(ctx, publicPartition(region)), id);
  const viaPublic = pub && storedImage(ctx, pub.owner, region, id);
  if (viaPublic && viaPublic.public) return viaPublic;
  return catalogImage(ctx, region, id);
}

/**
 * A well-formed id of an AMI the caller can see and use, or the EC2 error for it: what the calls that act on an AMI
 * read. While the caller's Allowed AMIs setting is `enabled`, an AMI it does not allow is not there (allowed.ts).
 */
export function findImage(ctx: RequestContext, id: string, region = ctx.region): AmiRecord {
  checkAmiId(id);
  const rec = visibleImage(ctx, id, region);
  if (!rec || !isDiscoverable(ctx, rec)) throw err.amiNotFound([id]);
  return rec;
}

/** An AMI the caller owns: a visible one of another owner (public, shared, Amazon's) is AuthFailure. */
export function findOwnImage(ctx: RequestContext, id: string): AmiRecord {
  const rec = findImage(ctx, id);
  if (rec.owner !== ctx.accountId) throw err.notAuthorizedForImage(id);
  return rec;
}

/** An AMI the caller owns and that is not deregistered: what the AMI's own lifecycle operations act on. */
export function findOwnLiveImage(ctx: RequestContext, id: string): AmiRecord {
  const rec = findOwnImage(ctx, id);
  if (stateAt(rec.schedule, ctx.now) === "deregistered") throw err.amiUnavailable(`The image id '[${id}]' is no longer available`);
  return rec;
}

export const saveImage = (ctx: RequestContext, rec: AmiRecord): void => amis.put(ctx, rec);

/** The caller keeps records on another account's AMI (its tags, fast launch settings): indexed so that they go with it. */
export function noteReference(ctx: RequestContext, ami: AmiRecord): void {
  const owner = inPartition(ctx, partitionOf(ami.owner, ami.region));
  // Amazon's catalog is never stored, and never goes.
  if (ami.owner === ctx.accountId || !amis.getAny(owner, ami.ImageId)) return;
  amiReferences.set(owner, [ami.ImageId, ctx.accountId], { account: ctx.accountId });
}
