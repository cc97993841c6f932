// What the AppStream console does without a public API: the Image Assistant's "create image" in a
// running builder. POST /_imagelite/appstream/image-builders/{name}/create-image?accountId=&region=
import type { Route } from "./router";
import { AdminError, json, parseJsonBody } from "./json";
import { createImageFromBuilder } from "../services/appstream/image-builders";
import { adminContext } from "./context";

export const appstreamRoutes: Route[] = [
  {
    method: "POST", pattern: /^\/_imagelite\/appstream\/image-builders\/([^/]+)\/create-image$/,
    handle(app, req, m) {
      const body = parseJsonBody(req.body);
      const { ImageName, DisplayName, Description, Tags } = body;
      if (typeof ImageName !== "string" || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$/.test(ImageName)) {
        throw new AdminError(400, "ValidationException", "ImageName is required and must match ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$.");
      }
      for (const [k, v, max] of [["DisplayName", DisplayName, 100], ["Description", Description, 256]] as const) {
        if (v !== undefined && (typeof v !== "string" || v.length > max)) throw new AdminError(400, "ValidationException", `${k} must be a string of at most ${max} characters.`);
      }
      if (Tags !== undefined && (typeof Tags !== "object" || Tags === null || Array.isArray(Tags) ||
          Object.values(Tags).some((v) => typeof v !== "string") || Object.keys(Tags).length > 50)) {
        throw new AdminError(400, "ValidationException", "Tags must be an object of at most 50 string values.");
      }
      const ctx = adminContext(app, req, "CreateImage");
      const fault = app.faults.match("appstream", "CreateImage", ctx.accountId, ctx.region, { ImageName, Builder: m[1] });
      if (fault?.error) throw new AdminError(fault.error.status, fault.error.code, fault.error.message);
      ctx.failure = fault?.lifecycle;
      const image = app.store.transaction(() => createImageFromBuilder(ctx, m[1], {
        ImageName, DisplayName: DisplayName as string | undefined, Description: Description as string | undefined,
        Tags: Tags as Record<string, string> | undefined,
      }));
      return json(200, { Image: { ...image, CreatedTime: image.CreatedTime?.toISOString(), PublicBaseImageReleasedDate: image.PublicBaseImageReleasedDate?.toISOString() } });
    },
  },
];
