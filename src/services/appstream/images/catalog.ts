// The AWS-provided base images that every region serves: PUBLIC, AVAILABLE, with ARNs that carry no
// account. Names and release dates follow the published release notes
// ("WorkSpaces Applications Base Image and Managed Image Update Release Notes", base-image-version-history.html):
// `AppStream-<platform>-<MM-DD-YYYY>` and `AppStream-Graphics-<family>-<platform>-<MM-DD-YYYY>`, several releases
// of each line kept public, so that a lookup by name pattern and newest CreatedTime (Terraform's
// `data "aws_appstream_image"` with name_regex and most_recent) finds the latest. Graphics Design and Graphics
// Pro images are not served: their instance families are retired (fleets/instance-types.ts).
import type { Application, Image, PlatformType } from "../api.generated";
import { arn } from "../../../util/arn";

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
  families: string[],
  agentVersion: string,
): CatalogImage => ({ name, platform, released, description, families, agentVersion });

/** MM-DD-YYYY (image names, agent versions) as a sortable YYYY-MM-DD. */
const isoDay = (mmddyyyy: string) => `${mmddyyyy.slice(6)}-${mmddyyyy.slice(0, 5)}`;

/** A release: the day AWS published it (MM-DD-YYYY, as in the image's name) and the agent version it carries. */
type Release = [day: string, agent: string];

/** The releases of a line from `first` on; `firstAgent` when its first release carried an agent of its own. */
const since = (releases: Release[], first: string, firstAgent?: string): Release[] => {
  const from = releases.filter(([d]) => isoDay(d) >= isoDay(first));
  return firstAgent ? [[first, firstAgent], ...from.filter(([d]) => d !== first)] : from;
};

/** Windows base images come out a few times a year, each with the agent of its month. */
const WINDOWS_RELEASES: Release[] = [
  ["05-30-2025", "05-20-2025"],
  ["08-14-2025", "08-12-2025"],
  ["11-10-2025", "11-04-2025"],
  ["02-12-2026", "02-09-2026"],
  ["06-11-2026", "06-08-2026"],
  ["10-14-2026", "10-12-2026"],
];
/** Each Linux platform's agent has releases of its own. */
const AL2_RELEASES: Release[] = [
  ["02-11-2025", "02-11-2025"],
  ["09-16-2025", "09-16-2025"],
  ["03-17-2026", "03-17-2026"],
  ["08-18-2026", "08-18-2026"],
];
const EL8_RELEASES: Release[] = [
  ["02-18-2026", "02-18-2026"],
  ["07-21-2026", "07-21-2026"],
];

/** One line of base images: `<prefix>-<MM-DD-YYYY>` for each of its releases. */
const line = (prefix: string, platform: PlatformType, description: string, families: string[], releases: Release[]): CatalogImage[] =>
  releases.map(([d, agent]) => base(`${prefix}-${d}`, platform, isoDay(d), description, families, agent));

const ENTRIES: CatalogImage[] = [
  ...line(
    "AppStream-WinServer2025",
    "WINDOWS_SERVER_2025",
    "Windows Server 2025 Base Image",
    STANDARD,
    since(WINDOWS_RELEASES, "12-18-2025", "12-16-2025"),
  ),
  ...line("AppStream-WinServer2022", "WINDOWS_SERVER_2022", "Windows Server 2022 Base Image", STANDARD, WINDOWS_RELEASES),
  ...line("AppStream-WinServer2019", "WINDOWS_SERVER_2019", "Windows Server 2019 Base Image", STANDARD, WINDOWS_RELEASES),
  ...line(
    "AppStream-WinServer2016",
    "WINDOWS_SERVER_2016",
    "Windows Server 2016 Base Image",
    STANDARD,
    since(WINDOWS_RELEASES, "08-14-2025"),
  ),
  ...line("AppStream-AmazonLinux2", "AMAZON_LINUX2", "Amazon Linux 2 Base Image", LINUX, AL2_RELEASES),
  ...line("AppStream-RHEL8", "RHEL8", "Red Hat Enterprise Linux 8 Base Image", LINUX, EL8_RELEASES),
  ...line("AppStream-RockyLinux8", "ROCKY_LINUX8", "Rocky Linux 8 Base Image", LINUX, EL8_RELEASES),
  // Graphics images: one per GPU instance family (G4dn, G5, G6), each supporting only its family.
  ...line(
    "AppStream-Graphics-G4dn-WinServer2022",
    "WINDOWS_SERVER_2022",
    "Windows Server 2022 Graphics G4dn Base Image",
    ["GRAPHICS_G4"],
    since(WINDOWS_RELEASES, "11-10-2025"),
  ),
  ...line(
    "AppStream-Graphics-G4dn-WinServer2019",
    "WINDOWS_SERVER_2019",
    "Windows Server 2019 Graphics G4dn Base Image",
    ["GRAPHICS_G4"],
    since(WINDOWS_RELEASES, "11-10-2025"),
  ),
  ...line(
    "AppStream-Graphics-G4dn-AmazonLinux2",
    "AMAZON_LINUX2",
    "Amazon Linux 2 Graphics G4dn Base Image",
    ["GRAPHICS_G4"],
    AL2_RELEASES,
  ),
  ...line(
    "AppStream-Graphics-G5-WinServer2022",
    "WINDOWS_SERVER_2022",
    "Windows Server 2022 Graphics G5 Base Image",
    ["GRAPHICS_G5"],
    since(WINDOWS_RELEASES, "11-10-2025"),
  ),
  ...line(
    "AppStream-Graphics-G6-WinServer2022",
    "WINDOWS_SERVER_2022",
    "Windows Server 2022 Graphics G6 Base Image",
    ["GRAPHICS_G6"],
    since(WINDOWS_RELEASES, "11-10-2025"),
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

/**
 * Public images AWS has retired: their names still appear in configurations (the provider's documentation and
 * acceptance tests name the sample images of 02-04-2019 and 03-11-2023 and several base images), but the service
 * holds them DEPRECATED, and a fleet or image builder on one is refused at once with ResourceNotAvailableException
 * ("The image AppStream-WinServer2012R2-07-19-2021 is DEPRECATED. The image must be in an AVAILABLE state for this
 * action to succeed.", as quoted in terraform-provider-aws issue #25590). DEPRECATED is none of the states the
 * Image shape can carry (ImageState in the API reference), and the Image Registry lists only the images available
 * to the account ("Images", managing-images.html): DescribeImages neither lists them nor finds them by name or ARN.
 */
const RETIRED: ReadonlySet<string> = new Set([
  "Amazon-AppStream2-Sample-Image-02-04-2019",
  "Amazon-AppStream2-Sample-Image-03-11-2023",
  "AppStream-WinServer2012R2-07-19-2021",
  "AppStream-WinServer2016-06-17-2024",
  "AppStream-WinServer2019-07-12-2022",
  "AppStream-WinServer2019-10-05-2022",
  "AppStream-WinServer2019-06-01-2023",
  "AppStream-WinServer2019-06-17-2024",
  "AppStream-WinServer2022-06-17-2024",
]);

/** Whether `name` is a public image AWS has retired (DEPRECATED). */
export const isRetiredImage = (name: string): boolean => RETIRED.has(name);

export const publicImageArn = (region: string, name: string): string => arn("appstream", region, "", `image/${name}`);

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
    LatestAppstreamAgentVersion: c.agentVersion === latestAgentVersion(c.platform) ? "TRUE" : "FALSE",
    SupportedInstanceFamilies: c.families,
    DynamicAppProvidersEnabled: "DISABLED",
    ImageSharedWithOthers: "FALSE",
    Applications: catalogApplicationsOf(c),
  };
}

export function catalogApplicationsOf(c: CatalogImage): Application[] {
  return (c.applications ?? []).map((a) => ({ ...a, Enabled: true, Platforms: [c.platform] }));
}

/** Agent versions AWS has released, as its base images carry them. */
const AGENT_VERSIONS: ReadonlySet<string> = new Set(CATALOG.map((c) => c.agentVersion));

export const isAgentVersion = (v: string): boolean => AGENT_VERSIONS.has(v);

/**
 * Whether an image or builder with that agent runs the newest one for its platform: `LATEST` (an imported image
 * that follows the newest agent) always does; no version at all never does.
 */
export function isLatestAgent(version: string | undefined, platform: PlatformType): boolean {
  return version === "LATEST" || (version !== undefined && version === latestAgentVersion(platform));
}

/** Per platform, its newest agent version: the catalog never changes, and every view of an image asks. */
const LATEST_AGENT = new Map<PlatformType, string>();

/**
 * The newest agent version for a platform: what `LATEST` resolves to on a builder and on an updated image
 * (the Windows and each Linux agent have releases of their own; a platform without a base image here takes
 * the newest of all).
 */
export function latestAgentVersion(platform: PlatformType): string {
  let latest = LATEST_AGENT.get(platform);
  if (latest === undefined) {
    const own = CATALOG.filter((c) => c.platform === platform);
    const versions = (own.length ? own : CATALOG).map((c) => c.agentVersion);
    latest = versions.sort((a, b) => (isoDay(a) < isoDay(b) ? 1 : -1))[0];
    LATEST_AGENT.set(platform, latest);
  }
  return latest;
}
