// What the AppStream console does without a public API: the Image Assistant's "create image" in a
// running builder. POST /_imagelite/appstream/image-builders/{name}/create-image?accountId=&region=
// It runs as AppStream's internal operation CreateImage (services/appstream/images/assistant.ts), through
// the same validation, fault rules, transaction and log line as a request.
import type { Route } from "./route";
import { json, parseJsonBody } from "./json";
import { adminCaller } from "./context";
import type { Image } from "../../services/appstream/api.generated";

export const appstreamRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/_imagelite\/appstream\/image-builders\/([^/]+)\/create-image$/,
    handle(app, req, m) {
      const image = app.gateway.invoke("appstream", "CreateImage", adminCaller(req), {
        ...parseJsonBody(req.body),
        Builder: m[1],
      }) as Image;
      return json(200, {
        Image: {
          ...image,
          CreatedTime: image.CreatedTime?.toISOString(),
          PublicBaseImageReleasedDate: image.PublicBaseImageReleasedDate?.toISOString(),
        },
      });
    },
  },
];
