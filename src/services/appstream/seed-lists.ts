// What a seed file may give for AppStream (README, "Seed files"), each list made through the operations a
// client or the Image Assistant would call, in the seed's phases: builders and app blocks, then the images made
// in the builders, the applications of the app blocks and the app block builders with their app block, then
// builder states and shares, then fleets (which may run a shared image), then fleet states and the Elastic
// fleets' applications.
import type { SeedStep } from "../../gateway/service";
import { SeedError, without } from "../../operator/seed/seed-error";

/** The ARN of an application of the account and region of its app block's ARN. */
const applicationArnBeside = (appBlockArn: string, name: string) => appBlockArn.replace(/:app-block\/.*$/, `:application/${name}`);

/** The entry's list of names under `member`, checked. */
function names(e: Record<string, unknown>, member: string): string[] {
  const v = e[member] ?? [];
  if (!Array.isArray(v) || v.some((n) => typeof n !== "string")) throw new SeedError(`${member} must be a list of names`);
  return v as string[];
}

type SeedCall = (operation: string, input: Record<string, unknown>) => unknown;

/** The entry with the default VPC's subnets and group when it names no VpcConfig (fleets/network.ts). */
function inDefaultNetwork(call: SeedCall, e: Record<string, unknown>): Record<string, unknown> {
  if (e.VpcConfig !== undefined) return e;
  return { ...e, ...(call("DefaultVpcConfig", {}) as { VpcConfig: unknown }) };
}

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
  appBlocks: [{ phase: 0, label: "CreateAppBlock", makes: true, apply: (call, e) => call("CreateAppBlock", e) }],
  applications: [
    { phase: 1, label: "CreateApplication", makes: true, apply: (call, e) => call("CreateApplication", without(e, "Fleets")) },
    {
      // The Elastic fleets (by name) whose users can launch it.
      phase: 4,
      label: "AssociateApplicationFleet",
      apply(call, e) {
        const fleets = names(e, "Fleets");
        if (!fleets.length) return;
        const arn = e.AppBlockArn === undefined ? undefined : applicationArnBeside(String(e.AppBlockArn), String(e.Name));
        for (const FleetName of fleets) call("AssociateApplicationFleet", { FleetName, ApplicationArn: arn });
      },
    },
  ],
  appBlockBuilders: [
    {
      phase: 1,
      label: "CreateAppBlockBuilder",
      makes: true,
      apply(call, e) {
        call("CreateAppBlockBuilder", inDefaultNetwork(call, without(e, "AppBlockArn", "state", "packaged")));
        if (e.AppBlockArn !== undefined)
          call("AssociateAppBlockBuilderAppBlock", { AppBlockBuilderName: e.Name, AppBlockArn: e.AppBlockArn });
      },
    },
    {
      // STOPPED as created, or RUNNING with its app block.
      phase: 2,
      label: "app block builder state",
      apply(call, e) {
        if (e.state === undefined || e.state === "STOPPED") return;
        if (e.state !== "RUNNING") throw new SeedError("state must be STOPPED or RUNNING");
        call("StartAppBlockBuilder", { Name: e.Name });
      },
    },
    {
      // packaged: true, in a RUNNING builder: its app block gets its application package and is ACTIVE.
      phase: 3,
      label: "finish packaging",
      apply(call, e) {
        if (e.packaged === undefined || e.packaged === false) return;
        if (e.packaged !== true) throw new SeedError("packaged must be true or false");
        call("FinishAppBlockPackaging", { Builder: e.Name });
      },
    },
  ],
  images: [{ phase: 1, label: "create image", makes: true, apply: (call, e) => call("CreateImage", e) }],
  imagePermissions: [{ phase: 2, label: "UpdateImagePermissions", makes: true, apply: (call, e) => call("UpdateImagePermissions", e) }],
  fleets: [
    {
      phase: 3,
      label: "CreateFleet",
      makes: true,
      // An Elastic fleet needs subnets in two zones: the default VPC's when the entry names none.
      apply: (call, e) =>
        call("CreateFleet", e.FleetType === "ELASTIC" ? inDefaultNetwork(call, without(e, "state")) : without(e, "state")),
    },
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
