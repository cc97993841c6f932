// The container-optimized AMIs Amazon publishes, as data, with the metadata their public parameters carry.
// Sources: "Amazon ECS-optimized Linux AMIs" and "Retrieving Amazon ECS-optimized Linux AMI metadata"
// (al2023-ami-ecs[-gpu]-hvm-2023.0.<YYYYMMDD>-kernel-6.1-<arch>, amzn2-ami-ecs[-gpu]-hvm-2.0.<YYYYMMDD>-<arch>-ebs,
// owner 591542846629, each release with its container agent, Docker and the minimal AMI it was built from);
// "Retrieve recommended Amazon Linux AMI IDs" for Amazon EKS (amazon-eks-node-al2023-<arch>-<standard|nvidia>-
// <k8s>-v<YYYYMMDD>, amazon-eks[-arm64|-gpu]-node-<k8s>-v<YYYYMMDD>, owner 602401143452; no Amazon Linux 2 AMI
// from Kubernetes 1.33 on); "Retrieve recommended Bottlerocket AMI IDs" (bottlerocket-aws-k8s-<k8s>-<x86_64|
// aarch64>-v<version>-<commit>, owner 092701018921). All owner alias `amazon`, deprecated two years after release.
import type { CatalogEntry } from "./entry";

export const ECS_OWNER = "591542846629";
export const EKS_OWNER = "602401143452";
export const BOTTLEROCKET_OWNER = "092701018921";

const day = (yyyymmdd: string) => Date.parse(`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}T00:00:00Z`);

function linux(
  name: string,
  owner: string,
  description: string,
  arch: string,
  released: string,
  volumeSize: number,
  volumeType: string,
  al2023: boolean,
): CatalogEntry {
  return {
    name,
    owner,
    alias: "amazon",
    description,
    arch,
    windows: false,
    platformDetails: "Linux/UNIX",
    usageOperation: "RunInstances",
    released: day(released),
    volumeSize,
    volumeType,
    bootMode: arch === "arm64" ? "uefi" : al2023 ? "uefi-preferred" : undefined,
    imdsSupport: al2023 ? "v2.0" : undefined,
    freeTier: false,
    deprecates: true,
  };
}

// --- Amazon ECS-optimized Amazon Linux 2023 and Amazon Linux 2: standard, arm64 and GPU.

export interface EcsLinuxVariant {
  /** Where its parameters live: /aws/service/ecs/optimized-ami/<path>/recommended. */
  path: string;
  os: "Amazon Linux 2023" | "Amazon Linux 2";
  arch: "x86_64" | "arm64";
  gpu: boolean;
}

export const ECS_LINUX_VARIANTS: readonly EcsLinuxVariant[] = (["amazon-linux-2023", "amazon-linux-2"] as const).flatMap((family) => {
  const os = family === "amazon-linux-2023" ? "Amazon Linux 2023" : "Amazon Linux 2";
  return [
    { path: family, os, arch: "x86_64", gpu: false },
    { path: `${family}/arm64`, os, arch: "arm64", gpu: false },
    { path: `${family}/gpu`, os, arch: "x86_64", gpu: true },
  ] as EcsLinuxVariant[];
});

/** Releases, oldest first: day, container agent, Docker, and the Amazon Linux 2023 / 2 minimal releases they start from. */
const ECS_LINUX_RELEASES: readonly [string, string, string, string, string][] = [
  ["20260819", "1.109.1", "25.0.8", "12.20260817.0", "20260727.0"],
  ["20261022", "1.111.0", "25.0.8", "12.20261020.0", "20261020.0"],
  ["20261112", "1.112.0", "25.0.13", "12.20261110.0", "20261110.0"],
];

const ecsImageVersion = (v: EcsLinuxVariant, date: string) => (v.os === "Amazon Linux 2023" ? `2023.0.${date}` : `2.0.${date}`);

export function ecsLinuxName(v: EcsLinuxVariant, date: string): string {
  const kind = v.gpu ? "ecs-gpu" : "ecs";
  return v.os === "Amazon Linux 2023"
    ? `al2023-ami-${kind}-hvm-${ecsImageVersion(v, date)}-kernel-6.1-${v.arch}`
    : `amzn2-ami-${kind}-hvm-${ecsImageVersion(v, date)}-${v.arch}-ebs`;
}

/** A name pattern matching every release of the variant. */
export function ecsLinuxPattern(v: EcsLinuxVariant): RegExp {
  const kind = v.gpu ? "ecs-gpu" : "ecs";
  return v.os === "Amazon Linux 2023"
    ? new RegExp(`^al2023-ami-${kind}-hvm-2023\\.0\\.[0-9]{8}-kernel-6\\.1-${v.arch}$`)
    : new RegExp(`^amzn2-ami-${kind}-hvm-2\\.0\\.[0-9]{8}-${v.arch}-ebs$`);
}

const ECS_RELEASE_BY_DAY = new Map(ECS_LINUX_RELEASES.map((r) => [r[0], r]));

/** The metadata of an ECS-optimized Linux AMI of that name, or undefined for another AMI. */
export function ecsLinuxMetadata(
  name: string,
): { agent: string; runtime: string; os: string; imageVersion: string; sourceImageName: string } | undefined {
  const m =
    /^(?:al2023-ami-ecs(?:-gpu)?-hvm-(2023)\.0\.([0-9]{8})-kernel-6\.1-(x86_64|arm64)|amzn2-ami-ecs(?:-gpu)?-hvm-(2)\.0\.([0-9]{8})-(x86_64|arm64)-ebs)$/.exec(
      name,
    );
  const date = m && (m[2] ?? m[5]);
  const release = date ? ECS_RELEASE_BY_DAY.get(date) : undefined;
  if (!m || !release) return undefined;
  const al2023 = m[1] !== undefined;
  const arch = m[3] ?? m[6];
  return {
    agent: release[1],
    runtime: `Docker version ${release[2]}`,
    os: al2023 ? "Amazon Linux 2023" : "Amazon Linux 2",
    imageVersion: al2023 ? `2023.0.${date}` : `2.0.${date}`,
    sourceImageName: al2023
      ? `al2023-ami-minimal-2023.${release[3]}-kernel-6.1-${arch}`
      : `amzn2-ami-minimal-hvm-2.0.${release[4]}-${arch}-ebs`,
  };
}

function ecsLinux(v: EcsLinuxVariant, date: string): CatalogEntry {
  const al2023 = v.os === "Amazon Linux 2023";
  const version = ecsImageVersion(v, date);
  return linux(
    ecsLinuxName(v, date),
    ECS_OWNER,
    `Amazon Linux AMI ${version} ${v.arch} ECS${v.gpu ? " GPU" : ""} HVM ${al2023 ? "EBS" : "GP2"}`,
    v.arch,
    date,
    30,
    al2023 ? "gp3" : "gp2",
    al2023,
  );
}

// --- Amazon EKS-optimized Amazon Linux 2023 and Amazon Linux 2 nodes, per Kubernetes version.

/** Kubernetes versions with their patch release in the AMIs of each release day. */
export const EKS_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  "1.30": ["1.30.14", "1.30.14", "1.30.14"],
  "1.31": ["1.31.11", "1.31.13", "1.31.13"],
  "1.32": ["1.32.7", "1.32.9", "1.32.10"],
  "1.33": ["1.33.3", "1.33.5", "1.33.6"],
};
const EKS_RELEASES = ["20260826", "20261014", "20261111"];
/** Amazon EKS publishes no Amazon Linux 2 AMI from Kubernetes 1.33 on. */
export const eksHasAl2 = (k8s: string): boolean => Number(k8s.split(".")[1]) < 33;

export interface EksVariant {
  /** Where its parameters live: /aws/service/eks/optimized-ami/<k8s>/<path>/recommended. */
  path: string;
  arch: "x86_64" | "arm64";
  al2023: boolean;
  /** The name of the release of `date`. */
  name: (k8s: string, date: string) => string;
}

export const EKS_VARIANTS: readonly EksVariant[] = [
  ...(["x86_64/standard", "arm64/standard", "x86_64/nvidia"] as const).map((flavour) => {
    const [arch, kind] = flavour.split("/") as ["x86_64" | "arm64", string];
    return {
      path: `amazon-linux-2023/${flavour}`,
      arch,
      al2023: true,
      name: (k8s: string, date: string) => `amazon-eks-node-al2023-${arch}-${kind}-${k8s}-v${date}`,
    };
  }),
  { path: "amazon-linux-2", arch: "x86_64", al2023: false, name: (k8s, date) => `amazon-eks-node-${k8s}-v${date}` },
  { path: "amazon-linux-2-arm64", arch: "arm64", al2023: false, name: (k8s, date) => `amazon-eks-arm64-node-${k8s}-v${date}` },
  { path: "amazon-linux-2-gpu", arch: "x86_64", al2023: false, name: (k8s, date) => `amazon-eks-gpu-node-${k8s}-v${date}` },
];

/** A name pattern matching every release of the variant for that Kubernetes version. */
export const eksPattern = (v: EksVariant, k8s: string): RegExp =>
  new RegExp(`^${v.name(k8s, "DATE").replace(/\./g, "\\.").replace("DATE", "[0-9]{8}")}$`);

/** The release version of an EKS-optimized AMI's name (`<k8s patch>-<YYYYMMDD>`), or undefined for another AMI. */
export function eksReleaseVersion(name: string): string | undefined {
  const m = /-(1\.[0-9]+)-v([0-9]{8})$/.exec(name);
  const i = m ? EKS_RELEASES.indexOf(m[2]) : -1;
  const patch = m && i >= 0 ? EKS_VERSIONS[m[1]]?.[i] : undefined;
  return patch && m ? `${patch}-${m[2]}` : undefined;
}

function eks(v: EksVariant, k8s: string, i: number): CatalogEntry {
  const date = EKS_RELEASES[i];
  const patch = EKS_VERSIONS[k8s][i];
  return linux(
    v.name(k8s, date),
    EKS_OWNER,
    v.al2023
      ? `EKS-optimized Kubernetes node based on Amazon Linux 2023, (k8s: ${patch}, containerd: 1.7.*)`
      : `EKS Kubernetes Worker AMI with AmazonLinux2 image, (k8s: ${patch}, containerd: 1.7.*)`,
    v.arch,
    date,
    20,
    v.al2023 ? "gp3" : "gp2",
    v.al2023,
  );
}

// --- Bottlerocket for Amazon EKS, per Kubernetes version.

/** Releases, oldest first: day, version and build commit. */
const BOTTLEROCKET_RELEASES: readonly [string, string, string][] = [
  ["20260903", "1.46.0", "8f0c32a1"],
  ["20261009", "1.48.0", "2b71d9e4"],
  ["20261105", "1.49.1", "c05e6f17"],
];

/** Bottlerocket names its arm64 images `aarch64`; its parameters say `arm64`. */
const bottlerocketArch = (arch: string) => (arch === "arm64" ? "aarch64" : arch);

export const bottlerocketPattern = (k8s: string, arch: string): RegExp =>
  new RegExp(`^bottlerocket-aws-k8s-${k8s.replace(".", "\\.")}-${bottlerocketArch(arch)}-v[0-9.]+-[0-9a-f]{8}$`);

/** `<version>-<commit>` of a Bottlerocket AMI's name, as its image_version parameter holds it. */
export const bottlerocketVersion = (name: string): string => /-v([0-9.]+-[0-9a-f]{8})$/.exec(name)?.[1] ?? "";

function bottlerocket(k8s: string, arch: string, [date, version, commit]: [string, string, string]): CatalogEntry {
  const name = `bottlerocket-aws-k8s-${k8s}-${bottlerocketArch(arch)}-v${version}-${commit}`;
  return { ...linux(name, BOTTLEROCKET_OWNER, name, arch, date, 2, "gp2", false), bootMode: arch === "arm64" ? "uefi" : undefined };
}

export const K8S_VERSIONS = Object.keys(EKS_VERSIONS);

/** Every container-optimized AMI of the catalog. */
export function containerAmis(): CatalogEntry[] {
  return [
    ...ECS_LINUX_RELEASES.flatMap(([date]) => ECS_LINUX_VARIANTS.map((v) => ecsLinux(v, date))),
    ...K8S_VERSIONS.flatMap((k8s) =>
      EKS_VARIANTS.filter((v) => v.al2023 || eksHasAl2(k8s)).flatMap((v) => EKS_RELEASES.map((_, i) => eks(v, k8s, i))),
    ),
    ...K8S_VERSIONS.flatMap((k8s) => ["x86_64", "arm64"].flatMap((arch) => BOTTLEROCKET_RELEASES.map((r) => bottlerocket(k8s, arch, r)))),
  ];
}
