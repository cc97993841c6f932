// The streaming instance types AppStream offers and the instance family of each. The lists are those of the
// API reference (CreateFleet, CreateImageBuilder: InstanceType), the families those an image names in
// SupportedInstanceFamilies (Image, API reference; "Instance families", instance-types.html).

const sizes = (prefix: string, list: string[]) => list.map((s) => `${prefix}.${s}`);

const STANDARD = sizes("stream.standard", ["small", "medium", "large", "xlarge", "2xlarge"]);
const COMPUTE = sizes("stream.compute", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"]);
const MEMORY = sizes("stream.memory", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"]);
const Z1D = sizes("stream.memory.z1d", ["large", "xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge"]);
const G4DN = sizes("stream.graphics.g4dn", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"]);
const G5 = sizes("stream.graphics.g5", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]);
const G6 = [
  ...sizes("stream.graphics.g6", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]),
  ...sizes("stream.graphics.gr6", ["4xlarge", "8xlarge"]),
  ...sizes("stream.graphics.g6f", ["large", "xlarge", "2xlarge", "4xlarge"]),
  ...sizes("stream.graphics.gr6f", ["4xlarge"]),
];

const FAMILY = new Map<string, string>([
  ...STANDARD.map((t) => [t, "GENERAL_PURPOSE"] as const),
  ...COMPUTE.map((t) => [t, "COMPUTE_OPTIMIZED"] as const),
  ...MEMORY.map((t) => [t, "MEMORY_OPTIMIZED"] as const),
  ...Z1D.map((t) => [t, "MEMORY_OPTIMIZED_Z1D"] as const),
  ...G4DN.map((t) => [t, "GRAPHICS_G4"] as const),
  ...G5.map((t) => [t, "GRAPHICS_G5"] as const),
  ...G6.map((t) => [t, "GRAPHICS_G6"] as const),
]);

/** Elastic fleets run on the general purpose types only (CreateFleet, InstanceType). */
const ELASTIC = new Set(STANDARD);

/** Image builders are not offered the two largest general purpose sizes (CreateImageBuilder, InstanceType). */
const NOT_FOR_BUILDERS = new Set(["stream.standard.xlarge", "stream.standard.2xlarge"]);

export type InstanceUse = "fleet" | "elastic-fleet" | "builder";

/** Whether `type` is offered for that use. */
export function offered(type: string, use: InstanceUse): boolean {
  if (!FAMILY.has(type)) return false;
  if (use === "elastic-fleet") return ELASTIC.has(type);
  if (use === "builder") return !NOT_FOR_BUILDERS.has(type);
  return true;
}

export const familyOf = (type: string): string | undefined => FAMILY.get(type);

/**
 * Whether an image that supports `families` runs on `type`. An image that names no families (an older
 * private image) is taken to run on the general purpose, compute and memory types, as AWS's base images do.
 */
export function runsOn(families: readonly string[] | undefined, type: string): boolean {
  const family = familyOf(type);
  if (!family) return false;
  return (families?.length ? families : ["GENERAL_PURPOSE", "COMPUTE_OPTIMIZED", "MEMORY_OPTIMIZED"]).includes(family);
}
