// What a seed file may give for EC2 (README, "Seed files"): AMIs, registered, shared and tagged through the
// operations a client would call, and public catalog entries.
import type { SeedStep } from "../../gateway/service";
import { isObject, SeedError, without } from "../../seed/seed-error";
import { publicImageEntry } from "./seeded-catalog";

export const ec2SeedLists: Record<string, SeedStep[]> = {
  // Catalog entries of the account they are listed under: served from every start's reading of the seed
  // file (seeded-catalog.ts), so that loading only checks them.
  publicImages: [{ phase: 0, label: "public catalog entry", apply: (_call, e) => void publicImageEntry("000000000000", e) }],
  amis: [
    {
      phase: 2,
      label: "RegisterImage",
      makes: true,
      apply(call, e) {
        const { ImageId } = call("RegisterImage", without(e, "LaunchPermissions", "Tags")) as { ImageId: string };
        const perms = e.LaunchPermissions ?? [];
        if (!Array.isArray(perms) || !perms.every((x) => typeof x === "string"))
          throw new SeedError('LaunchPermissions must be a list of account ids or "all"');
        if (perms.length) {
          call("ModifyImageAttribute", {
            ImageId,
            LaunchPermission: { Add: perms.map((x) => (x === "all" ? { Group: "all" } : { UserId: x })) },
          });
        }
        if (e.Tags !== undefined) {
          if (!isObject(e.Tags)) throw new SeedError("Tags must map keys to values");
          call("CreateTags", { Resources: [ImageId], Tags: Object.entries(e.Tags).map(([Key, Value]) => ({ Key, Value: String(Value) })) });
        }
      },
    },
  ],
};
