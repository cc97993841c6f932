// DescribeSpotPriceHistory (API reference; "Spot Instance pricing history", using-spot-instances-history.html):
// one price series per instance type that Spot offers, product description and Availability Zone of the caller's
// Region. Prices are made up but never random: each series changes price every four hours at a moment of its
// own, to a value derived from the type's On-Demand-like hourly rate (a family rate per vCPU, per GiB for the
// burstable T types, plus per GPU; near us-east-1's Linux rates) times a Spot discount that a hash of the series
// and the period picks between 58 and 72 percent. The same question always gets the same answer, and history
// goes back 90 days from the server's clock.
//
// A window [StartTime, EndTime] (EndTime defaults to now, StartTime to EndTime) returns the price changes inside it
// and, as EC2 does, the last change before StartTime: the price in effect when the window opens. So a call without
// times answers the current price of each series, and Packer's spot_price "auto" (StartTime an hour ago, one type
// and product description, AvailabilityZone "" when none is set) finds a price in every zone. Pages follow the
// series, newest price first; MaxResults is 5-1000, a larger value serves 1000, and a call without it gets 1000.
import { createHash } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import type { DescribeSpotPriceHistoryRequest, Ec2Handlers, InstanceTypeInfo, SpotPrice } from "../api.generated";
import * as err from "../errors";
import { compileFilters, type Filter } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { zonesOf, type Zone } from "../network/zones";
import { familyOf, instanceTypes } from "./catalog";

const HOUR = 3_600_000;
const STEP = 4 * HOUR;
const HISTORY = 90 * 24 * HOUR;
const MAX_PAGE = 1000;
const NEWEST = 9_999_999_999_999;

/** On-Demand-like Linux rates, USD per hour: per vCPU, per GiB (T types) and per GPU. */
const RATES: Record<string, { vcpu?: number; gib?: number; gpu?: number }> = {
  t2: { gib: 0.0116 },
  t3: { gib: 0.0104 },
  t3a: { gib: 0.0094 },
  t4g: { gib: 0.0084 },
  m5: { vcpu: 0.048 },
  m6i: { vcpu: 0.048 },
  m7i: { vcpu: 0.0504 },
  m7g: { vcpu: 0.0408 },
  c5: { vcpu: 0.0425 },
  c6i: { vcpu: 0.0425 },
  c7g: { vcpu: 0.03625 },
  r5: { vcpu: 0.063 },
  r6i: { vcpu: 0.063 },
  g4dn: { vcpu: 0.0565, gpu: 0.3 },
  g5: { vcpu: 0.0515, gpu: 0.8 },
};

/** The product descriptions Spot prices are given for, with the license charge each adds per vCPU-hour. */
const PRODUCTS: [description: string, perVcpu: number, windows: boolean][] = [
  ["Linux/UNIX", 0, false],
  ["Linux/UNIX (Amazon VPC)", 0, false],
  ["Red Hat Enterprise Linux", 0.013, false],
  ["Red Hat Enterprise Linux (Amazon VPC)", 0.013, false],
  ["SUSE Linux", 0.0125, false],
  ["SUSE Linux (Amazon VPC)", 0.0125, false],
  ["Windows", 0.046, true],
  ["Windows (Amazon VPC)", 0.046, true],
];

interface Series {
  index: number;
  type: InstanceTypeInfo;
  product: (typeof PRODUCTS)[number];
  zone: Zone;
  /** This series' price changes happen at offset + k × STEP. */
  offset: number;
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** The On-Demand-like Linux hourly rate of an instance type. */
function onDemandRate(t: InstanceTypeInfo): number {
  const r = RATES[familyOf(t.InstanceType!)] ?? { vcpu: 0.05 };
  const vcpus = t.VCpuInfo?.DefaultVCpus ?? 0;
  const gib = (t.MemoryInfo?.SizeInMiB ?? 0) / 1024;
  const gpus = t.GpuInfo?.Gpus?.[0]?.Count ?? 0;
  return (r.vcpu ?? 0) * vcpus + (r.gib ?? 0) * gib + (r.gpu ?? 0) * gpus;
}

/** Spot's price of a series in the period that starts at `at`, as EC2 writes prices (six decimals). */
function priceAt(s: Series, at: number): string {
  const seed = digest(`${s.type.InstanceType} ${s.product[0]} ${s.zone.ZoneId} ${at}`).readUInt32BE(0) / 0x1_0000_0000;
  const rate = onDemandRate(s.type) + s.product[1] * (s.type.VCpuInfo?.DefaultVCpus ?? 0);
  return (rate * (0.28 + 0.14 * seed)).toFixed(6);
}

/** Every series of the Region, in page order: type name, product description, zone. */
function allSeries(region: string): Series[] {
  const zones = zonesOf(region);
  const out: Series[] = [];
  for (const type of instanceTypes()) {
    if (!type.SupportedUsageClasses?.includes("spot")) continue;
    const x86 = type.ProcessorInfo?.SupportedArchitectures?.includes("x86_64") === true;
    for (const product of PRODUCTS) {
      if (product[2] && !x86) continue;
      for (const zone of zones) {
        // Whole seconds, as EC2's timestamps are.
        const offset = (digest(`${type.InstanceType} ${product[0]} ${zone.ZoneId}`).readUInt32BE(0) % (STEP / 1000)) * 1000;
        out.push({ index: out.length, type, product, zone, offset });
      }
    }
  }
  return out;
}

const SERIES = new Map<string, Series[]>();
const seriesOf = (region: string): Series[] => {
  let s = SERIES.get(region);
  if (!s) SERIES.set(region, (s = allSeries(region)));
  return s;
};

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** A timestamp as the `timestamp` filter compares it: "Mon Jan 06 07:10:55 UTC 2014", and in ISO 8601. */
function timestampValues(d: Date): string[] {
  const clock = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const iso = d.toISOString();
  return [
    `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${clock} UTC ${d.getUTCFullYear()}`,
    iso,
    iso.replace(/\.\d{3}Z$/, "Z"),
  ];
}

const SERIES_FILTERS = new Set(["availability-zone", "availability-zone-id", "instance-type", "product-description"]);

/** The request's filters split into those a whole series answers and those each price answers. */
function compile(filters: Filter[] | undefined) {
  // Names and limits are checked over the whole list first, as one call's filters.
  const names = [...SERIES_FILTERS, "spot-price", "timestamp"];
  compileFilters<unknown>(filters, { fields: Object.fromEntries(names.map((n) => [n, () => undefined])) });
  const seriesOnly = (filters ?? []).filter((f) => f.Name !== undefined && SERIES_FILTERS.has(f.Name));
  const rest = (filters ?? []).filter((f) => f.Name === undefined || !SERIES_FILTERS.has(f.Name));
  return {
    series: compileFilters<Series>(seriesOnly, {
      fields: {
        "availability-zone": (s) => s.zone.ZoneName,
        "availability-zone-id": (s) => s.zone.ZoneId,
        "instance-type": (s) => s.type.InstanceType,
        "product-description": (s) => s.product[0],
      },
    }),
    price: compileFilters<SpotPrice>(rest, {
      fields: { "spot-price": (p) => p.SpotPrice, timestamp: (p) => timestampValues(p.Timestamp!) },
    }),
  };
}

/** The series the request's own members name (instance types, product descriptions, zone). */
function scope(ctx: RequestContext, input: DescribeSpotPriceHistoryRequest): (s: Series) => boolean {
  // The AWS SDK for Go v1 sends an unset AvailabilityZone as "" (Packer's spot price lookup does): no zone.
  const zoneName = input.AvailabilityZone || undefined;
  const zoneId = input.AvailabilityZoneId || undefined;
  if (zoneName && zoneId) throw err.invalidCombination("Only one of AvailabilityZone and AvailabilityZoneId may be specified.");
  const zones = zonesOf(ctx.region);
  if (zoneName && !zones.some((z) => z.ZoneName === zoneName)) throw err.invalidValue(`Invalid availability zone: [${zoneName}]`);
  if (zoneId && !zones.some((z) => z.ZoneId === zoneId)) throw err.invalidValue(`Invalid availability zone id: [${zoneId}]`);
  const types = input.InstanceTypes?.length ? new Set<string>(input.InstanceTypes) : undefined;
  const products = input.ProductDescriptions?.length ? new Set(input.ProductDescriptions) : undefined;
  return (s) =>
    (!types || types.has(s.type.InstanceType!)) &&
    (!products || products.has(s.product[0])) &&
    (!zoneName || s.zone.ZoneName === zoneName) &&
    (!zoneId || s.zone.ZoneId === zoneId);
}

interface Keyed {
  key: string;
  price: SpotPrice;
}

const keyOf = (s: Series, at: number) => `${String(s.index).padStart(6, "0")}:${String(NEWEST - at).padStart(13, "0")}`;

/** The prices of the window, series by series, newest first, starting after the page token's key. */
function* prices(series: Series[], from: number, to: number, after: string): Generator<Keyed> {
  const resume = after ? Number(after.slice(0, 6)) : 0;
  for (const s of series) {
    if (s.index < resume) continue;
    // The last change at or before `to`, back to the last change at or before `from` (the price in effect then).
    const last = s.offset + Math.floor((to - s.offset) / STEP) * STEP;
    const first = s.offset + Math.floor((from - s.offset) / STEP) * STEP;
    for (let at = last; at >= first; at -= STEP) {
      const key = keyOf(s, at);
      if (key <= after) continue;
      yield {
        key,
        price: {
          AvailabilityZone: s.zone.ZoneName,
          AvailabilityZoneId: s.zone.ZoneId,
          InstanceType: s.type.InstanceType,
          ProductDescription: s.product[0] as SpotPrice["ProductDescription"],
          SpotPrice: priceAt(s, at),
          Timestamp: new Date(at),
        },
      };
    }
  }
}

export const spotPriceHandlers: Pick<Ec2Handlers, "DescribeSpotPriceHistory"> = {
  DescribeSpotPriceHistory(ctx, input) {
    const filters = compile(input.Filters);
    const inScope = scope(ctx, input);
    const limit = input.MaxResults === undefined ? MAX_PAGE : pageLimit(Math.min(input.MaxResults, MAX_PAGE), 5, MAX_PAGE);
    const after = startAfter(ctx, input.NextToken);
    const to = Math.min(input.EndTime?.getTime() ?? ctx.now, ctx.now);
    const from = Math.max(input.StartTime?.getTime() ?? to, ctx.now - HISTORY);
    const series = seriesOf(ctx.region).filter((s) => inScope(s) && filters.series(s));
    const { page, more } =
      from > to ? { page: [], more: false } : takePage(prices(series, from, to, after), (k) => filters.price(k.price), limit);
    return {
      SpotPriceHistory: page.map((k) => k.price),
      NextToken: more ? nextToken(ctx, page[page.length - 1].key) : undefined,
    };
  },
};

/**
 * The Spot price in effect at `at` of an instance type's Linux/UNIX series in a zone, and the type's On-Demand-like
 * rate (the default maximum price of a Spot request); undefined when Spot does not offer the type there.
 */
export function spotPriceOf(
  region: string,
  zone: string,
  instanceType: string,
  at: number,
): { price: number; onDemand: number } | undefined {
  const s = seriesOf(region).find((x) => x.type.InstanceType === instanceType && x.zone.ZoneName === zone && x.product[0] === "Linux/UNIX");
  if (!s) return undefined;
  const last = s.offset + Math.floor((at - s.offset) / STEP) * STEP;
  return { price: Number(priceAt(s, last)), onDemand: onDemandRate(s.type) };
}
