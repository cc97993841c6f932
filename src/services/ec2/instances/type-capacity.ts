// What an instance type weighs against the On-Demand quotas: its vCPUs and the quota of its family class
// ("On-Demand Instance quotas", ec2-on-demand-instances.html). A type the instance-type catalog describes weighs
// its default vCPUs; any other name the model allows weighs what its size says as EC2 names sizes ("Amazon EC2
// instance type naming conventions", instance-type-names.html): a large has 2 vCPUs, an xlarge 4, an Nxlarge 4N,
// a metal-Nxl 4N; a medium 1, and the smaller burstable sizes of the T3, T3a and T4g families 2. A few types differ
// from this rule (hpc6a.48xlarge has 96); the quota check needs the order of magnitude, not the exact count.
import { STANDARD_QUOTA } from "./quota-records";
import { instanceTypeInfo } from "../instance-types/catalog";

/** The quota code of each family class, by the family's leading letters: longest first. */
const CLASSES: [prefix: string, code: string][] = [
  ["u-", "L-43DA4232"],
  ["u7", "L-43DA4232"],
  ["inf", "L-1945791B"],
  ["trn", "L-2C3B7624"],
  ["hpc", "L-F7808C92"],
  ["dl", "L-6E869C2A"],
  ["vt", "L-DB2E81BA"],
  ["g", "L-DB2E81BA"],
  ["f", "L-74FC7D96"],
  ["p", "L-417A185B"],
  ["x", "L-7295265B"],
];

/** The On-Demand quota an instance type counts against: its class's, Standard (A, C, D, H, I, M, R, T, Z) for the rest. */
export function quotaOf(instanceType: string): string {
  const t = instanceType.toLowerCase();
  return CLASSES.find(([prefix]) => t.startsWith(prefix))?.[1] ?? STANDARD_QUOTA;
}

const BURSTABLE_TWO = /^(t3|t3a|t4g)$/;
/** metal sizes without a number: the usual size of a family's bare metal type (m5.metal, c5.metal). */
const METAL_VCPUS = 96;

export function vcpusOf(instanceType: string): number {
  const known = instanceTypeInfo(instanceType)?.VCpuInfo?.DefaultVCpus;
  if (known !== undefined) return known;
  const [family, size = ""] = instanceType.toLowerCase().split(".");
  const n = /^(?:metal-)?([0-9]+)x(?:large|l)$/.exec(size);
  if (n) return 4 * Number(n[1]);
  switch (size) {
    case "nano":
    case "micro":
    case "small":
      return BURSTABLE_TWO.test(family) ? 2 : 1;
    case "medium":
      return BURSTABLE_TWO.test(family) || family === "t2" || family === "c1" ? 2 : 1;
    case "large":
      return 2;
    case "xlarge":
      return 4;
    case "metal":
      return METAL_VCPUS;
    default:
      return 2;
  }
}
