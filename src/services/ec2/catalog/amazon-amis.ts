// The AMIs Amazon publishes, as data: names, descriptions and billing fields in AWS's own schemes, so that the
// lookups people copy from the documentation (name patterns, newest by CreationDate) find them. Sources:
// "Amazon Linux 2023 AMI naming" / "AL2023 on Amazon EC2" (al2023-ami[-minimal]-2023.<minor>.<YYYYMMDD>.<n>-
// kernel-<k>-<arch>), "Amazon Linux 2 AMI names" (amzn2-ami-[minimal-][kernel-5.10-]hvm-2.0.<date>.<n>-<arch>-
// <volume>), "AWS Windows AMI reference" (Windows_Server-<ver>-English-<Full|Core>-<Base|SQL_…>-<YYYY.MM.DD>)
// and "AMI billing information fields" (PlatformDetails / UsageOperation of each SQL Server edition).
// ECS-optimized Windows AMIs follow "Amazon ECS-optimized Windows AMI versions"
// (Windows_Server-<ver>-English-<Full|Core>-ECS_Optimized-<YYYY.MM.DD>, each release with its container agent).
// The ECS-optimized Linux, EKS-optimized and Bottlerocket AMIs are in container-amis.ts.
import { containerAmis } from "./container-amis";
import type { CatalogEntry } from "./entry";

export type { CatalogEntry };

/** Owner ids of the Amazon-published Windows and Amazon Linux AMIs (owner alias `amazon`). */
export const WINDOWS_OWNER = "801119661308";
export const AMAZON_LINUX_OWNER = "137112412989";

const day = (yyyymmdd: string) => Date.parse(`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}T00:00:00Z`);

// --- Amazon Linux 2023: standard and minimal images, kernel 6.1 (the default), 6.12, and 6.18 from 2023.11 on.

/** Releases as `<minor>.<YYYYMMDD>.<n>`, oldest first. */
const AL2023_RELEASES = [
  "9.20251027.0",
  "9.20251110.1",
  "10.20260216.0",
  "11.20260526.0",
  "12.20260727.0",
  "12.20260817.0",
  "12.20261020.0",
  "12.20261110.0",
];

function al2023(release: string): CatalogEntry[] {
  const [minor, date] = release.split(".");
  const kernels = Number(minor) >= 11 ? ["6.1", "6.12", "6.18"] : Number(minor) >= 10 ? ["6.1", "6.12"] : ["6.1"];
  return kernels.flatMap((kernel) =>
    ["x86_64", "arm64"].flatMap((arch) =>
      [false, true].map((minimal) => ({
        name: `al2023-ami-${minimal ? "minimal-" : ""}2023.${release}-kernel-${kernel}-${arch}`,
        owner: AMAZON_LINUX_OWNER,
        alias: "amazon",
        description: `Amazon Linux 2023 AMI 2023.${release} ${arch}${minimal ? " Minimal" : ""} HVM kernel-${kernel}`,
        arch,
        windows: false,
        platformDetails: "Linux/UNIX",
        usageOperation: "RunInstances",
        released: day(date),
        volumeSize: minimal ? 2 : 8,
        volumeType: "gp3",
        bootMode: arch === "arm64" ? "uefi" : "uefi-preferred",
        imdsSupport: "v2.0",
        freeTier: arch === "x86_64" && !minimal,
        deprecates: true,
      })),
    ),
  );
}

// --- Amazon Linux 2: kernel 5.10 (standard and minimal) and the original kernel 4.14 images.

const AL2_RELEASES = ["20251110.0", "20260216.0", "20260526.0", "20260727.0", "20261020.0", "20261110.0"];

function al2(release: string): CatalogEntry[] {
  const version = `2.0.${release}`;
  const linux = (name: string, description: string, arch: string, size: number, volumeType: string): CatalogEntry => ({
    name,
    owner: AMAZON_LINUX_OWNER,
    alias: "amazon",
    description,
    arch,
    windows: false,
    platformDetails: "Linux/UNIX",
    usageOperation: "RunInstances",
    released: day(release.slice(0, 8)),
    volumeSize: size,
    volumeType,
    bootMode: arch === "arm64" ? "uefi" : undefined,
    freeTier: arch === "x86_64" && size >= 8,
    deprecates: true,
  });
  return ["x86_64", "arm64"].flatMap((arch) => [
    linux(`amzn2-ami-kernel-5.10-hvm-${version}-${arch}-gp2`, `Amazon Linux 2 Kernel 5.10 AMI ${version} ${arch} HVM gp2`, arch, 8, "gp2"),
    linux(
      `amzn2-ami-minimal-kernel-5.10-hvm-${version}-${arch}-gp2`,
      `Amazon Linux 2 Kernel 5.10 AMI ${version} ${arch} Minimal HVM gp2`,
      arch,
      2,
      "gp2",
    ),
    linux(`amzn2-ami-hvm-${version}-${arch}-gp2`, `Amazon Linux 2 AMI ${version} ${arch} HVM gp2`, arch, 8, "gp2"),
    ...(arch === "x86_64"
      ? [
          linux(
            `amzn2-ami-minimal-hvm-${version}-${arch}-ebs`,
            `Amazon Linux 2 AMI ${version} ${arch} Minimal HVM ebs`,
            arch,
            2,
            "standard",
          ),
        ]
      : []),
  ]);
}

// --- Windows Server: Full and Core base images and the SQL Server images of each release.

/** Monthly releases (the day after Patch Tuesday or so), oldest first. */
const WINDOWS_RELEASES = ["2025.10.15", "2025.11.12", "2026.05.13", "2026.06.11", "2026.08.13", "2026.09.10", "2026.10.15", "2026.11.12"];

/** SQL Server images per Windows Server release: `<SQL version>_<edition>`. */
export const SQL_IMAGES: Readonly<Record<string, readonly string[]>> = {
  "2016": ["2017_Standard", "2017_Express", "2017_Web", "2017_Enterprise"],
  "2019": ["2019_Standard", "2019_Express", "2019_Web", "2019_Enterprise", "2022_Standard"],
  "2022": ["2022_Standard", "2022_Express", "2022_Web", "2022_Enterprise", "2019_Standard"],
  "2025": ["2022_Standard", "2022_Express", "2022_Web", "2022_Enterprise"],
};

/** "AMI billing information fields": SQL Server Express is billed as plain Windows. */
const SQL_BILLING: Record<string, [string, string]> = {
  Standard: ["Windows with SQL Server Standard", "RunInstances:0006"],
  Enterprise: ["Windows with SQL Server Enterprise", "RunInstances:0102"],
  Web: ["Windows with SQL Server Web", "RunInstances:0202"],
  Express: ["Windows", "RunInstances:0002"],
};

function windowsServer(version: string, released: string): CatalogEntry[] {
  const win = (name: string, description: string, billing: [string, string], size: number, freeTier: boolean): CatalogEntry => ({
    name,
    owner: WINDOWS_OWNER,
    alias: "amazon",
    description,
    arch: "x86_64",
    windows: true,
    platformDetails: billing[0],
    usageOperation: billing[1],
    released: day(released.replace(/\./g, "")),
    volumeSize: size,
    volumeType: "gp2",
    // Windows Server 2025 images boot UEFI where the instance type can, and require IMDSv2.
    bootMode: version === "2025" ? "uefi-preferred" : undefined,
    imdsSupport: version === "2025" ? "v2.0" : undefined,
    freeTier,
    deprecates: true,
  });
  const plain: [string, string] = ["Windows", "RunInstances:0002"];
  return [
    ...(["Full", "Core"] as const).map((edition) =>
      win(
        `Windows_Server-${version}-English-${edition}-Base-${released}`,
        `Microsoft Windows Server ${version} ${edition} Locale English AMI provided by Amazon`,
        plain,
        30,
        edition === "Full",
      ),
    ),
    ...SQL_IMAGES[version].map((sql) => {
      const [sqlVersion, edition] = sql.split("_");
      return win(
        `Windows_Server-${version}-English-Full-SQL_${sql}-${released}`,
        `Microsoft Windows Server ${version} Full Locale English with SQL ${edition} ${sqlVersion} AMI provided by Amazon`,
        SQL_BILLING[edition],
        edition === "Express" ? 45 : 50,
        false,
      );
    }),
  ];
}

// --- Windows Server with NitroTPM: the TPM- images of 2019 and 2022, Full and Core ("UEFI Secure Boot" and
// "Boot modes" in the EC2 User Guide list TPM-Windows_Server-2022-English-Full-Base, -2022-English-Core-Base,
// -2019-English-Full-Base and -2019-English-Core-Base as the Windows AMIs that boot UEFI; NitroTPM needs UEFI).
// They boot UEFI only and declare TPM 2.0: what AppStream's CreateImportedImage requires of its source AMI.
// Windows Server 2025 images boot UEFI where they can but publish no TPM- line.

export const TPM_WINDOWS_VERSIONS = ["2019", "2022"] as const;

function tpmWindows(version: string, edition: "Full" | "Core", released: string): CatalogEntry {
  return {
    name: `TPM-Windows_Server-${version}-English-${edition}-Base-${released}`,
    owner: WINDOWS_OWNER,
    alias: "amazon",
    description: `Microsoft Windows Server ${version} ${edition} Locale English with NitroTPM and UEFI boot AMI provided by Amazon`,
    arch: "x86_64",
    windows: true,
    platformDetails: "Windows",
    usageOperation: "RunInstances:0002",
    released: day(released.replace(/\./g, "")),
    volumeSize: 30,
    volumeType: "gp2",
    bootMode: "uefi",
    imdsSupport: "v2.0",
    tpmSupport: "v2.0",
    freeTier: false,
    deprecates: true,
  };
}

// --- ECS-optimized Windows Server: Full and Core of 2019, 2022 and 2025, Full only of 2016.

export interface EcsWindowsVariant {
  version: string;
  edition: "Full" | "Core";
}

export const ECS_WINDOWS_VARIANTS: readonly EcsWindowsVariant[] = [
  ...["2025", "2022", "2019"].flatMap((version) => (["Full", "Core"] as const).map((edition) => ({ version, edition }))),
  { version: "2016", edition: "Full" },
];

/** Releases, oldest first, with the ECS container agent each carries. */
const ECS_WINDOWS_RELEASES: readonly [string, string][] = [
  ["2025.10.17", "1.100.0"],
  ["2025.11.14", "1.101.0"],
  ["2026.05.15", "1.106.0"],
  ["2026.06.12", "1.107.0"],
  ["2026.08.14", "1.109.1"],
  ["2026.09.12", "1.110.0"],
  ["2026.10.16", "1.111.0"],
  ["2026.11.13", "1.112.0"],
];
const ECS_AGENTS = new Map(ECS_WINDOWS_RELEASES);

/** Windows Server 2016 stays on the Docker release it supports; the others run the current one. */
const dockerOf = (version: string) => (version === "2016" ? "20.10.23" : "25.0.6");

export const ecsWindowsName = (v: EcsWindowsVariant, released: string): string =>
  `Windows_Server-${v.version}-English-${v.edition}-ECS_Optimized-${released}`;

/** What the ECS-optimized AMI of that name carries: its container agent and runtime, or undefined for another AMI. */
export function ecsWindowsRuntime(name: string): { agent: string; runtime: string; os: string } | undefined {
  const m = /^Windows_Server-([0-9]{4})-English-(Full|Core)-ECS_Optimized-([0-9.]+)$/.exec(name);
  const agent = m && ECS_AGENTS.get(m[3]);
  if (!m || !agent) return undefined;
  return { agent, runtime: `Docker version ${dockerOf(m[1])}`, os: `Windows Server ${m[1]} English ${m[2]}` };
}

function ecsWindows(v: EcsWindowsVariant, released: string): CatalogEntry {
  return {
    name: ecsWindowsName(v, released),
    owner: WINDOWS_OWNER,
    alias: "amazon",
    description: `Microsoft Windows Server ${v.version} ${v.edition} Locale English with Amazon ECS optimization AMI provided by Amazon`,
    arch: "x86_64",
    windows: true,
    platformDetails: "Windows",
    usageOperation: "RunInstances:0002",
    released: day(released.replace(/\./g, "")),
    volumeSize: 30,
    volumeType: "gp2",
    bootMode: v.version === "2025" ? "uefi-preferred" : undefined,
    imdsSupport: v.version === "2025" ? "v2.0" : undefined,
    freeTier: false,
    deprecates: true,
  };
}

/** Every AMI of the Amazon catalog, in no particular order. */
export function amazonAmis(): CatalogEntry[] {
  return [
    ...WINDOWS_RELEASES.flatMap((d) => ["2016", "2019", "2022", "2025"].flatMap((v) => windowsServer(v, d))),
    ...WINDOWS_RELEASES.flatMap((d) => TPM_WINDOWS_VERSIONS.flatMap((v) => (["Full", "Core"] as const).map((e) => tpmWindows(v, e, d)))),
    ...ECS_WINDOWS_RELEASES.flatMap(([d]) => ECS_WINDOWS_VARIANTS.map((v) => ecsWindows(v, d))),
    // Released more than two years ago: deprecated, shown only with IncludeDeprecated or by id.
    ...windowsServer("2016", "2023.10.11").filter((e) => e.name.includes("-Full-Base-")),
    ...AL2023_RELEASES.flatMap(al2023),
    ...AL2_RELEASES.flatMap(al2),
    ...containerAmis(),
  ];
}
