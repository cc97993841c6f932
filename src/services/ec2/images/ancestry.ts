// GetImageAncestry ("Use AMI ancestry to trace the origin of an AMI", EC2 User Guide, ami-ancestry.html): the AMI,
// then its source (parent) AMI, the parent's parent and so on, each entry with its id, creation date, owner alias
// and the id and Region of its own source. A copy's source is the AMI copied (CopyImage, within or across Regions);
// an AMI created from an instance has as source the AMI the instance was launched from (CreateImage); an AMI
// registered from snapshots has none. The list ends at the root: a public AMI of a verified provider (alias `amazon`
// or `aws-marketplace`), an AMI with no recorded source, or the 50th entry. The source's id and Region stay on an
// AMI when its source is deregistered or the caller cannot see it; the walk goes on through sources the caller cannot
// see, and stops at one that is gone (its entry names it as source, and no entry follows).
import type { RequestContext } from "../../../gateway/context";
import type { Ec2Handlers, ImageAncestryEntry } from "../api.generated";
import { catalogImage } from "../catalog/catalog";
import { findImage, storedImage } from "./access";
import type { AmiRecord } from "./records";

/** "Each ancestry list is limited to 50 AMIs." */
const MAX_ENTRIES = 50;
const VERIFIED_PROVIDERS = new Set(["amazon", "aws-marketplace"]);

/** The source of an AMI, wherever it is kept: a stored AMI of its owner (deregistered ones until they are gone), or the catalog. */
function sourceOf(ctx: RequestContext, r: AmiRecord): AmiRecord | undefined {
  if (!r.SourceImageId || !r.SourceImageRegion) return undefined;
  const stored = r.sourceOwner ? storedImage(ctx, r.sourceOwner, r.SourceImageRegion, r.SourceImageId) : undefined;
  return stored ?? catalogImage(ctx, r.SourceImageRegion, r.SourceImageId);
}

export const imageAncestryHandlers: Pick<Ec2Handlers, "GetImageAncestry"> = {
  GetImageAncestry(ctx, { ImageId }) {
    const entries: ImageAncestryEntry[] = [];
    for (let r: AmiRecord | undefined = findImage(ctx, ImageId); r && entries.length < MAX_ENTRIES; r = sourceOf(ctx, r)) {
      entries.push({
        CreationDate: new Date(r.createdAt),
        ImageId: r.ImageId,
        ImageOwnerAlias: r.alias,
        SourceImageId: r.SourceImageId,
        SourceImageRegion: r.SourceImageRegion,
      });
      if (r.alias !== undefined && VERIFIED_PROVIDERS.has(r.alias) && r.public) break;
    }
    return { ImageAncestryEntries: entries };
  },
};
