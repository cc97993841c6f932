// Runtime configuration: defaults, flags and IMAGELITE_* environment variables end up here.
import type { ClockMode } from "../state/clock";
import type { Durability } from "../state/sqlite-store";

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  inMemory: boolean;
  /** A postgres:// URL: the PostgreSQL store (state/postgres-store.ts) instead of the embedded SQLite one. */
  store?: string;
  /** normal: a process crash loses nothing; full: an OS crash or power loss neither, at a cost per write. */
  durability: Durability;
  /** Worker processes that share the port and the SQLite store (--workers); 1 is one process, no cluster. */
  workers: number;
  /** How long an intermediate lifecycle state lasts, in seconds (scaled per resource by Timings). */
  transitionSeconds: number;
  clock: ClockMode;
  /** Log one line per request. */
  log: boolean;
  /** Also log at debug level: which describe filters cannot use an index. */
  debug: boolean;
  /** "off" disables every admin route but health. */
  admin: "on" | "off";
  /** A seed file loaded into an empty store at start. */
  seed?: string;
  /** off: no Amazon-published public AMIs (EC2's catalog); a seed's publicImages are served either way. */
  catalog: "on" | "off";
  /** off: every caller is the default account; scope: the credential scope names it; strict: SigV4 is verified. */
  auth: "off" | "scope" | "strict";
  /** Known credentials (JSON or YAML), and one inline "<key>:<secret>[:<account>]" pair. */
  credentialsFile?: string;
  credentials?: string;
  /** Bearer token the admin routes require under --auth strict. */
  adminToken?: string;
  /** Where the dashboard's built files are (dist/ui unless said). */
  uiDir?: string;
  /** Host names answered beyond IP literals, localhost, the bound address and the machine's name; "*" any (gateway/browser-guard.ts). */
  allowHosts: string[];
  /** Origins whose web pages may call imagelite (with CORS); pages of any other origin are refused. */
  allowOrigins: string[];
}

export const DEFAULTS: Config = {
  host: "127.0.0.1",
  port: 4566,
  dataDir: "./.imagelite",
  inMemory: false,
  durability: "normal",
  workers: 1,
  transitionSeconds: 2,
  clock: "real",
  log: true,
  debug: false,
  admin: "on",
  catalog: "on",
  auth: "scope",
  allowHosts: [],
  allowOrigins: [],
};

/** Durations of lifecycle phases, in seconds. */
export interface Timings {
  transitionSeconds: number;
  /** Seconds that a phase of the given kind lasts. */
  seconds(kind: PhaseKind): number;
}

/**
 * Relative length of each kind of phase: a builder boots faster than an image is snapshotted.
 * Multiplied by --transition-seconds; 0 makes every transition complete by the next read.
 */
export const PHASE_WEIGHTS = {
  builderStart: 1,
  builderStop: 1,
  builderDelete: 1,
  builderSnapshot: 2,
  fleetStart: 1,
  fleetStop: 1,
  imageCreate: 2,
  imageCopy: 2,
  imageDelete: 1,
  amiRegister: 1,
  amiCopy: 3,
  amiDeregister: 1,
  /** Each of an import task's steps (converting, updating, booting, ...): an import is the slowest thing here. */
  importStep: 3,
  importCancel: 1,
  importedImage: 3,
  /** CreateExportImageTask (AppStream): EXPORTING → COMPLETED while the AMI it makes is pending. */
  appstreamExport: 3,
  /** An AppStream streaming session: PENDING while its instance gets ready, then ACTIVE. */
  sessionStart: 1,
  /** An AppStream session stays EXPIRED this long once it ends, then it is no longer listed. */
  sessionEnd: 1,
  /** StartSoftwareDeploymentToImageBuilder: each of the PENDING_INSTALLATION and PENDING_UNINSTALLATION steps. */
  softwareDeploy: 2,
  /** CreateStoreImageTask: InProgress → Completed (the AMI's snapshots written to one S3 object). */
  amiStore: 3,
  /** CreateRestoreImageTask: the restored AMI and its new snapshots stay pending. */
  amiRestore: 2,
  /** ExportImage: each active step of an export image task. */
  exportStep: 3,
  /** ImportSnapshot: each active step of an import snapshot task. */
  importSnapshotStep: 2,
  fastLaunchEnable: 3,
  fastLaunchDisable: 2,
  usageReport: 2,
  /** Instances: pending → running, stopping → stopped, shutting-down → terminated. */
  instanceStart: 1,
  instanceStop: 1,
  instanceTerminate: 1,
  /** CreateVpc: pending → available. */
  vpcCreate: 0.5,
  /** A volume made for an instance or from a snapshot: creating → available. */
  volumeCreate: 1,
  /** A snapshot of a volume, or a copy of one: pending → completed. */
  snapshotCreate: 2,
  snapshotCopy: 3,
  /** CreateImage: the AMI stays pending while its snapshots are taken. */
  amiCreate: 2,
  /** An AppStream fleet adds instances toward its desired capacity one step at a time. */
  fleetScale: 1,
  /** Block public access for AMIs: AWS says a change can take up to 10 minutes to apply. */
  blockPublicAccess: 3,
  /** A Recycle Bin retention rule: pending → available, when it starts retaining resources. */
  rbinRule: 1,
} as const;

export type PhaseKind = keyof typeof PHASE_WEIGHTS;

export function timings(transitionSeconds: number): Timings {
  return { transitionSeconds, seconds: (kind) => PHASE_WEIGHTS[kind] * transitionSeconds };
}
