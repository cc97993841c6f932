// License-included software on image builders (AssociateSoftwareToImageBuilder,
// DisassociateSoftwareFromImageBuilder, DescribeSoftwareAssociations, StartSoftwareDeploymentToImageBuilder in the
// AppStream API reference): Microsoft Office, Visio and Project, by the names the API reference lists. An
// association is staged on a RUNNING builder (STAGED_FOR_INSTALLATION, or STAGED_FOR_UNINSTALLATION for one
// installed and then disassociated); a deployment moves what is staged to PENDING_INSTALLATION → INSTALLED and
// PENDING_UNINSTALLATION → gone on imagelite's clock, or to FAILED_TO_INSTALL / FAILED_TO_UNINSTALL when a fault
// rule says so; RetryFailedDeployments deploys the failed ones again. An image made from the builder keeps what
// was INSTALLED, a builder made from that image starts with it, and its sessions count as license usage
// (DescribeAppLicenseUsage). CreateImageBuilder's SoftwaresToInstall and SoftwaresToUninstall apply while the new
// builder is PENDING.
import type { RequestContext } from "../../../gateway/context";
import { plan, stateAt } from "../../../state/lifecycle";
import { parseArn } from "../../../util/arn";
import type { AppStreamHandlers, SoftwareAssociations, SoftwareDeploymentStatus } from "../api.generated";
import * as err from "../errors";
import { GONE } from "../records";
import { collectionPage, pageSize } from "../paging";
import { getOwnImage } from "../images/handlers";
import { builderSoftware, builders, type BuilderRecord, type SoftwareRecord } from "./records";

const PRODUCTS = [
  "Office_2021_LTSC_Professional_Plus",
  "Office_2024_LTSC_Professional_Plus",
  "Visio_2021_LTSC_Professional",
  "Visio_2024_LTSC_Professional",
  "Project_2021_Professional",
  "Project_2024_Professional",
  "Office_2021_LTSC_Standard",
  "Office_2024_LTSC_Standard",
  "Visio_2021_LTSC_Standard",
  "Visio_2024_LTSC_Standard",
  "Project_2021_Standard",
  "Project_2024_Standard",
];

/** Every name AssociateSoftwareToImageBuilder accepts: each product in its 32-bit and 64-bit edition. */
export const LICENSE_INCLUDED_SOFTWARE: ReadonlySet<string> = new Set(
  PRODUCTS.flatMap((p) => [`Microsoft_${p}_32Bit`, `Microsoft_${p}_64Bit`]),
);

const LINUX_PLATFORMS = new Set(["AMAZON_LINUX2", "RHEL8", "ROCKY_LINUX8", "UBUNTU_PRO_2404"]);
const bitness = (name: string) => (name.endsWith("_32Bit") ? "32-bit" : "64-bit");
const PENDING = new Set(["PENDING_INSTALLATION", "PENDING_UNINSTALLATION"]);

const statusOf = (ctx: RequestContext, r: SoftwareRecord) => stateAt(r.schedule, ctx.now) as SoftwareDeploymentStatus;

function runningBuilder(ctx: RequestContext, name: string): BuilderRecord {
  const rec = builders.get(ctx, name);
  if (!rec) throw err.notFound(`Image builder ${name} does not exist.`);
  const state = stateAt(rec.schedule, ctx.now);
  if (state !== "RUNNING") {
    throw err.notPermitted(`The image builder ${name} is in the ${state} state. It must be RUNNING for this action to succeed.`);
  }
  return rec;
}

const associationsOf = (ctx: RequestContext, builder: string) => [...builderSoftware.scan(ctx, { within: [builder] })];

function checkNames(names: string[]): void {
  const unknown = names.filter((n) => !LICENSE_INCLUDED_SOFTWARE.has(n));
  if (unknown.length) {
    throw err.invalidCombination(
      `${unknown.join(", ")} ${unknown.length > 1 ? "are" : "is"} not license-included software AppStream offers.`,
    );
  }
}

/** A deployment in progress on the builder: nothing can be staged or deployed until it is over. */
function checkNoDeployment(ctx: RequestContext, builder: string, list = associationsOf(ctx, builder)): void {
  if (list.some((r) => PENDING.has(statusOf(ctx, r)))) {
    throw err.concurrentModification(`A software deployment to image builder ${builder} is in progress. Wait until it completes.`);
  }
}

function view(ctx: RequestContext, r: SoftwareRecord): SoftwareAssociations {
  const Status = statusOf(ctx, r);
  const failed = Status === "FAILED_TO_INSTALL" || Status === "FAILED_TO_UNINSTALL";
  return { SoftwareName: r.SoftwareName, Status, ...(failed && r.DeploymentError ? { DeploymentError: r.DeploymentError } : {}) };
}

/** What an image made from the builder now keeps: its INSTALLED software (CreateImage in the Image Assistant). */
export function installedSoftware(ctx: RequestContext, builder: string): string[] | undefined {
  const names = associationsOf(ctx, builder)
    .filter((r) => statusOf(ctx, r) === "INSTALLED")
    .map((r) => r.SoftwareName);
  return names.length ? names : undefined;
}

/**
 * CreateImageBuilder's SoftwaresToInstall and SoftwaresToUninstall ("during creation"): the builder starts with
 * the software installed on its image (an image made in a builder keeps it), less what is to be uninstalled, plus
 * what is to be installed; both are done while the builder is PENDING. Checked before the builder is stored.
 */
export function softwareAtCreation(
  ctx: RequestContext,
  image: { owner: string; name: string },
  platform: string,
  install: string[] = [],
  uninstall: string[] = [],
): (builder: string, pendingSeconds: number) => void {
  const inherited = image.owner === "" ? [] : (getOwnImage(ctx, image.name, image.owner)?.software ?? []);
  checkNames([...install, ...uninstall]);
  if (install.length && LINUX_PLATFORMS.has(platform)) {
    throw err.incompatibleImage(`The image ${image.name} runs ${platform}: license-included Microsoft software needs a Windows image.`);
  }
  const notInstalled = uninstall.filter((n) => !inherited.includes(n));
  if (notInstalled.length) throw err.invalidCombination(`${notInstalled.join(", ")} is not installed on the image ${image.name}.`);
  const both = install.filter((n) => uninstall.includes(n));
  if (both.length) throw err.invalidCombination(`${both.join(", ")} cannot be both installed and uninstalled.`);
  const kept = inherited.filter((n) => !uninstall.includes(n));
  if (new Set([...kept, ...install].map(bitness)).size > 1) {
    throw err.invalidCombination("32-bit and 64-bit editions of license-included software cannot be installed on the same image builder.");
  }
  return (builder, pendingSeconds) => {
    const put = (SoftwareName: string, schedule: SoftwareRecord["schedule"]) =>
      builderSoftware.put(ctx, { builder, SoftwareName, schedule });
    for (const n of kept) if (!install.includes(n)) put(n, plan(ctx.now, ["INSTALLED"]));
    for (const n of new Set(install)) {
      put(n, kept.includes(n) ? plan(ctx.now, ["INSTALLED"]) : plan(ctx.now, ["PENDING_INSTALLATION", pendingSeconds], ["INSTALLED"]));
    }
    for (const n of new Set(uninstall)) put(n, plan(ctx.now, ["PENDING_UNINSTALLATION", pendingSeconds], [GONE]));
  };
}

/** A deleted builder loses its associations. */
export function forgetSoftware(ctx: RequestContext, builder: string): void {
  for (const r of associationsOf(ctx, builder)) builderSoftware.delete(ctx, [builder, r.SoftwareName]);
}

export const softwareHandlers: Pick<
  AppStreamHandlers,
  | "AssociateSoftwareToImageBuilder"
  | "DisassociateSoftwareFromImageBuilder"
  | "DescribeSoftwareAssociations"
  | "StartSoftwareDeploymentToImageBuilder"
> = {
  AssociateSoftwareToImageBuilder(ctx, { ImageBuilderName, SoftwareNames }) {
    const builder = runningBuilder(ctx, ImageBuilderName);
    checkNames(SoftwareNames);
    if (LINUX_PLATFORMS.has(builder.Platform)) {
      throw err.incompatibleImage(
        `The image builder ${ImageBuilderName} runs ${builder.Platform}: license-included Microsoft software needs a Windows image.`,
      );
    }
    const existing = associationsOf(ctx, ImageBuilderName);
    checkNoDeployment(ctx, ImageBuilderName, existing);
    // Microsoft Office, Visio and Project of 32-bit and 64-bit editions cannot be installed side by side.
    const leaving = new Set(["STAGED_FOR_UNINSTALLATION", "PENDING_UNINSTALLATION"]);
    const kept = existing.filter((r) => !leaving.has(statusOf(ctx, r))).map((r) => r.SoftwareName);
    const editions = new Set([...kept, ...SoftwareNames].map(bitness));
    if (editions.size > 1) {
      throw err.invalidCombination(
        "32-bit and 64-bit editions of license-included software cannot be installed on the same image builder.",
      );
    }
    for (const name of new Set(SoftwareNames)) {
      const rec = builderSoftware.get(ctx, [ImageBuilderName, name]);
      const status = rec && statusOf(ctx, rec);
      if (rec && (status === "STAGED_FOR_UNINSTALLATION" || status === "FAILED_TO_UNINSTALL")) {
        // Associated again while still installed: it stays installed, and nothing is to be uninstalled.
        builderSoftware.put(ctx, { ...rec, schedule: plan(ctx.now, ["INSTALLED"]), DeploymentError: undefined });
      } else if (!rec) {
        builderSoftware.put(ctx, { builder: ImageBuilderName, SoftwareName: name, schedule: plan(ctx.now, ["STAGED_FOR_INSTALLATION"]) });
      }
    }
    return {};
  },

  DisassociateSoftwareFromImageBuilder(ctx, { ImageBuilderName, SoftwareNames }) {
    runningBuilder(ctx, ImageBuilderName);
    checkNames(SoftwareNames);
    checkNoDeployment(ctx, ImageBuilderName);
    const missing = SoftwareNames.filter((n) => !builderSoftware.get(ctx, [ImageBuilderName, n]));
    if (missing.length) throw err.invalidCombination(`${missing.join(", ")} is not associated with image builder ${ImageBuilderName}.`);
    for (const name of new Set(SoftwareNames)) {
      const rec = builderSoftware.get(ctx, [ImageBuilderName, name])!;
      const status = statusOf(ctx, rec);
      if (status === "STAGED_FOR_INSTALLATION" || status === "FAILED_TO_INSTALL") {
        // Never installed: the association simply goes.
        builderSoftware.delete(ctx, [ImageBuilderName, name]);
      } else if (status === "INSTALLED" || status === "FAILED_TO_UNINSTALL") {
        builderSoftware.put(ctx, { ...rec, schedule: plan(ctx.now, ["STAGED_FOR_UNINSTALLATION"]), DeploymentError: undefined });
      }
    }
    return {};
  },

  DescribeSoftwareAssociations(ctx, input) {
    const a = parseArn(input.AssociatedResource);
    const m =
      a &&
      a.service === "appstream" &&
      a.region === ctx.region &&
      a.account === ctx.accountId &&
      /^(image-builder|image)\/(.+)$/.exec(a.resource);
    if (!m) throw err.notFound(`The resource ${input.AssociatedResource} does not exist.`);
    const [, kind, name] = m;
    if (kind === "image") {
      const image = getOwnImage(ctx, name);
      if (!image) throw err.notFound(`The image ${name} for account ${ctx.accountId} does not exist.`);
      const list = (image.software ?? []).map((n): SoftwareAssociations => ({ SoftwareName: n, Status: "INSTALLED" }));
      return { AssociatedResource: input.AssociatedResource, SoftwareAssociations: list };
    }
    if (!builders.get(ctx, name)) throw err.notFound(`Image builder ${name} does not exist.`);
    const page = collectionPage(
      builderSoftware,
      ctx,
      { within: [name], limit: pageSize(input.MaxResults, 50) },
      `DescribeSoftwareAssociations ${name}`,
      input.NextToken,
    );
    return {
      AssociatedResource: input.AssociatedResource,
      SoftwareAssociations: page.items.map((r) => view(ctx, r)),
      NextToken: page.nextToken,
    };
  },

  StartSoftwareDeploymentToImageBuilder(ctx, { ImageBuilderName, RetryFailedDeployments }) {
    runningBuilder(ctx, ImageBuilderName);
    const list = associationsOf(ctx, ImageBuilderName);
    checkNoDeployment(ctx, ImageBuilderName, list);
    const seconds = ctx.timings.seconds("softwareDeploy");
    const reason = ctx.failure?.reason;
    for (const rec of list) {
      const status = statusOf(ctx, rec);
      let install: boolean;
      if (status === "STAGED_FOR_INSTALLATION" || (RetryFailedDeployments && status === "FAILED_TO_INSTALL")) install = true;
      else if (status === "STAGED_FOR_UNINSTALLATION" || (RetryFailedDeployments && status === "FAILED_TO_UNINSTALL")) install = false;
      else continue;
      const [pending, done, failed] = install
        ? ["PENDING_INSTALLATION", "INSTALLED", "FAILED_TO_INSTALL"]
        : ["PENDING_UNINSTALLATION", GONE, "FAILED_TO_UNINSTALL"];
      builderSoftware.put(ctx, {
        ...rec,
        schedule: plan(ctx.now, [pending, seconds], [ctx.failure ? failed : done]),
        DeploymentError: ctx.failure
          ? [
              {
                ErrorCode: install ? "SOFTWARE_INSTALLATION_FAILED" : "SOFTWARE_UNINSTALLATION_FAILED",
                ErrorMessage: reason ?? `${rec.SoftwareName} could not be ${install ? "installed" : "uninstalled"}.`,
              },
            ]
          : undefined,
      });
    }
    return {};
  },
};
