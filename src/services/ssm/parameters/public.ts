// Amazon's public parameters for the latest AMIs ("Calling AMI public parameters in Parameter Store",
// "Query for the latest Amazon Linux AMI IDs using AWS Systems Manager Parameter Store", "Query for the
// Latest Windows AMI Using Systems Manager Parameter Store"): readable by every account in every region,
// never stored. Each names the newest AMI of Amazon's catalog in the region whose name matches its pattern,
// so that new catalog releases move the parameters with them; each release that matched was a version.
//
// The ECS-optimized Windows parameters ("Retrieving Amazon ECS-optimized Windows AMI metadata",
// AmazonECS/latest/developerguide/retrieve-ecs-optimized_windows_AMI.html) hold a JSON document
// (schema_version, image_name, image_id, os, ecs_runtime_version, ecs_agent_version) rather than an id, and
// each field of it is a parameter of its own one level below (`.../Windows_Server-2022-English-Full-ECS_Optimized/image_id`).
// The older `/aws/service/ecs/optimized-ami/windows_server/...` names are deprecated there and not served.
//
// The ECS-optimized Linux parameters ("Retrieving Amazon ECS-optimized Linux AMI metadata",
// AmazonECS/latest/developerguide/retrieve-ecs-optimized_AMI.html) are alike: `/aws/service/ecs/optimized-ami/
// <amazon-linux-2023|amazon-linux-2>[/arm64|/gpu]/recommended` holds the document (its keys in alphabetical order,
// as AWS writes them) and each field is a parameter below it. The EKS-optimized ones ("Retrieve recommended Amazon
// Linux AMI IDs", eks/latest/userguide/retrieve-ami-id.html) are `/aws/service/eks/optimized-ami/<k8s>/<ami-type>/
// recommended/<image_id|image_name|release_version>`; Bottlerocket's ("Retrieve recommended Bottlerocket AMI IDs")
// `/aws/service/bottlerocket/aws-k8s-<k8s>/<x86_64|arm64>/latest/<image_id|image_version>`.
import type { RequestContext } from "../../../gateway/context";
import {
  amazonCatalog,
  bottlerocketPattern,
  bottlerocketVersion,
  ECS_LINUX_VARIANTS,
  ECS_WINDOWS_VARIANTS,
  ecsLinuxMetadata,
  ecsLinuxPattern,
  ecsWindowsRuntime,
  EKS_VARIANTS,
  eksHasAl2,
  eksPattern,
  eksReleaseVersion,
  K8S_VERSIONS,
  SQL_IMAGES,
  TPM_WINDOWS_VERSIONS,
  type AmiRecord,
} from "../../ec2/shared";
import { arn } from "../../../util/arn";

interface PublicDefinition {
  name: string;
  pattern: RegExp;
  /** The value while `ami` is the newest match: its id unless said otherwise. */
  value?: (ami: AmiRecord) => string;
}

const LINUX = "/aws/service/ami-amazon-linux-latest";
const WINDOWS = "/aws/service/ami-windows-latest";

/** `al2023-ami[-minimal]-kernel-<default|6.1|6.12|6.18>-<arch>`: the default kernel is 6.1. */
const al2023 = (minimal: boolean, kernel: string, arch: string): PublicDefinition => ({
  name: `${LINUX}/al2023-ami-${minimal ? "minimal-" : ""}kernel-${kernel}-${arch}`,
  pattern: new RegExp(
    `^al2023-ami-${minimal ? "minimal-" : ""}2023\\.[0-9.]+-kernel-${(kernel === "default" ? "6.1" : kernel).replace(".", "\\.")}-${arch}$`,
  ),
});
/** `amzn2-ami[-minimal][-kernel-5.10]-hvm-<arch>-<gp2|ebs>`. */
const al2 = (minimal: boolean, kernel510: boolean, arch: string, volume: string): PublicDefinition => {
  const family = `amzn2-ami-${minimal ? "minimal-" : ""}${kernel510 ? "kernel-5.10-" : ""}hvm`;
  return {
    name: `${LINUX}/${family}-${arch}-${volume}`,
    pattern: new RegExp(`^${family.replace(".", "\\.")}-2\\.0\\.[0-9.]+-${arch}-${volume}$`),
  };
};
const windows = (base: string): PublicDefinition => ({
  name: `${WINDOWS}/${base}`,
  pattern: new RegExp(`^${base}-[0-9]{4}\\.[0-9]{2}\\.[0-9]{2}$`),
});

/** The metadata document of an ECS-optimized AMI, its fields in the order AWS writes them. */
function ecsDocument(ami: AmiRecord): Record<string, string | number> {
  const runtime = ecsWindowsRuntime(ami.Name ?? "");
  return {
    schema_version: 1,
    image_name: ami.Name ?? "",
    image_id: ami.ImageId,
    os: runtime?.os ?? "",
    ecs_runtime_version: runtime?.runtime ?? "",
    ecs_agent_version: runtime?.agent ?? "",
  };
}

/** The document parameter and one parameter per field of it. */
function ecsWindows(version: string, edition: string): PublicDefinition[] {
  const base = windows(`Windows_Server-${version}-English-${edition}-ECS_Optimized`);
  const fields = Object.keys(ecsDocument({ ImageId: "", Name: "" } as AmiRecord));
  return [
    { ...base, value: (ami) => JSON.stringify(ecsDocument(ami)) },
    ...fields.map((field) => ({ ...base, name: `${base.name}/${field}`, value: (ami: AmiRecord) => String(ecsDocument(ami)[field]) })),
  ];
}

/** The metadata document of an ECS-optimized Linux AMI. */
function ecsLinuxDocument(ami: AmiRecord): Record<string, string | number> {
  const m = ecsLinuxMetadata(ami.Name ?? "");
  return {
    ecs_agent_version: m?.agent ?? "",
    ecs_runtime_version: m?.runtime ?? "",
    image_id: ami.ImageId,
    image_name: ami.Name ?? "",
    image_version: m?.imageVersion ?? "",
    os: m?.os ?? "",
    schema_version: 1,
    source_image_name: m?.sourceImageName ?? "",
  };
}

/** A document parameter at `name` and one parameter per field of it below. */
function documentAndFields(name: string, pattern: RegExp, doc: (ami: AmiRecord) => Record<string, string | number>): PublicDefinition[] {
  const fields = Object.keys(doc({ ImageId: "", Name: "" } as AmiRecord));
  return [
    { name, pattern, value: (ami) => JSON.stringify(doc(ami)) },
    ...fields.map((field) => ({ name: `${name}/${field}`, pattern, value: (ami: AmiRecord) => String(doc(ami)[field]) })),
  ];
}

const ECS_LINUX = "/aws/service/ecs/optimized-ami";
const EKS = "/aws/service/eks/optimized-ami";
const BOTTLEROCKET = "/aws/service/bottlerocket";

/** The EKS-optimized parameters of one AMI type and Kubernetes version. */
function eks(k8s: string, v: (typeof EKS_VARIANTS)[number]): PublicDefinition[] {
  const base = `${EKS}/${k8s}/${v.path}/recommended`;
  const pattern = eksPattern(v, k8s);
  return [
    { name: `${base}/image_id`, pattern },
    { name: `${base}/image_name`, pattern, value: (ami) => ami.Name ?? "" },
    { name: `${base}/release_version`, pattern, value: (ami) => eksReleaseVersion(ami.Name ?? "") ?? "" },
  ];
}

const ARCHES = ["x86_64", "arm64"];

/**
 * Every name under /aws/service/ami-amazon-linux-latest/, /aws/service/ami-windows-latest/, /aws/service/ecs/,
 * /aws/service/eks/ and /aws/service/bottlerocket/ whose images the catalog holds; a name with no image in the served
 * catalog (a --catalog choice, say) is not served.
 */
export const PUBLIC_PARAMETERS: readonly PublicDefinition[] = [
  ...["default", "6.1", "6.12", "6.18"].flatMap((kernel) =>
    [false, true].flatMap((minimal) => ARCHES.map((a) => al2023(minimal, kernel, a))),
  ),
  ...ARCHES.flatMap((a) => [al2(false, false, a, "gp2"), al2(false, true, a, "gp2"), al2(true, true, a, "gp2")]),
  al2(true, false, "x86_64", "ebs"),
  ...Object.entries(SQL_IMAGES).flatMap(([v, sql]) => [
    windows(`Windows_Server-${v}-English-Full-Base`),
    windows(`Windows_Server-${v}-English-Core-Base`),
    ...sql.map((s) => windows(`Windows_Server-${v}-English-Full-SQL_${s}`)),
  ]),
  ...TPM_WINDOWS_VERSIONS.flatMap((v) => ["Full", "Core"].map((e) => windows(`TPM-Windows_Server-${v}-English-${e}-Base`))),
  ...ECS_WINDOWS_VARIANTS.flatMap((v) => ecsWindows(v.version, v.edition)),
  ...ECS_LINUX_VARIANTS.flatMap((v) => documentAndFields(`${ECS_LINUX}/${v.path}/recommended`, ecsLinuxPattern(v), ecsLinuxDocument)),
  ...K8S_VERSIONS.flatMap((k8s) => EKS_VARIANTS.filter((v) => v.al2023 || eksHasAl2(k8s)).flatMap((v) => eks(k8s, v))),
  ...K8S_VERSIONS.flatMap((k8s) =>
    ARCHES.flatMap((arch): PublicDefinition[] => {
      const base = `${BOTTLEROCKET}/aws-k8s-${k8s}/${arch}/latest`;
      const pattern = bottlerocketPattern(k8s, arch);
      return [
        { name: `${base}/image_id`, pattern },
        { name: `${base}/image_version`, pattern, value: (ami) => bottlerocketVersion(ami.Name ?? "") },
      ];
    }),
  ),
];

export interface PublicVersion {
  Version: number;
  Value: string;
  /** When the release it names came out. */
  modifiedAt: number;
}

export interface PublicParameter {
  Name: string;
  /** One per catalog release that was the newest match in its time, oldest first; the last is current. */
  versions: PublicVersion[];
  ARN: string;
}

export const currentVersion = (p: PublicParameter): PublicVersion => p.versions[p.versions.length - 1];

/** Per region catalog of a server (its `--catalog` choice and seeded entries decide what it holds). */
const cache = new WeakMap<object, PublicParameter[]>();

/** The region's public parameters that name an AMI, sorted by name. */
export function publicParameters(ctx: RequestContext, region = ctx.region): PublicParameter[] {
  const served = amazonCatalog(ctx, region);
  let list = cache.get(served);
  if (!list) {
    const amis = served.list;
    list = PUBLIC_PARAMETERS.flatMap((d) => {
      const matches = amis
        .filter((a) => d.pattern.test(a.Name ?? ""))
        .sort((a, b) => a.createdAt - b.createdAt || (a.ImageId < b.ImageId ? -1 : 1));
      if (!matches.length) return [];
      const value = d.value ?? ((a: AmiRecord) => a.ImageId);
      // Public parameters are Amazon's: their ARN has no account ("arn:aws:ssm:us-east-1::parameter/aws/service/...",
      // "arn:aws-cn:ssm:cn-north-1::parameter/aws/service/..." in China).
      return [
        {
          Name: d.name,
          versions: matches.map((a, i) => ({ Version: i + 1, Value: value(a), modifiedAt: a.createdAt })),
          ARN: arn("ssm", region, "", `parameter${d.name}`),
        },
      ];
    }).sort((a, b) => (a.Name < b.Name ? -1 : 1));
    cache.set(served, list);
  }
  return list;
}

export const publicParameter = (ctx: RequestContext, name: string): PublicParameter | undefined =>
  publicParameters(ctx).find((p) => p.Name === name);
