// What an AppStream image imported from an EC2 AMI keeps (CreateImportedImage, imported-images/handlers.ts), and what
// the other image handlers need of it: its use of the AMI, forgotten when it is deleted, and its app catalog.
import type { RequestContext } from "../../../gateway/context";
import { inPartition } from "../../../state/collection";
import { amiUses, partitionOf, type AmiUse } from "../../ec2/shared";
import type { Application } from "../api.generated";
import type { ImageRecord } from "../images/records";

/**
 * The AMI's uses (EC2's amiUses): one record per AppStream image imported from the AMI, in the AMI owner's
 * partition of its region, keyed (AMI, appstream-image, account, name) → ImageUse.
 */
export const IMAGE_USE_TYPE = amiUses.type;

export type ImageUse = AmiUse & { resourceType: "appstream-image" };

/** An image imported from an AMI: it has the source AMI, the AMI's owner (whose partition holds the use) and the role. */
export type ImportedImageRecord = ImageRecord & Required<Pick<ImageRecord, "SourceAmiId" | "SourceAmiOwner" | "IamRoleArn">>;

export const useKey = (rec: { SourceAmiId: string; owner: string; Name: string }): [string, string, string, string] => [
  rec.SourceAmiId,
  "appstream-image",
  rec.owner,
  rec.Name,
];

/** A deleted AppStream image no longer uses the AMI it was imported from. */
export function forgetImageUse(ctx: RequestContext, rec: ImageRecord): void {
  const imported = rec as Partial<ImportedImageRecord>;
  if (imported.SourceAmiId && imported.SourceAmiOwner) {
    amiUses.delete(inPartition(ctx, partitionOf(imported.SourceAmiOwner, rec.region)), useKey(imported as ImportedImageRecord));
  }
}

/** The applications an imported image's catalog names, as DescribeImages lists them. */
export function catalogApplications(rec: ImageRecord): Application[] {
  const config = (rec as Partial<ImportedImageRecord>).AppCatalogConfig ?? [];
  return config.map((a) => ({
    Name: a.Name,
    DisplayName: a.DisplayName ?? a.Name,
    LaunchPath: a.AbsoluteAppPath,
    LaunchParameters: a.LaunchParameters,
    WorkingDirectory: a.WorkingDirectory,
    Enabled: true,
    Platforms: [rec.Platform],
  }));
}
