// The AWS-provided base images that every region serves: PUBLIC, AVAILABLE, with ARNs that carry no
// account. Names and release dates follow the published release notes
// ("WorkSpaces Applications Base Image and Managed Image Update Release Notes", base-image-version-history.html).
import type { Application, Image, PlatformType } from "./api.generated";

export interface CatalogImage {
  name: string;
  platform: PlatformType;
  released: string;
  description: string;
  families: string[];
  agentVersion: string;
  /** The applications of its catalog: base images have none; the sample image comes with a few. */
  applications?: { Name: string; DisplayName: string; LaunchPath: string }[];
}

const STANDARD = ["GENERAL_PURPOSE", "MEMORY_OPTIMIZED", "COMPUTE_OPTIMIZED", "MEMORY_OPTIMIZED_Z1D"];
const LINUX = ["GENERAL_PURPOSE", "MEMORY_OPTIMIZED", "COMPUTE_OPTIMIZED"];

const base = (
  name: string,
  platform: PlatformType,
  released: string,
  description: string,
  families = STANDARD,
  agentVersion = "02-09-2026",
): CatalogImage => ({ name, platform, released, description, families, agentVersion });

const ENTRIES: CatalogImage[] = [
  base("AppStream-WinServer2025-12-18-2025", "WINDOWS_SERVER_2025", "2025-12-18", "Windows Server 2025 Base Image"),
  base("AppStream-WinServer2022-11-10-2025", "WINDOWS_SERVER_2022", "2025-11-10", "Windows Server 2022 Base Image"),
  base("AppStream-WinServer2022-05-30-2025", "WINDOWS_SERVER_2022", "2025-05-30", "Windows Server 2022 Base Image", STANDARD, "05-20-2025"),
  base("AppStream-WinServer2019-11-10-2025", "WINDOWS_SERVER_2019", "2025-11-10", "Windows Server 2019 Base Image"),
  base("AppStream-WinServer2019-05-30-2025", "WINDOWS_SERVER_2019", "2025-05-30", "Windows Server 2019 Base Image", STANDARD, "05-20-2025"),
  base("AppStream-WinServer2016-11-10-2025", "WINDOWS_SERVER_2016", "2025-11-10", "Windows Server 2016 Base Image"),
  base("AppStream-AmazonLinux2-02-11-2025", "AMAZON_LINUX2", "2025-02-11", "Amazon Linux 2 Base Image", LINUX, "02-11-2025"),
  base("AppStream-RHEL8-02-18-2026", "RHEL8", "2026-02-18", "Red Hat Enterprise Linux 8 Base Image", LINUX, "02-18-2026"),
  base("AppStream-RockyLinux8-02-18-2026", "ROCKY_LINUX8", "2026-02-18", "Rocky Linux 8 Base Image", LINUX, "02-18-2026"),
  base(
    "AppStream-Graphics-G4dn-WinServer2022-11-10-2025",
    "WINDOWS_SERVER_2022",
    "2025-11-10",
    "Windows Server 2022 Graphics G4dn Base Image",
    ["GRAPHICS_G4"],
  ),
  base(
    "AppStream-Graphics-G4dn-WinServer2019-11-10-2025",
    "WINDOWS_SERVER_2019",
    "2025-11-10",
    "Windows Server 2019 Graphics G4dn Base Image",
    ["GRAPHICS_G4"],
  ),
  base(
    "AppStream-Graphics-G4dn-AmazonLinux2-02-11-2025",
    "AMAZON_LINUX2",
    "2025-02-11",
    "Amazon Linux 2 Graphics G4dn Base Image",
    ["GRAPHICS_G4"],
    "02-11-2025",
  ),
  base(
    "AppStream-Graphics-G5-WinServer2022-11-10-2025",
    "WINDOWS_SERVER_2022",
    "2025-11-10",
    "Windows Server 2022 Graphics G5 Base Image",
    ["GRAPHICS_G5"],
  ),
  base(
    "AppStream-Graphics-G6-WinServer2022-11-10-2025",
    "WINDOWS_SERVER_2022",
    "2025-11-10",
    "Windows Server 2022 Graphics G6 Base Image",
    ["GRAPHICS_G6"],
  ),
  {
    ...base(
      "Amazon-AppStream2-Sample-Image-06-17-2024",
      "WINDOWS_SERVER_2019",
      "2024-06-17",
      "Amazon AppStream 2.0 sample image with applications",
      STANDARD,
      "06-17-2024",
    ),
    applications: [
      { Name: "Firefox", DisplayName: "Firefox", LaunchPath: "C:\\Program Files\\Mozilla Firefox\\firefox.exe" },
      { Name: "LibreOffice", DisplayName: "LibreOffice", LaunchPath: "C:\\Program Files\\LibreOffice\\program\\soffice.exe" },
      { Name: "NotepadPlusPlus", DisplayName: "Notepad++", LaunchPath: "C:\\Program Files\\Notepad++\\notepad++.exe" },
    ],
  },
];

/** Sorted by name, so that the catalog pages like every other source. */
export const CATALOG: readonly CatalogImage[] = [...ENTRIES].sort((a, b) => (a.name < b.name ? -1 : 1));
const BY_NAME = new Map(CATALOG.map((c) => [c.name, c]));

export const catalogImage = (name: string): CatalogImage | undefined => BY_NAME.get(name);

export const publicImageArn = (region: string, name: string): string => `arn:aws:appstream:${region}::image/${name}`;

export function catalogView(c: CatalogImage, region: string): Image {
  const released = new Date(`${c.released}T00:00:00Z`);
  return {
    Name: c.name,
    Arn: publicImageArn(region, c.name),
    DisplayName: c.name,
    Description: c.description,
    Visibility: "PUBLIC",
    State: "AVAILABLE",
    Platform: c.platform,
    ImageType: "NATIVE",
    ImageBuilderSupported: true,
    CreatedTime: released,
    PublicBaseImageReleasedDate: released,
    AppstreamAgentVersion: c.agentVersion,
    LatestAppstreamAgentVersion: "TRUE",
    SupportedInstanceFamilies: c.families,
    DynamicAppProvidersEnabled: "DISABLED",
    ImageSharedWithOthers: "FALSE",
    Applications: catalogApplicationsOf(c),
  };
}

export function catalogApplicationsOf(c: CatalogImage): Application[] {
  return (c.applications ?? []).map((a) => ({ ...a, Enabled: true, Platforms: [c.platform] }));
}

/** An agent version (MM-DD-YYYY, the agent's release date) as a sortable YYYY-MM-DD. */
const agentDate = (v: string) => `${v.slice(6)}-${v.slice(0, 5)}`;

/** Agent versions AWS has released, as its base images carry them. */
const AGENT_VERSIONS: ReadonlySet<string> = new Set(CATALOG.map((c) => c.agentVersion));

export const isAgentVersion = (v: string): boolean => AGENT_VERSIONS.has(v);

/**
 * The newest agent version for a platform: what `LATEST` resolves to on a builder and on an updated image
 * (the Windows and each Linux agent have releases of their own; a platform without a base image here takes
 * the newest of all).
 */
export function latestAgentVersion(platform: PlatformType): string {
  const own = CATALOG.filter((c) => c.platform === platform);
  const versions = (own.length ? own : CATALOG).map((c) => c.agentVersion);
  return versions.sort((a, b) => (agentDate(a) < agentDate(b) ? 1 : -1))[0];
}
