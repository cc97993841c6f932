// What a seed file may give for AppStream (README, "Seed files"), each list made through the operations a
// client or the Image Assistant would call, in the seed's phases: builders, then the images made in them,
// then builder states and shares, then fleets (which may run a shared image), then fleet states.
import type { SeedStep } from "../../gateway/service";
import { SeedError, without } from "../../operator/seed/seed-error";

export const appstreamSeedLists: Record<string, SeedStep[]> = {
  imageBuilders: [
    { phase: 0, label: "CreateImageBuilder", makes: true, apply: (call, e) => call("CreateImageBuilder", without(e, "state")) },
    {
      // RUNNING by default, or STOPPED once it made an image, as the Image Assistant leaves it.
      phase: 2,
      label: "builder state",
      apply(call, e) {
        if (e.state === undefined) return;
        if (e.state !== "RUNNING" && e.state !== "STOPPED") throw new SeedError("state must be RUNNING or STOPPED");
        const { ImageBuilders } = call("DescribeImageBuilders", { Names: [e.Name] }) as { ImageBuilders: { State: string }[] };
        if (e.state === "STOPPED" && ImageBuilders[0].State === "RUNNING") call("StopImageBuilder", { Name: e.Name });
        if (e.state === "RUNNING" && ImageBuilders[0].State === "STOPPED") call("StartImageBuilder", { Name: e.Name });
      },
    },
  ],
  images: [{ phase: 1, label: "create image", makes: true, apply: (call, e) => call("CreateImage", e) }],
  imagePermissions: [{ phase: 2, label: "UpdateImagePermissions", makes: true, apply: (call, e) => call("UpdateImagePermissions", e) }],
  fleets: [
    { phase: 3, label: "CreateFleet", makes: true, apply: (call, e) => call("CreateFleet", without(e, "state")) },
    {
      phase: 4,
      label: "fleet state",
      apply(call, e) {
        if (e.state === "RUNNING") call("StartFleet", { Name: e.Name });
        else if (e.state !== undefined && e.state !== "STOPPED") throw new SeedError("state must be STOPPED or RUNNING");
      },
    },
  ],
};
