// Instance types through the AWS SDK: DescribeInstanceTypes from the catalog (what Terraform's aws_instance reads
// after each create and read, and the aws_ec2_instance_type(s) data sources), with every filter the API documents
// and EC2's pages; DescribeInstanceTypeOfferings by Region, zone and zone id; DescribeSpotPriceHistory as Packer's
// spot_price "auto" asks it, deterministic and paged; RunInstances refusing a type of another architecture.
import { beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstanceTypesCommand,
  DescribeSpotPriceHistoryCommand,
  RunInstancesCommand,
  type DescribeInstanceTypeOfferingsCommandInput,
  type DescribeInstanceTypesCommandInput,
  type DescribeSpotPriceHistoryCommandInput,
  type EC2Client,
  type InstanceTypeInfo,
  type SpotPrice,
  type _InstanceType,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { vcpusOf } from "../../src/services/ec2/instances/type-capacity";
import { ACCOUNT_A, rejection, TEST_START, useServer } from "../support/server";
import { registerAmi, settle } from "./helpers";

let server: Imagelite;
let ec2: EC2Client;
let west: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  ec2 = fx.ec2(ACCOUNT_A);
  west = fx.ec2(ACCOUNT_A, "eu-west-1");
});

const HOUR = 3_600_000;
const CATALOG_SIZE = 129;

/** Every page of DescribeInstanceTypes. */
async function allTypes(input: DescribeInstanceTypesCommandInput = {}, client = ec2): Promise<InstanceTypeInfo[]> {
  const out: InstanceTypeInfo[] = [];
  let NextToken: string | undefined;
  do {
    const r = await client.send(new DescribeInstanceTypesCommand({ ...input, NextToken }));
    out.push(...r.InstanceTypes!);
    NextToken = r.NextToken;
  } while (NextToken);
  return out;
}

const names = (types: InstanceTypeInfo[]) => types.map((t) => t.InstanceType!).sort();
const one = async (name: string) =>
  (await ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: [name as _InstanceType] }))).InstanceTypes![0];
const filtered = async (name: string, ...values: string[]) => names(await allTypes({ Filters: [{ Name: name, Values: values }] }));

describe("DescribeInstanceTypes", () => {
  test("t3.micro as EC2 describes it: 2 vCPUs on 1 core, 1 GiB, Nitro, burstable, in the Free Tier", async () => {
    const t = await one("t3.micro");
    assert.equal(t.InstanceType, "t3.micro");
    assert.deepEqual(t.VCpuInfo, {
      DefaultVCpus: 2,
      DefaultCores: 1,
      DefaultThreadsPerCore: 2,
      ValidCores: [1],
      ValidThreadsPerCore: [1, 2],
    });
    assert.deepEqual(t.MemoryInfo, { SizeInMiB: 1024 });
    assert.deepEqual(t.ProcessorInfo, { SupportedArchitectures: ["x86_64"], SustainedClockSpeedInGhz: 2.5, Manufacturer: "Intel" });
    assert.equal(t.Hypervisor, "nitro");
    assert.equal(t.BareMetal, false);
    assert.equal(t.BurstablePerformanceSupported, true);
    assert.equal(t.FreeTierEligible, true);
    assert.equal(t.CurrentGeneration, true);
    assert.deepEqual(t.SupportedUsageClasses, ["on-demand", "spot"]);
    assert.deepEqual(t.SupportedRootDeviceTypes, ["ebs"]);
    assert.deepEqual(t.SupportedVirtualizationTypes, ["hvm"]);
    assert.deepEqual(t.SupportedBootModes, ["legacy-bios", "uefi"]);
    assert.equal(t.InstanceStorageSupported, false);
    assert.equal(t.EbsInfo!.EbsOptimizedSupport, "default");
    assert.equal(t.EbsInfo!.NvmeSupport, "required");
    assert.equal(t.EbsInfo!.EncryptionSupport, "supported");
    assert.deepEqual(t.EbsInfo!.EbsOptimizedInfo, {
      BaselineBandwidthInMbps: 87,
      BaselineThroughputInMBps: 10.875,
      BaselineIops: 500,
      MaximumBandwidthInMbps: 2085,
      MaximumThroughputInMBps: 260.625,
      MaximumIops: 11800,
    });
    const n = t.NetworkInfo!;
    assert.equal(n.NetworkPerformance, "Up to 5 Gigabit");
    assert.equal(n.EnaSupport, "required");
    assert.equal(n.MaximumNetworkInterfaces, 2);
    assert.equal(n.Ipv4AddressesPerInterface, 2);
    assert.equal(n.Ipv6AddressesPerInterface, 2);
    assert.equal(n.Ipv6Supported, true);
    assert.deepEqual(n.NetworkCards, [
      {
        NetworkCardIndex: 0,
        NetworkPerformance: "Up to 5 Gigabit",
        MaximumNetworkInterfaces: 2,
        BaselineBandwidthInGbps: 0.064,
        PeakBandwidthInGbps: 5,
      },
    ]);
    assert.equal(t.NitroTpmSupport, "supported");
    assert.deepEqual(t.PlacementGroupInfo!.SupportedStrategies, ["partition", "spread"]);
  });

  test("the other generations: t2 on Xen, Graviton UEFI only, bare metal without a hypervisor, GPUs with NVMe instance store", async () => {
    const t2 = await one("t2.micro");
    assert.equal(t2.Hypervisor, "xen");
    assert.deepEqual(t2.SupportedBootModes, ["legacy-bios"]);
    assert.deepEqual(t2.ProcessorInfo!.SupportedArchitectures, ["i386", "x86_64"]);
    assert.equal(t2.NetworkInfo!.EnaSupport, "unsupported");
    assert.equal(t2.EbsInfo!.EbsOptimizedSupport, "unsupported");
    assert.equal(t2.EbsInfo!.EbsOptimizedInfo, undefined);
    assert.equal(t2.NitroTpmSupport, "unsupported");
    assert.deepEqual(t2.VCpuInfo, { DefaultVCpus: 1, DefaultCores: 1, DefaultThreadsPerCore: 1 });
    assert.deepEqual((await one("t2.nano")).SupportedUsageClasses, ["on-demand"]);

    const graviton = await one("t4g.small");
    assert.deepEqual(graviton.ProcessorInfo!.SupportedArchitectures, ["arm64"]);
    assert.equal(graviton.ProcessorInfo!.Manufacturer, "AWS");
    assert.deepEqual(graviton.SupportedBootModes, ["uefi"]);
    assert.deepEqual(graviton.VCpuInfo!.ValidThreadsPerCore, [1]);
    assert.equal(graviton.MemoryInfo!.SizeInMiB, 2048);

    const metal = await one("m5.metal");
    assert.equal(metal.BareMetal, true);
    assert.equal(metal.Hypervisor, undefined);
    assert.equal(metal.VCpuInfo!.DefaultVCpus, 96);
    assert.equal(metal.VCpuInfo!.ValidCores, undefined);
    assert.deepEqual(metal.SupportedBootModes, ["legacy-bios"]);

    const gpu = await one("g4dn.xlarge");
    assert.equal(gpu.InstanceStorageSupported, true);
    assert.deepEqual(gpu.InstanceStorageInfo, {
      TotalSizeInGB: 125,
      Disks: [{ SizeInGB: 125, Count: 1, Type: "ssd" }],
      NvmeSupport: "required",
      EncryptionSupport: "required",
    });
    assert.equal(gpu.GpuInfo!.Gpus![0].Name, "T4");
    assert.equal(gpu.GpuInfo!.TotalGpuMemoryInMiB, 16384);
    const g5 = await one("g5.48xlarge");
    assert.equal(g5.VCpuInfo!.DefaultVCpus, 192);
    assert.equal(g5.InstanceStorageInfo!.TotalSizeInGB, 7600);
    assert.equal(g5.GpuInfo!.Gpus![0].Count, 8);
    assert.equal(g5.ProcessorInfo!.Manufacturer, "AMD");
  });

  test("every family in its usual sizes, in every Region, named as asked", async () => {
    const all = await allTypes();
    assert.equal(all.length, CATALOG_SIZE);
    const families = [...new Set(all.map((t) => t.InstanceType!.split(".")[0]))].sort();
    assert.deepEqual(families, ["c5", "c6i", "c7g", "g4dn", "g5", "m5", "m6i", "m7g", "m7i", "r5", "r6i", "t2", "t3", "t3a", "t4g"]);
    assert.deepEqual(names(await allTypes({}, west)), names(all));
    const r = await ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: ["m7i.large", "c7g.medium"] }));
    assert.deepEqual(names(r.InstanceTypes!), ["c7g.medium", "m7i.large"]);
    assert.equal(r.NextToken, undefined);
  });

  test("a type EC2 does not have in the Region, or a name that is no type, is InvalidInstanceType", async () => {
    for (const asked of [["a1.medium"], ["t3.micro", "x1e.xlarge"], ["t3.micro", "no.such"]]) {
      const e = await rejection(() => ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: asked as _InstanceType[] })));
      assert.equal(e.name, "InvalidInstanceType");
      assert.equal(e.message, `The following supplied instance types do not exist: [${asked.slice(asked.length > 1 ? 1 : 0).join(", ")}]`);
    }
  });

  test("pages: 100 without MaxResults, MaxResults 5-100, tokens that never repeat or skip a type", async () => {
    const first = await ec2.send(new DescribeInstanceTypesCommand({}));
    assert.equal(first.InstanceTypes!.length, 100);
    assert.ok(first.NextToken);
    const small: InstanceTypeInfo[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const r = await ec2.send(new DescribeInstanceTypesCommand({ MaxResults: 5, NextToken }));
      assert.ok(r.InstanceTypes!.length <= 5);
      small.push(...r.InstanceTypes!);
      NextToken = r.NextToken;
      pages++;
    } while (NextToken);
    assert.equal(pages, Math.ceil(CATALOG_SIZE / 5));
    assert.deepEqual(
      small.map((t) => t.InstanceType),
      names(small),
    );
    assert.equal(new Set(small.map((t) => t.InstanceType)).size, CATALOG_SIZE);
    for (const MaxResults of [4, 101]) {
      const e = await rejection(() => ec2.send(new DescribeInstanceTypesCommand({ MaxResults })));
      assert.equal(e.name, "InvalidParameterValue");
    }
    const e = await rejection(() => ec2.send(new DescribeInstanceTypesCommand({ NextToken: "forged" })));
    assert.equal(e.name, "InvalidNextToken");
  });

  test("filters: architecture, generation, sizes, burstable, free tier, hypervisor, storage, wildcards", async () => {
    const arm = await filtered("processor-info.supported-architecture", "arm64");
    assert.ok(arm.length > 0 && arm.every((n) => /^(t4g|m7g|c7g)\./.test(n)));
    assert.equal(arm.length, 7 + 9 + 9);
    assert.deepEqual(await filtered("memory-info.size-in-mib", "1024"), ["t2.micro", "t3.micro", "t3a.micro", "t4g.micro"]);
    assert.deepEqual(await filtered("free-tier-eligible", "true"), ["t3.micro", "t3.small", "t4g.micro", "t4g.small"]);
    assert.deepEqual(await filtered("hypervisor", "xen"), [
      "t2.2xlarge",
      "t2.large",
      "t2.medium",
      "t2.micro",
      "t2.nano",
      "t2.small",
      "t2.xlarge",
    ]);
    assert.equal((await filtered("burstable-performance-supported", "true")).length, 28);
    assert.ok((await filtered("instance-storage-supported", "true")).every((n) => /^g(4dn|5)\./.test(n)));
    assert.deepEqual(await filtered("bare-metal", "true"), [
      "c5.metal",
      "c6i.metal",
      "c7g.metal",
      "g4dn.metal",
      "m5.metal",
      "m6i.metal",
      "m7g.metal",
      "m7i.metal-24xl",
      "m7i.metal-48xl",
      "r5.metal",
      "r6i.metal",
    ]);
    assert.ok((await filtered("current-generation", "false")).every((n) => /^(m5|m6i|c5|r5|r6i|g5)\./.test(n)));
    assert.deepEqual(await filtered("instance-type", "c7g.*xlarge"), [
      "c7g.12xlarge",
      "c7g.16xlarge",
      "c7g.2xlarge",
      "c7g.4xlarge",
      "c7g.8xlarge",
      "c7g.xlarge",
    ]);
    assert.deepEqual(await filtered("vcpu-info.default-vcpus", "192"), ["g5.48xlarge", "m7i.48xlarge", "m7i.metal-48xl"]);
    assert.deepEqual(await filtered("supported-usage-class", "on-demand"), names(await allTypes()));
    assert.ok(!(await filtered("supported-usage-class", "spot")).includes("t2.nano"));
    assert.deepEqual(await filtered("processor-info.sustained-clock-speed-in-ghz", "2.4"), ["t2.nano"]);
    assert.deepEqual(
      await filtered("network-info.efa-supported", "true"),
      await filtered("network-info.efa-info.maximum-efa-interfaces", "1"),
    );
    // Filters are ANDed, the values of one ORed, and a filter goes with named types.
    const both = await allTypes({
      Filters: [
        { Name: "processor-info.supported-architecture", Values: ["arm64"] },
        { Name: "vcpu-info.default-vcpus", Values: ["1", "64"] },
      ],
    });
    assert.deepEqual(names(both), ["c7g.16xlarge", "c7g.medium", "c7g.metal", "m7g.16xlarge", "m7g.medium", "m7g.metal"]);
    const named = await ec2.send(
      new DescribeInstanceTypesCommand({
        InstanceTypes: ["t3.micro", "t4g.micro"],
        Filters: [{ Name: "supported-boot-mode", Values: ["legacy-bios"] }],
      }),
    );
    assert.deepEqual(names(named.InstanceTypes!), ["t3.micro"]);
    const e = await rejection(() => ec2.send(new DescribeInstanceTypesCommand({ Filters: [{ Name: "colour", Values: ["red"] }] })));
    assert.equal(e.name, "InvalidParameterValue");
    assert.equal(e.message, "The filter 'colour' is invalid");
  });

  test("every filter the API reference documents is served", { timeout: 60_000 }, async () => {
    for (const [op, send] of [
      [
        "DescribeInstanceTypes",
        (Name: string) => ec2.send(new DescribeInstanceTypesCommand({ Filters: [{ Name, Values: ["*"] }], MaxResults: 5 })),
      ],
      [
        "DescribeInstanceTypeOfferings",
        (Name: string) => ec2.send(new DescribeInstanceTypeOfferingsCommand({ Filters: [{ Name, Values: ["*"] }], MaxResults: 5 })),
      ],
      [
        "DescribeSpotPriceHistory",
        (Name: string) => ec2.send(new DescribeSpotPriceHistoryCommand({ Filters: [{ Name, Values: ["*"] }], MaxResults: 5 })),
      ],
    ] as const) {
      const documented = documentedFilters(op);
      assert.ok(documented.length > 0, op);
      for (const name of documented) await send(name);
    }
  });
});

/** The filter names botocore's documentation of an operation lists (the API reference's). */
function documentedFilters(operation: string): string[] {
  const script = [
    "import botocore.session, json, re, sys",
    "doc = botocore.session.get_session().get_service_model('ec2').operation_model(sys.argv[1]).input_shape.members['Filters'].documentation",
    "print(json.dumps(re.findall(r'<li>\\s*<p>\\s*<code>([a-z0-9.\\-]+)</code>', doc)))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", script, operation], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as string[];
}

describe("DescribeInstanceTypeOfferings", () => {
  const offerings = async (input: DescribeInstanceTypeOfferingsCommandInput, client = ec2) =>
    (await client.send(new DescribeInstanceTypeOfferingsCommand(input))).InstanceTypeOfferings!;

  test("by Region (the default), by zone and by zone id", async () => {
    const region = await offerings({});
    assert.equal(region.length, CATALOG_SIZE);
    assert.ok(region.every((o) => o.LocationType === "region" && o.Location === "us-east-1"));
    const zones = await offerings({ LocationType: "availability-zone" });
    assert.equal(zones.length, CATALOG_SIZE * 6);
    assert.deepEqual(
      [...new Set(zones.map((o) => o.Location))],
      ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"],
    );
    const ids = await offerings({ LocationType: "availability-zone-id" }, west);
    assert.deepEqual([...new Set(ids.map((o) => o.Location))], ["euw1-az1", "euw1-az2", "euw1-az3"]);
    assert.deepEqual(await offerings({ LocationType: "outpost" }), []);
    assert.deepEqual((await offerings({}, west)).map((o) => o.Location)[0], "eu-west-1");
  });

  test("filters by location and instance type, and pages of 5-1000", async () => {
    const found = await offerings({
      LocationType: "availability-zone",
      Filters: [
        { Name: "location", Values: ["us-east-1b"] },
        { Name: "instance-type", Values: ["t3.micro", "g5.*"] },
      ],
    });
    assert.equal(found.length, 9);
    assert.ok(found.every((o) => o.Location === "us-east-1b"));
    assert.deepEqual(await offerings({ Filters: [{ Name: "location", Values: ["us-east-1a"] }] }), []);
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const r = await ec2.send(
        new DescribeInstanceTypeOfferingsCommand({ LocationType: "availability-zone-id", MaxResults: 100, NextToken }),
      );
      seen.push(...r.InstanceTypeOfferings!.map((o) => `${o.Location} ${o.InstanceType}`));
      NextToken = r.NextToken;
    } while (NextToken);
    assert.equal(seen.length, CATALOG_SIZE * 6);
    assert.equal(new Set(seen).size, seen.length);
    const e = await rejection(() => ec2.send(new DescribeInstanceTypeOfferingsCommand({ MaxResults: 1001 })));
    assert.equal(e.name, "InvalidParameterValue");
  });
});

describe("DescribeSpotPriceHistory", () => {
  const history = async (input: DescribeSpotPriceHistoryCommandInput = {}, client = ec2): Promise<SpotPrice[]> => {
    const out: SpotPrice[] = [];
    let NextToken: string | undefined;
    do {
      const r = await client.send(new DescribeSpotPriceHistoryCommand({ ...input, NextToken }));
      out.push(...r.SpotPriceHistory!);
      NextToken = r.NextToken;
    } while (NextToken);
    return out;
  };

  test('Packer\'s spot_price auto: one type and product, AvailabilityZone "", an hour back: a price in every zone', async () => {
    const now = server.clock.now().getTime();
    const asked = {
      InstanceTypes: ["t3.micro" as const],
      ProductDescriptions: ["Linux/UNIX"],
      AvailabilityZone: "",
      StartTime: new Date(now - HOUR),
    };
    const prices = await history(asked);
    assert.deepEqual(
      [...new Set(prices.map((p) => p.AvailabilityZone))].sort(),
      ["a", "b", "c", "d", "e", "f"].map((z) => `us-east-1${z}`),
    );
    for (const p of prices) {
      assert.equal(p.InstanceType, "t3.micro");
      assert.equal(p.ProductDescription, "Linux/UNIX");
      assert.match(p.SpotPrice!, /^0\.\d{6}$/);
      // Below the On-Demand rate of t3.micro (0.0104 an hour), never free.
      assert.ok(Number(p.SpotPrice) > 0 && Number(p.SpotPrice) < 0.0104, p.SpotPrice);
      assert.ok(p.Timestamp!.getTime() <= now && p.Timestamp!.getTime() > now - HOUR - 4 * HOUR);
      assert.match(p.AvailabilityZoneId!, /^use1-az[1-6]$/);
      assert.equal(p.Timestamp!.getUTCMilliseconds(), 0);
    }
    // Each zone: the price in effect an hour ago, and a change since if one happened.
    for (const zone of new Set(prices.map((p) => p.AvailabilityZone))) {
      const mine = prices.filter((p) => p.AvailabilityZone === zone);
      assert.ok(mine.length === 1 || mine.length === 2, `${zone}: ${mine.length}`);
      assert.ok(mine.filter((p) => p.Timestamp!.getTime() <= now - HOUR).length === 1);
    }
    assert.deepEqual(await history(asked), prices);
  });

  test("without times: the current price of each series; Windows only on x86; t2.nano not on Spot", async () => {
    const now = await history({ InstanceTypes: ["m7g.large", "m7i.large"] });
    // 6 zones × (8 product descriptions for x86, 6 without Windows for Graviton).
    assert.equal(now.length, 6 * 8 + 6 * 6);
    assert.ok(!now.some((p) => p.InstanceType === "m7g.large" && p.ProductDescription!.startsWith("Windows")));
    const linux = (t: string) =>
      now.find((p) => p.InstanceType === t && p.ProductDescription === "Linux/UNIX" && p.AvailabilityZone === "us-east-1a")!;
    const windows = now.find(
      (p) => p.InstanceType === "m7i.large" && p.ProductDescription === "Windows" && p.AvailabilityZone === "us-east-1a",
    )!;
    assert.ok(Number(windows.SpotPrice) > Number(linux("m7i.large").SpotPrice));
    assert.deepEqual(await history({ InstanceTypes: ["t2.nano"] }), []);
    assert.deepEqual(await history({ InstanceTypes: ["t4g.micro"], ProductDescriptions: ["Windows"] }), []);
  });

  test("a window returns the changes in it and the price in effect when it opens, the same whatever the clock says later", async () => {
    const StartTime = new Date(TEST_START - 24 * HOUR);
    const EndTime = new Date(TEST_START - 12 * HOUR);
    const asked = {
      InstanceTypes: ["c7g.large" as const],
      ProductDescriptions: ["SUSE Linux"],
      AvailabilityZoneId: "use1-az2",
      StartTime,
      EndTime,
    };
    const window = await history(asked);
    assert.ok(window.every((p) => p.AvailabilityZone === "us-east-1b"));
    // Changes every four hours: three inside twelve hours, and the one before the window opened.
    assert.equal(window.length, 4);
    const times = window.map((p) => p.Timestamp!.getTime());
    assert.deepEqual(
      times,
      [...times].sort((x, y) => y - x),
    );
    assert.equal(times.filter((t) => t <= StartTime.getTime()).length, 1);
    assert.ok(times.every((t) => t <= EndTime.getTime() && t > StartTime.getTime() - 4 * HOUR));
    server.clock.advance(3 * 24 * 3600);
    assert.deepEqual(await history(asked), window);
    // Nothing older than 90 days, nothing in the future, nothing when the window is upside down.
    const old = await history({
      ...asked,
      StartTime: new Date(TEST_START - 200 * 24 * HOUR),
      EndTime: new Date(TEST_START - 100 * 24 * HOUR),
    });
    assert.deepEqual(old, []);
    assert.deepEqual(await history({ ...asked, StartTime: EndTime, EndTime: StartTime }), []);
  });

  test("filters, zones, and pages of at most 1000 that never repeat or skip", async () => {
    const all = await history({ InstanceTypes: ["r6i.large", "r6i.xlarge"] });
    assert.equal(all.length, 2 * 8 * 6);
    const paged: SpotPrice[] = [];
    let NextToken: string | undefined;
    do {
      const r = await ec2.send(
        new DescribeSpotPriceHistoryCommand({ InstanceTypes: ["r6i.large", "r6i.xlarge"], MaxResults: 7, NextToken }),
      );
      assert.ok(r.SpotPriceHistory!.length <= 7);
      paged.push(...r.SpotPriceHistory!);
      NextToken = r.NextToken;
    } while (NextToken);
    assert.deepEqual(paged, all);
    const unpaged = await ec2.send(new DescribeSpotPriceHistoryCommand({}));
    assert.equal(unpaged.SpotPriceHistory!.length, 1000);
    assert.ok(unpaged.NextToken);
    assert.equal((await ec2.send(new DescribeSpotPriceHistoryCommand({ MaxResults: 5000 }))).SpotPriceHistory!.length, 1000);

    const sample = all[3];
    const byPrice = await history({
      Filters: [{ Name: "spot-price", Values: [sample.SpotPrice!] }],
      InstanceTypes: ["r6i.large", "r6i.xlarge"],
    });
    assert.ok(byPrice.some((p) => p.AvailabilityZone === sample.AvailabilityZone && p.ProductDescription === sample.ProductDescription));
    assert.ok(byPrice.every((p) => p.SpotPrice === sample.SpotPrice));
    const stamp = sample.Timestamp!;
    const day = stamp.toUTCString().slice(0, 3);
    const byTime = await history({
      Filters: [{ Name: "timestamp", Values: [`${day} * UTC ${stamp.getUTCFullYear()}`] }],
      InstanceTypes: ["r6i.large"],
    });
    assert.ok(byTime.length > 0);
    const filteredZones = await history({
      Filters: [
        { Name: "availability-zone", Values: ["us-east-1c"] },
        { Name: "product-description", Values: ["Linux/UNIX*"] },
        { Name: "instance-type", Values: ["r6i.*"] },
      ],
    });
    assert.ok(
      filteredZones.length > 0 && filteredZones.every((p) => p.AvailabilityZone === "us-east-1c" && p.InstanceType!.startsWith("r6i.")),
    );
    assert.deepEqual([...new Set(filteredZones.map((p) => p.ProductDescription))].sort(), ["Linux/UNIX", "Linux/UNIX (Amazon VPC)"]);

    const both = await rejection(() =>
      ec2.send(new DescribeSpotPriceHistoryCommand({ AvailabilityZone: "us-east-1a", AvailabilityZoneId: "use1-az1" })),
    );
    assert.equal(both.name, "InvalidParameterCombination");
    const wrong = await rejection(() => ec2.send(new DescribeSpotPriceHistoryCommand({ AvailabilityZone: "eu-west-1a" })));
    assert.equal(wrong.name, "InvalidParameterValue");
    assert.equal(wrong.message, "Invalid availability zone: [eu-west-1a]");
    const small = await rejection(() => ec2.send(new DescribeSpotPriceHistoryCommand({ MaxResults: 4 })));
    assert.equal(small.name, "InvalidParameterValue");
    const filter = await rejection(() => ec2.send(new DescribeSpotPriceHistoryCommand({ Filters: [{ Name: "price", Values: ["1"] }] })));
    assert.equal(filter.message, "The filter 'price' is invalid");
  });
});

describe("RunInstances and the instance type", () => {
  test("a type whose architecture is not the AMI's is refused, as EC2 words it", async () => {
    const arm = await registerAmi(ec2, "arm-image", { Architecture: "arm64" });
    const x86 = await registerAmi(ec2, "x86-image");
    settle(server);
    const run = (ImageId: string, InstanceType: string) =>
      ec2.send(new RunInstancesCommand({ ImageId, InstanceType: InstanceType as _InstanceType, MinCount: 1, MaxCount: 1 }));
    const e = await rejection(() => run(arm, "t3.micro"));
    assert.equal(e.name, "InvalidParameterValue");
    assert.equal(
      e.message,
      "The architecture 'x86_64' of the specified instance type does not match the architecture 'arm64' of the specified AMI. " +
        "Specify an instance type and an AMI that have matching architectures, and try again. " +
        "You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.",
    );
    const back = await rejection(() => run(x86, "m7g.large"));
    assert.match(back.message, /^The architecture 'arm64' of the specified instance type does not match the architecture 'x86_64'/);
    assert.equal((await run(arm, "t4g.micro")).Instances![0].InstanceType, "t4g.micro");
    assert.equal((await run(x86, "t2.micro")).Instances![0].Architecture, "x86_64");
    // A type the catalog does not describe launches as asked.
    assert.equal((await run(arm, "a1.large")).Instances![0].InstanceType, "a1.large");
    const bogus = await rejection(() => run(x86, "t3.gigantic"));
    assert.equal(bogus.name, "InvalidParameterValue");
    assert.equal(bogus.message, "Invalid value 't3.gigantic' for InstanceType.");
  });

  test("the On-Demand quotas weigh a described type by its vCPUs, another by its size", () => {
    assert.equal(vcpusOf("m6i.metal"), 128);
    assert.equal(vcpusOf("c7g.metal"), 64);
    assert.equal(vcpusOf("t2.medium"), 2);
    assert.equal(vcpusOf("m7g.medium"), 1);
    assert.equal(vcpusOf("x2iedn.32xlarge"), 128);
  });
});
