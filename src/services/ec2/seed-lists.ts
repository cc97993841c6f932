// What a seed file may give for EC2 (README, "Seed files"): AMIs, registered, shared and tagged through the
// operations a client would call, and public catalog entries.
import type { SeedStep } from "../../gateway/service";
import { isObject, SeedError, without } from "../../operator/seed/seed-error";
import { publicImageEntry } from "./catalog/seeded";

export const ec2SeedLists: Record<string, SeedStep[]> = {
  // Catalog entries of the account they are listed under: served from every start's reading of the seed
  // file (catalog/seeded.ts), so that loading only checks them.
  publicImages: [{ phase: 0, label: "public catalog entry", apply: (_call, e) => void publicImageEntry("000000000000", e) }],
  amis: [
    {
      phase: 2,
      label: "RegisterImage",
      makes: true,
      apply(call, e) {
        if (e.Tags !== undefined && !isObject(e.Tags)) throw new SeedError("Tags must map keys to values");
        // The tags go with the registration: one call, as RegisterImage's TagSpecifications.
        const tags = e.Tags ? Object.entries(e.Tags).map(([Key, Value]) => ({ Key, Value: String(Value) })) : [];
        const input = without(e, "LaunchPermissions", "Tags");
        if (tags.length)
          input.TagSpecifications = [...((input.TagSpecifications as unknown[]) ?? []), { ResourceType: "image", Tags: tags }];
        const { ImageId } = call("RegisterImage", input) as { ImageId: string };
        const perms = e.LaunchPermissions ?? [];
        if (!Array.isArray(perms) || !perms.every((x) => typeof x === "string"))
          throw new SeedError('LaunchPermissions must be a list of account ids or "all"');
        if (perms.length) {
          call("ModifyImageAttribute", {
            ImageId,
            LaunchPermission: { Add: perms.map((x) => (x === "all" ? { Group: "all" } : { UserId: x })) },
          });
        }
      },
    },
  ],
};
