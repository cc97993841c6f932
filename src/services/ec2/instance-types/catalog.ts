// The instance types imagelite describes: the families image tools launch (T2, T3, T3a, T4g, M5, M6i, M7i, M7g,
// C5, C6i, C7g, R5, R6i, G4dn, G5) in their usual sizes, as DescribeInstanceTypes answers for them. Sources: "Amazon
// EC2 instance types specifications" (docs.aws.amazon.com/ec2/latest/instancetypes/: General purpose gp.html,
// Compute optimized co.html, Memory optimized mo.html, Accelerated computing ac.html) and the API reference's
// InstanceTypeInfo. CurrentGeneration and FreeTierEligible are what EC2 answers today: it marks M5, M6i, C5, R5,
// R6i and G5 previous generation, and since the Free Tier of July 2025 the micro and small T3 and T4g sizes are the
// free ones, not t2.micro. Static data, never stored; the same in every Region imagelite serves.
import type { InstanceTypeInfo } from "../api.generated";

interface Family {
  arch: "x86_64" | "arm64";
  maker: "Intel" | "AMD" | "AWS";
  /** Sustained all-core clock, GHz (a size may say otherwise). */
  clock: number;
  current: boolean;
  burstable?: true;
  /** The Xen generation (T2): no ENA, no NVMe, no EBS optimization, no NitroTPM, legacy BIOS only. */
  xen?: true;
  /** Traffic between instances encrypted in transit (Nitro v3 and later). */
  inTransit?: true;
  flexibleQueues?: true;
  /** Precision hardware clock. */
  phc?: true;
  /** CPU features beyond the architecture: nested virtualization (M7i). */
  nested?: true;
  /** EBS attachments counted apart from network interfaces (M7i). */
  dedicatedEbs?: true;
  /** GPU families: no CloudWatch action-based recovery and no reboot migration. */
  noRecovery?: true;
  gpu?: { name: string; maker: string; mib: number };
  sizes: Size[];
}

/** EBS-optimized baseline and maximum: bandwidth (Mbps) and IOPS; throughput in MB/s is bandwidth / 8. */
type Ebs = [baselineMbps: number, baselineIops: number, maximumMbps: number, maximumIops: number];

/**
 * One size. validCores: the core counts CPU options accept, "a", "a-b" or "a-b/step" ("" when CPU options do
 * not apply). flags: h hibernation, e Nitro Enclaves, f EFA, s ENA Express, d Dedicated Hosts, F Free Tier,
 * o On-Demand only (no Spot), 3 also i386.
 */
type Size = [
  size: string,
  vcpus: number,
  cores: number,
  validCores: string,
  memoryGiB: number,
  interfaces: number,
  ipv4PerInterface: number,
  networkPerformance: string,
  baselineGbps: number,
  peakGbps: number,
  ebs: Ebs | null,
  ebsAttachments: number,
  flags: string,
  extra?: { clock?: number; gpus?: number; disks?: [count: number, sizeGB: number] },
];

const FAMILIES: Record<string, Family> = {
  t2: {
    arch: "x86_64",
    maker: "Intel",
    clock: 2.3,
    current: true,
    burstable: true,
    xen: true,
    sizes: [
      ["nano", 1, 1, "", 0.5, 2, 2, "Low to Moderate", 0.032, 0.512, null, 40, "ho3", { clock: 2.4 }],
      ["micro", 1, 1, "", 1, 2, 2, "Low to Moderate", 0.064, 1.024, null, 40, "h3", { clock: 2.5 }],
      ["small", 1, 1, "", 2, 3, 4, "Low to Moderate", 0.128, 1.024, null, 40, "h3", { clock: 2.5 }],
      ["medium", 2, 2, "", 4, 3, 6, "Low to Moderate", 0.256, 1.024, null, 40, "h3"],
      ["large", 2, 2, "", 8, 3, 12, "Low to Moderate", 0.512, 1.024, null, 40, "h"],
      ["xlarge", 4, 4, "", 16, 3, 15, "Moderate", 0.75, 1.024, null, 40, "h"],
      ["2xlarge", 8, 8, "", 32, 3, 15, "Moderate", 1, 1.024, null, 40, "h"],
    ],
  },
  t3: {
    arch: "x86_64",
    maker: "Intel",
    clock: 2.5,
    current: true,
    burstable: true,
    sizes: [
      ["nano", 2, 1, "1", 0.5, 2, 2, "Up to 5 Gigabit", 0.032, 5, [43, 250, 2085, 11800], 27, "hd"],
      ["micro", 2, 1, "1", 1, 2, 2, "Up to 5 Gigabit", 0.064, 5, [87, 500, 2085, 11800], 27, "hdF"],
      ["small", 2, 1, "1", 2, 3, 4, "Up to 5 Gigabit", 0.128, 5, [174, 1000, 2085, 11800], 27, "hdF"],
      ["medium", 2, 1, "1", 4, 3, 6, "Up to 5 Gigabit", 0.256, 5, [347, 2000, 2085, 11800], 27, "hd"],
      ["large", 2, 1, "1", 8, 3, 12, "Up to 5 Gigabit", 0.512, 5, [695, 4000, 2780, 15700], 27, "hd"],
      ["xlarge", 4, 2, "2", 16, 4, 15, "Up to 5 Gigabit", 1.024, 5, [695, 4000, 2780, 15700], 27, "hd"],
      ["2xlarge", 8, 4, "2-4/2", 32, 4, 15, "Up to 5 Gigabit", 2.048, 5, [695, 4000, 2780, 15700], 27, "hd"],
    ],
  },
  t3a: {
    arch: "x86_64",
    maker: "AMD",
    clock: 2.2,
    current: true,
    burstable: true,
    sizes: [
      ["nano", 2, 1, "1", 0.5, 2, 2, "Up to 5 Gigabit", 0.032, 5, [45, 250, 2085, 11800], 27, "h"],
      ["micro", 2, 1, "1", 1, 2, 2, "Up to 5 Gigabit", 0.064, 5, [90, 500, 2085, 11800], 27, "h"],
      ["small", 2, 1, "1", 2, 2, 4, "Up to 5 Gigabit", 0.128, 5, [175, 1000, 2085, 11800], 27, "h"],
      ["medium", 2, 1, "1", 4, 3, 6, "Up to 5 Gigabit", 0.256, 5, [350, 2000, 2085, 11800], 27, "h"],
      ["large", 2, 1, "1", 8, 3, 12, "Up to 5 Gigabit", 0.512, 5, [695, 4000, 2780, 15700], 27, "h"],
      ["xlarge", 4, 2, "2", 16, 4, 15, "Up to 5 Gigabit", 1.024, 5, [695, 4000, 2780, 15700], 27, "h"],
      ["2xlarge", 8, 4, "2-4/2", 32, 4, 15, "Up to 5 Gigabit", 2.048, 5, [695, 4000, 2780, 15700], 27, "h"],
    ],
  },
  t4g: {
    arch: "arm64",
    maker: "AWS",
    clock: 2.5,
    current: true,
    burstable: true,
    sizes: [
      ["nano", 2, 2, "1-2", 0.5, 2, 2, "Up to 5 Gigabit", 0.032, 5, [43, 250, 2085, 11800], 27, "h"],
      ["micro", 2, 2, "1-2", 1, 2, 2, "Up to 5 Gigabit", 0.064, 5, [87, 500, 2085, 11800], 27, "hF"],
      ["small", 2, 2, "1-2", 2, 3, 4, "Up to 5 Gigabit", 0.128, 5, [174, 1000, 2085, 11800], 27, "hF"],
      ["medium", 2, 2, "1-2", 4, 3, 6, "Up to 5 Gigabit", 0.256, 5, [347, 2000, 2085, 11800], 27, "h"],
      ["large", 2, 2, "1-2", 8, 3, 12, "Up to 5 Gigabit", 0.512, 5, [695, 4000, 2780, 15700], 27, "h"],
      ["xlarge", 4, 4, "1-4", 16, 4, 15, "Up to 5 Gigabit", 1.024, 5, [695, 4000, 2780, 15700], 27, "h"],
      ["2xlarge", 8, 8, "1-8", 32, 4, 15, "Up to 5 Gigabit", 2.048, 5, [695, 4000, 2780, 15700], 27, "h"],
    ],
  },
  m5: {
    arch: "x86_64",
    maker: "Intel",
    clock: 3.1,
    current: false,
    sizes: [
      ["large", 2, 1, "1", 8, 3, 10, "Up to 10 Gigabit", 0.75, 10, [650, 3600, 4750, 18750], 27, "hd"],
      ["xlarge", 4, 2, "2", 16, 4, 15, "Up to 10 Gigabit", 1.25, 10, [1150, 6000, 4750, 18750], 27, "hed"],
      ["2xlarge", 8, 4, "2-4/2", 32, 4, 15, "Up to 10 Gigabit", 2.5, 10, [2300, 12000, 4750, 18750], 27, "hed"],
      ["4xlarge", 16, 8, "2-8/2", 64, 8, 30, "Up to 10 Gigabit", 5, 10, [4750, 18750, 4750, 18750], 27, "hed"],
      ["8xlarge", 32, 16, "2-16/2", 128, 8, 30, "10 Gigabit", 10, 10, [6800, 30000, 6800, 30000], 27, "hed"],
      ["12xlarge", 48, 24, "2-24/2", 192, 8, 30, "12 Gigabit", 12, 12, [9500, 40000, 9500, 40000], 27, "ed"],
      ["16xlarge", 64, 32, "2-32/2", 256, 15, 50, "20 Gigabit", 20, 20, [13600, 60000, 13600, 60000], 27, "ed"],
      ["24xlarge", 96, 48, "4-48/2", 384, 15, 50, "25 Gigabit", 25, 25, [19000, 80000, 19000, 80000], 27, "ed"],
      ["metal", 96, 48, "", 384, 15, 50, "25 Gigabit", 25, 25, [19000, 80000, 19000, 80000], 31, "d"],
    ],
  },
  m6i: {
    arch: "x86_64",
    maker: "Intel",
    clock: 3.5,
    current: false,
    inTransit: true,
    flexibleQueues: true,
    sizes: [
      ["large", 2, 1, "1", 8, 3, 10, "Up to 12.5 Gigabit", 0.781, 12.5, [650, 3600, 10000, 40000], 27, "hd"],
      ["xlarge", 4, 2, "1-2", 16, 4, 15, "Up to 12.5 Gigabit", 1.562, 12.5, [1250, 6000, 10000, 40000], 27, "hed"],
      ["2xlarge", 8, 4, "2-4/2", 32, 4, 15, "Up to 12.5 Gigabit", 3.125, 12.5, [2500, 12000, 10000, 40000], 27, "hed"],
      ["4xlarge", 16, 8, "2-8/2", 64, 8, 30, "Up to 12.5 Gigabit", 6.25, 12.5, [5000, 20000, 10000, 40000], 27, "hed"],
      ["8xlarge", 32, 16, "2-16/2", 128, 8, 30, "12.5 Gigabit", 12.5, 12.5, [10000, 40000, 10000, 40000], 27, "hesd"],
      ["12xlarge", 48, 24, "2-24/2", 192, 8, 30, "18.75 Gigabit", 18.75, 18.75, [15000, 60000, 15000, 60000], 27, "esd"],
      ["16xlarge", 64, 32, "2-32/2", 256, 15, 50, "25 Gigabit", 25, 25, [20000, 80000, 20000, 80000], 27, "esd"],
      ["24xlarge", 96, 48, "2-48/2", 384, 15, 50, "37.5 Gigabit", 37.5, 37.5, [30000, 120000, 30000, 120000], 27, "esd"],
      ["32xlarge", 128, 64, "2-64/2", 512, 15, 50, "50 Gigabit", 50, 50, [40000, 160000, 40000, 160000], 27, "efsd"],
      ["metal", 128, 64, "", 512, 15, 50, "50 Gigabit", 50, 50, [40000, 160000, 40000, 160000], 31, "fsd"],
    ],
  },
  m7i: {
    arch: "x86_64",
    maker: "Intel",
    clock: 3.2,
    current: true,
    inTransit: true,
    phc: true,
    nested: true,
    dedicatedEbs: true,
    sizes: [
      ["large", 2, 1, "1", 8, 3, 10, "Up to 12.5 Gigabit", 0.781, 12.5, [650, 3600, 10000, 40000], 32, "hd"],
      ["xlarge", 4, 2, "1-2", 16, 4, 15, "Up to 12.5 Gigabit", 1.562, 12.5, [1250, 6000, 10000, 40000], 32, "hed"],
      ["2xlarge", 8, 4, "1-4", 32, 4, 15, "Up to 12.5 Gigabit", 3.125, 12.5, [2500, 12000, 10000, 40000], 32, "hed"],
      ["4xlarge", 16, 8, "1-8", 64, 8, 30, "Up to 12.5 Gigabit", 6.25, 12.5, [5000, 20000, 10000, 40000], 32, "hed"],
      ["8xlarge", 32, 16, "1-16", 128, 8, 30, "12.5 Gigabit", 12.5, 12.5, [10000, 40000, 10000, 40000], 32, "hed"],
      ["12xlarge", 48, 24, "1-24", 192, 8, 30, "18.75 Gigabit", 18.75, 18.75, [15000, 60000, 15000, 60000], 32, "esd"],
      ["16xlarge", 64, 32, "1-32", 256, 15, 50, "25 Gigabit", 25, 25, [20000, 80000, 20000, 80000], 48, "esd"],
      ["24xlarge", 96, 48, "1-48", 384, 15, 50, "37.5 Gigabit", 37.5, 37.5, [30000, 120000, 30000, 120000], 64, "es"],
      ["metal-24xl", 96, 48, "", 384, 15, 50, "37.5 Gigabit", 37.5, 37.5, [30000, 120000, 30000, 120000], 39, "s"],
      ["48xlarge", 192, 96, "4-96/2", 768, 15, 50, "50 Gigabit", 50, 50, [40000, 240000, 40000, 240000], 128, "efs"],
      ["metal-48xl", 192, 96, "", 768, 15, 50, "50 Gigabit", 50, 50, [40000, 240000, 40000, 240000], 79, "fsd"],
    ],
  },
  m7g: {
    arch: "arm64",
    maker: "AWS",
    clock: 2.6,
    current: true,
    inTransit: true,
    phc: true,
    sizes: [
      ["medium", 1, 1, "", 4, 2, 4, "Up to 12.5 Gigabit", 0.52, 12.5, [315, 2500, 10000, 40000], 27, "hd"],
      ["large", 2, 2, "1-2", 8, 3, 10, "Up to 12.5 Gigabit", 0.937, 12.5, [630, 3600, 10000, 40000], 27, "hed"],
      ["xlarge", 4, 4, "1-4", 16, 4, 15, "Up to 12.5 Gigabit", 1.876, 12.5, [1250, 6000, 10000, 40000], 27, "hed"],
      ["2xlarge", 8, 8, "1-8", 32, 4, 15, "Up to 15 Gigabit", 3.75, 15, [2500, 12000, 10000, 40000], 27, "hed"],
      ["4xlarge", 16, 16, "1-16", 64, 8, 30, "Up to 15 Gigabit", 7.5, 15, [5000, 20000, 10000, 40000], 27, "hed"],
      ["8xlarge", 32, 32, "1-32", 128, 8, 30, "15 Gigabit", 15, 15, [10000, 40000, 10000, 40000], 27, "hed"],
      ["12xlarge", 48, 48, "1-48", 192, 8, 30, "22.5 Gigabit", 22.5, 22.5, [15000, 60000, 15000, 60000], 27, "esd"],
      ["16xlarge", 64, 64, "1-64", 256, 15, 50, "30 Gigabit", 30, 30, [20000, 80000, 20000, 80000], 27, "efsd"],
      ["metal", 64, 64, "", 256, 15, 50, "30 Gigabit", 30, 30, [20000, 80000, 20000, 80000], 31, "fsd"],
    ],
  },
  c5: {
    arch: "x86_64",
    maker: "Intel",
    clock: 3.4,
    current: false,
    sizes: [
      ["large", 2, 1, "1", 4, 3, 10, "Up to 10 Gigabit", 0.75, 10, [650, 4000, 4750, 20000], 27, "hd"],
      ["xlarge", 4, 2, "2", 8, 4, 15, "Up to 10 Gigabit", 1.25, 10, [1150, 6000, 4750, 20000], 27, "hed"],
      ["2xlarge", 8, 4, "2-4/2", 16, 4, 15, "Up to 10 Gigabit", 2.5, 10, [2300, 10000, 4750, 20000], 27, "hed"],
      ["4xlarge", 16, 8, "2-8/2", 32, 8, 30, "Up to 10 Gigabit", 5, 10, [4750, 20000, 4750, 20000], 27, "hed"],
      ["9xlarge", 36, 18, "2-18/2", 72, 8, 30, "12 Gigabit", 12, 12, [9500, 40000, 9500, 40000], 27, "hed"],
      ["12xlarge", 48, 24, "2-24/2", 96, 8, 30, "12 Gigabit", 12, 12, [9500, 40000, 9500, 40000], 27, "hed", { clock: 3.6 }],
      ["18xlarge", 72, 36, "4-36/2", 144, 15, 50, "25 Gigabit", 25, 25, [19000, 80000, 19000, 80000], 27, "hed"],
      ["24xlarge", 96, 48, "2-48/2", 192, 15, 50, "25 Gigabit", 25, 25, [19000, 80000, 19000, 80000], 27, "e", { clock: 3.6 }],
      ["metal", 96, 48, "", 192, 15, 50, "25 Gigabit", 25, 25, [19000, 80000, 19000, 80000], 31, "", { clock: 3.6 }],
    ],
  },
  c6i: {
    arch: "x86_64",
    maker: "Intel",
    clock: 3.5,
    current: true,
    inTransit: true,
    flexibleQueues: true,
    sizes: [
      ["large", 2, 1, "1", 4, 3, 10, "Up to 12.5 Gigabit", 0.781, 12.5, [650, 3600, 10000, 40000], 27, "hd"],
      ["xlarge", 4, 2, "1-2", 8, 4, 15, "Up to 12.5 Gigabit", 1.562, 12.5, [1250, 6000, 10000, 40000], 27, "hed"],
      ["2xlarge", 8, 4, "2-4/2", 16, 4, 15, "Up to 12.5 Gigabit", 3.125, 12.5, [2500, 12000, 10000, 40000], 27, "hed"],
      ["4xlarge", 16, 8, "2-8/2", 32, 8, 30, "Up to 12.5 Gigabit", 6.25, 12.5, [5000, 20000, 10000, 40000], 27, "hed"],
      ["8xlarge", 32, 16, "2-16/2", 64, 8, 30, "12.5 Gigabit", 12.5, 12.5, [10000, 40000, 10000, 40000], 27, "hesd"],
      ["12xlarge", 48, 24, "2-24/2", 96, 8, 30, "18.75 Gigabit", 18.75, 18.75, [15000, 60000, 15000, 60000], 27, "hesd"],
      ["16xlarge", 64, 32, "2-32/2", 128, 15, 50, "25 Gigabit", 25, 25, [20000, 80000, 20000, 80000], 27, "hesd"],
      ["24xlarge", 96, 48, "2-48/2", 192, 15, 50, "37.5 Gigabit", 37.5, 37.5, [30000, 120000, 30000, 120000], 27, "esd"],
      ["32xlarge", 128, 64, "2-64/2", 256, 15, 50, "50 Gigabit", 50, 50, [40000, 160000, 40000, 160000], 27, "efsd"],
      ["metal", 128, 64, "", 256, 15, 50, "50 Gigabit", 50, 50, [40000, 160000, 40000, 160000], 31, "fsd"],
    ],
  },
  c7g: {
    arch: "arm64",
    maker: "AWS",
    clock: 2.6,
    current: true,
    inTransit: true,
    sizes: [
      ["medium", 1, 1, "", 2, 2, 4, "Up to 12.5 Gigabit", 0.52, 12.5, [315, 2500, 10000, 40000], 27, "hd"],
      ["large", 2, 2, "1-2", 4, 3, 10, "Up to 12.5 Gigabit", 0.937, 12.5, [630, 3600, 10000, 40000], 27, "hed"],
      ["xlarge", 4, 4, "1-4", 8, 4, 15, "Up to 12.5 Gigabit", 1.876, 12.5, [1250, 6000, 10000, 40000], 27, "hed"],
      ["2xlarge", 8, 8, "1-8", 16, 4, 15, "Up to 15 Gigabit", 3.75, 15, [2500, 12000, 10000, 40000], 27, "hed"],
      ["4xlarge", 16, 16, "1-16", 32, 8, 30, "Up to 15 Gigabit", 7.5, 15, [5000, 20000, 10000, 40000], 27, "hed"],
      ["8xlarge", 32, 32, "1-32", 64, 8, 30, "15 Gigabit", 15, 15, [10000, 40000, 10000, 40000], 27, "hed"],
      ["12xlarge", 48, 48, "1-48", 96, 8, 30, "22.5 Gigabit", 22.5, 22.5, [15000, 60000, 15000, 60000], 27, "hesd"],
      ["16xlarge", 64, 64, "1-64", 128, 15, 50, "30 Gigabit", 30, 30, [20000, 80000, 20000, 80000], 27, "hefsd"],
      ["metal", 64, 64, "", 128, 15, 50, "30 Gigabit", 30, 30, [20000, 80000, 20000, 80000], 31, "fsd"],
    ],
  },
  r5: {
    arch: "x86_64",
    maker: "Intel",
    clock: 3.1,
    current: false,
    sizes: [
      ["large", 2, 1, "1", 16, 3, 10, "Up to 10 Gigabit", 0.75, 10, [650, 3600, 4750, 18750], 27, "hd"],
      ["xlarge", 4, 2, "2", 32, 4, 15, "Up to 10 Gigabit", 1.25, 10, [1150, 6000, 4750, 18750], 27, "hed"],
      ["2xlarge", 8, 4, "2-4/2", 64, 4, 15, "Up to 10 Gigabit", 2.5, 10, [2300, 12000, 4750, 18750], 27, "hed"],
      ["4xlarge", 16, 8, "2-8/2", 128, 8, 30, "Up to 10 Gigabit", 5, 10, [4750, 18750, 4750, 18750], 27, "hed"],
      ["8xlarge", 32, 16, "2-16/2", 256, 8, 30, "10 Gigabit", 10, 10, [6800, 30000, 6800, 30000], 27, "ed"],
      ["12xlarge", 48, 24, "2-24/2", 384, 8, 30, "12 Gigabit", 12, 12, [9500, 40000, 9500, 40000], 27, "ed"],
      ["16xlarge", 64, 32, "2-32/2", 512, 15, 50, "20 Gigabit", 20, 20, [13600, 60000, 13600, 60000], 27, "ed"],
      ["24xlarge", 96, 48, "4-48/2", 768, 15, 50, "25 Gigabit", 25, 25, [19000, 80000, 19000, 80000], 27, "ed"],
      ["metal", 96, 48, "", 768, 15, 50, "25 Gigabit", 25, 25, [19000, 80000, 19000, 80000], 31, "d"],
    ],
  },
  r6i: {
    arch: "x86_64",
    maker: "Intel",
    clock: 3.5,
    current: false,
    inTransit: true,
    flexibleQueues: true,
    sizes: [
      ["large", 2, 1, "1", 16, 3, 10, "Up to 12.5 Gigabit", 0.781, 12.5, [650, 3600, 10000, 40000], 27, "d"],
      ["xlarge", 4, 2, "1-2", 32, 4, 15, "Up to 12.5 Gigabit", 1.562, 12.5, [1250, 6000, 10000, 40000], 27, "ed"],
      ["2xlarge", 8, 4, "2-4/2", 64, 4, 15, "Up to 12.5 Gigabit", 3.125, 12.5, [2500, 12000, 10000, 40000], 27, "ed"],
      ["4xlarge", 16, 8, "2-8/2", 128, 8, 30, "Up to 12.5 Gigabit", 6.25, 12.5, [5000, 20000, 10000, 40000], 27, "ed"],
      ["8xlarge", 32, 16, "2-16/2", 256, 8, 30, "12.5 Gigabit", 12.5, 12.5, [10000, 40000, 10000, 40000], 27, "esd"],
      ["12xlarge", 48, 24, "2-24/2", 384, 8, 30, "18.75 Gigabit", 18.75, 18.75, [15000, 60000, 15000, 60000], 27, "esd"],
      ["16xlarge", 64, 32, "2-32/2", 512, 15, 50, "25 Gigabit", 25, 25, [20000, 80000, 20000, 80000], 27, "esd"],
      ["24xlarge", 96, 48, "2-48/2", 768, 15, 50, "37.5 Gigabit", 37.5, 37.5, [30000, 120000, 30000, 120000], 27, "esd"],
      ["32xlarge", 128, 64, "2-64/2", 1024, 15, 50, "50 Gigabit", 50, 50, [40000, 160000, 40000, 160000], 27, "efsd"],
      ["metal", 128, 64, "", 1024, 15, 50, "50 Gigabit", 50, 50, [40000, 160000, 40000, 160000], 31, "fsd"],
    ],
  },
  g4dn: {
    arch: "x86_64",
    maker: "Intel",
    clock: 2.5,
    current: true,
    inTransit: true,
    noRecovery: true,
    gpu: { name: "T4", maker: "NVIDIA", mib: 16384 },
    sizes: [
      ["xlarge", 4, 2, "2", 16, 3, 10, "Up to 25 Gigabit", 5, 25, [950, 3000, 3500, 20000], 25, "e", { gpus: 1, disks: [1, 125] }],
      ["2xlarge", 8, 4, "2-4/2", 32, 3, 10, "Up to 25 Gigabit", 10, 25, [1150, 6000, 3500, 20000], 25, "e", { gpus: 1, disks: [1, 225] }],
      ["4xlarge", 16, 8, "2-8/2", 64, 3, 10, "Up to 25 Gigabit", 20, 25, [4750, 20000, 4750, 20000], 25, "e", { gpus: 1, disks: [1, 225] }],
      ["8xlarge", 32, 16, "2-16/2", 128, 4, 15, "50 Gigabit", 50, 50, [9500, 40000, 9500, 40000], 25, "ef", { gpus: 1, disks: [1, 900] }],
      ["12xlarge", 48, 24, "2-24/2", 192, 8, 30, "50 Gigabit", 50, 50, [9500, 40000, 9500, 40000], 22, "efd", { gpus: 4, disks: [1, 900] }],
      ["16xlarge", 64, 32, "2-32/2", 256, 4, 15, "50 Gigabit", 50, 50, [9500, 40000, 9500, 40000], 25, "ef", { gpus: 1, disks: [1, 900] }],
      ["metal", 96, 48, "", 384, 15, 50, "100 Gigabit", 100, 100, [19000, 80000, 19000, 80000], 31, "fd", { gpus: 8, disks: [2, 900] }],
    ],
  },
  g5: {
    arch: "x86_64",
    maker: "AMD",
    clock: 3.3,
    current: false,
    inTransit: true,
    noRecovery: true,
    gpu: { name: "A10G", maker: "NVIDIA", mib: 22888 },
    sizes: [
      ["xlarge", 4, 2, "", 16, 4, 15, "Up to 10 Gigabit", 2.5, 10, [700, 3000, 3500, 15000], 25, "e", { gpus: 1, disks: [1, 250] }],
      ["2xlarge", 8, 4, "", 32, 4, 15, "Up to 10 Gigabit", 5, 10, [850, 3500, 3500, 15000], 25, "e", { gpus: 1, disks: [1, 450] }],
      ["4xlarge", 16, 8, "", 64, 8, 30, "Up to 25 Gigabit", 10, 25, [4750, 20000, 4750, 20000], 25, "e", { gpus: 1, disks: [1, 600] }],
      ["8xlarge", 32, 16, "", 128, 8, 30, "25 Gigabit", 25, 25, [16000, 65000, 16000, 65000], 25, "ef", { gpus: 1, disks: [1, 900] }],
      ["12xlarge", 48, 24, "", 192, 15, 50, "40 Gigabit", 40, 40, [16000, 65000, 16000, 65000], 22, "ef", { gpus: 4, disks: [1, 3800] }],
      ["16xlarge", 64, 32, "", 256, 8, 30, "25 Gigabit", 25, 25, [16000, 65000, 16000, 65000], 25, "ef", { gpus: 1, disks: [1, 1900] }],
      ["24xlarge", 96, 48, "", 384, 15, 50, "50 Gigabit", 50, 50, [19000, 80000, 19000, 80000], 22, "efd", { gpus: 4, disks: [1, 3800] }],
      ["48xlarge", 192, 96, "", 768, 7, 50, "100 Gigabit", 100, 100, [19000, 80000, 19000, 80000], 9, "efd", { gpus: 8, disks: [2, 3800] }],
    ],
  },
};

function coreList(spec: string): number[] | undefined {
  if (!spec) return undefined;
  const m = /^(\d+)(?:-(\d+)(?:\/(\d+))?)?$/.exec(spec)!;
  const [from, to, step] = [Number(m[1]), Number(m[2] ?? m[1]), Number(m[3] ?? 1)];
  return Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
}

function info(familyName: string, f: Family, row: Size): InstanceTypeInfo {
  const [size, vcpus, cores, validCores, gib, interfaces, ipv4, performance, baseline, peak, ebs, attachments, flags, extra = {}] = row;
  const has = (flag: string) => flags.includes(flag);
  const metal = size.startsWith("metal");
  const valid = coreList(validCores);
  const disks = extra.disks;
  const gpus = f.gpu && extra.gpus;
  return {
    InstanceType: `${familyName}.${size}` as InstanceTypeInfo["InstanceType"],
    CurrentGeneration: f.current,
    FreeTierEligible: has("F"),
    SupportedUsageClasses: has("o") ? ["on-demand"] : ["on-demand", "spot"],
    SupportedRootDeviceTypes: ["ebs"],
    SupportedVirtualizationTypes: ["hvm"],
    BareMetal: metal,
    Hypervisor: metal ? undefined : f.xen ? "xen" : "nitro",
    ProcessorInfo: {
      SupportedArchitectures: has("3") ? ["i386", f.arch] : [f.arch],
      SustainedClockSpeedInGhz: extra.clock ?? f.clock,
      SupportedFeatures: f.nested && !metal ? ["nested-virtualization"] : undefined,
      Manufacturer: f.maker,
    },
    VCpuInfo: {
      DefaultVCpus: vcpus,
      DefaultCores: cores,
      DefaultThreadsPerCore: vcpus / cores,
      ValidCores: valid,
      ValidThreadsPerCore: valid && (f.arch === "arm64" ? [1] : [1, 2]),
    },
    MemoryInfo: { SizeInMiB: gib * 1024 },
    InstanceStorageSupported: disks !== undefined,
    InstanceStorageInfo: disks && {
      TotalSizeInGB: disks[0] * disks[1],
      Disks: [{ SizeInGB: disks[1], Count: disks[0], Type: "ssd" }],
      NvmeSupport: "required",
      EncryptionSupport: "required",
    },
    EbsInfo: {
      EbsOptimizedSupport: f.xen ? "unsupported" : "default",
      EncryptionSupport: "supported",
      EbsOptimizedInfo: ebs
        ? {
            BaselineBandwidthInMbps: ebs[0],
            BaselineThroughputInMBps: ebs[0] / 8,
            BaselineIops: ebs[1],
            MaximumBandwidthInMbps: ebs[2],
            MaximumThroughputInMBps: ebs[2] / 8,
            MaximumIops: ebs[3],
          }
        : undefined,
      NvmeSupport: f.xen ? "unsupported" : "required",
      MaximumEbsAttachments: attachments,
      AttachmentLimitType: f.dedicatedEbs ? "dedicated" : "shared",
    },
    NetworkInfo: {
      NetworkPerformance: performance,
      MaximumNetworkInterfaces: interfaces,
      MaximumNetworkCards: 1,
      DefaultNetworkCardIndex: 0,
      NetworkCards: [
        {
          NetworkCardIndex: 0,
          NetworkPerformance: performance,
          MaximumNetworkInterfaces: interfaces,
          BaselineBandwidthInGbps: baseline,
          PeakBandwidthInGbps: peak,
        },
      ],
      Ipv4AddressesPerInterface: ipv4,
      Ipv6AddressesPerInterface: ipv4,
      Ipv6Supported: true,
      EnaSupport: f.xen ? "unsupported" : "required",
      EfaSupported: has("f"),
      EfaInfo: has("f") ? { MaximumEfaInterfaces: 1 } : undefined,
      EncryptionInTransitSupported: f.inTransit === true,
      EnaSrdSupported: has("s"),
      FlexibleEnaQueuesSupport: f.flexibleQueues && !metal ? "supported" : "unsupported",
      ConnectionTrackingConfiguration: { DefaultTcpEstablishedTimeout: 432000, DefaultUdpTimeout: 30, DefaultUdpStreamTimeout: 180 },
      SecondaryNetworkSupported: false,
    },
    GpuInfo:
      f.gpu && gpus
        ? {
            Gpus: [
              {
                Name: f.gpu.name,
                Manufacturer: f.gpu.maker,
                Count: gpus,
                LogicalGpuCount: gpus,
                GpuPartitionSize: 1,
                Workloads: ["ml-ai", "graphics"],
                MemoryInfo: { SizeInMiB: f.gpu.mib },
              },
            ],
            TotalGpuMemoryInMiB: gpus * f.gpu.mib,
          }
        : undefined,
    PlacementGroupInfo: { SupportedStrategies: f.burstable ? ["partition", "spread"] : ["cluster", "partition", "spread"] },
    HibernationSupported: has("h"),
    BurstablePerformanceSupported: f.burstable === true,
    DedicatedHostsSupported: has("d"),
    AutoRecoverySupported: !f.noRecovery,
    SupportedBootModes: f.xen || (metal && f.arch === "x86_64") ? ["legacy-bios"] : f.arch === "arm64" ? ["uefi"] : ["legacy-bios", "uefi"],
    NitroEnclavesSupport: has("e") ? "supported" : "unsupported",
    NitroTpmSupport: f.xen || metal ? "unsupported" : "supported",
    NitroTpmInfo: f.xen || metal ? undefined : { SupportedVersions: ["2.0"] },
    PhcSupport: f.phc ? "supported" : "unsupported",
    RebootMigrationSupport: f.noRecovery ? "unsupported" : "supported",
    SupportedInRegion: true,
  };
}

let all: readonly InstanceTypeInfo[] | undefined;
let byName: Map<string, InstanceTypeInfo> | undefined;

/** Every instance type of the catalog, sorted by name (the order pages follow); made on first use, not at start-up. */
export function instanceTypes(): readonly InstanceTypeInfo[] {
  all ??= Object.entries(FAMILIES)
    .flatMap(([name, f]) => f.sizes.map((row) => info(name, f, row)))
    .sort((a, b) => (a.InstanceType! < b.InstanceType! ? -1 : 1));
  return all;
}

/** The catalog's description of an instance type, or undefined for a type imagelite does not know. */
export function instanceTypeInfo(name: string): InstanceTypeInfo | undefined {
  byName ??= new Map(instanceTypes().map((t) => [t.InstanceType as string, t]));
  return byName.get(name);
}

/** Its family's name: "m5" for m5.large. */
export const familyOf = (name: string): string => name.split(".")[0];
