// What each EBS volume type allows ("Amazon EBS volume types", ebs-volume-types.html, and CreateVolume's Size,
// Iops and Throughput): sizes in GiB; provisioned IOPS within a range and a ratio to the size; gp3 throughput
// within a range and a ratio to its IOPS. gp2 has 3 IOPS per GiB (100 to 16,000) of its own; gp3 3,000 IOPS
// and 125 MiB/s unless given. The same checks serve CreateVolume and ModifyVolume.
import * as err from "../errors";

interface TypeLimits {
  minSize: number;
  maxSize: number;
  /** Provisioned IOPS: required (io1, io2) or optional (gp3); absent where IOPS cannot be set. */
  iops?: { min: number; max: number; perGiB: number; required: boolean; default?: number };
  throughput?: { min: number; max: number; perIops: number; default: number };
  multiAttach: boolean;
}

export const VOLUME_TYPES: Record<string, TypeLimits> = {
  gp2: { minSize: 1, maxSize: 16384, multiAttach: false },
  gp3: {
    minSize: 1,
    maxSize: 16384,
    iops: { min: 3000, max: 16000, perGiB: 500, required: false, default: 3000 },
    throughput: { min: 125, max: 1000, perIops: 0.25, default: 125 },
    multiAttach: false,
  },
  io1: { minSize: 4, maxSize: 16384, iops: { min: 100, max: 64000, perGiB: 50, required: true }, multiAttach: true },
  io2: { minSize: 4, maxSize: 65536, iops: { min: 100, max: 256000, perGiB: 1000, required: true }, multiAttach: true },
  st1: { minSize: 125, maxSize: 16384, multiAttach: false },
  sc1: { minSize: 125, maxSize: 16384, multiAttach: false },
  standard: { minSize: 1, maxSize: 1024, multiAttach: false },
};

export interface VolumeSpec {
  VolumeType: string;
  Size: number;
  Iops?: number;
  Throughput?: number;
  MultiAttachEnabled: boolean;
}

const ratio = (n: number) => n.toFixed(6);

/** gp2's own IOPS: 3 per GiB, at least 100 and at most 16,000. */
export const gp2Iops = (size: number): number => Math.min(16000, Math.max(100, 3 * size));

/**
 * The volume a request describes, checked against its type's limits: the IOPS and throughput it would have
 * (given, or the type's own). `asked` says which members the request itself set (a modification keeps the rest).
 */
export function checkVolumeSpec(spec: VolumeSpec, asked: { Iops: boolean; Throughput: boolean }): VolumeSpec {
  const t = VOLUME_TYPES[spec.VolumeType];
  if (!t) throw err.invalidValue(`Value (${spec.VolumeType}) for parameter volumeType is invalid.`);
  const { VolumeType, Size } = spec;
  if (Size < t.minSize) throw err.invalidValue(`Volume of ${Size}GiB is too small; minimum is ${t.minSize}GiB.`);
  if (Size > t.maxSize) throw err.invalidValue(`Volume of ${Size}GiB is too large; maximum is ${t.maxSize}GiB.`);
  if (spec.MultiAttachEnabled && !t.multiAttach) {
    throw err.invalidCombination(`Multi-Attach is supported only on io1 and io2 volumes; the volume type is ${VolumeType}.`);
  }
  let Iops: number | undefined;
  if (!t.iops) {
    if (asked.Iops && spec.Iops !== undefined)
      throw err.invalidCombination(`The parameter iops is not supported for ${VolumeType} volumes.`);
    Iops = VolumeType === "gp2" ? gp2Iops(Size) : undefined;
  } else {
    Iops = spec.Iops ?? t.iops.default;
    if (Iops === undefined) throw err.invalidCombination(`The parameter iops must be specified for ${VolumeType} volumes.`);
    if (Iops < t.iops.min || Iops > t.iops.max) {
      throw err.invalidValue(
        `Value (${Iops}) for parameter iops is invalid. The ${VolumeType} volume type supports ${t.iops.min} to ${t.iops.max} IOPS.`,
      );
    }
    // gp3's baseline 3,000 IOPS holds at any size; what is provisioned above it follows the ratio.
    if (Iops / Size > t.iops.perGiB && !(VolumeType === "gp3" && Iops <= t.iops.min)) {
      throw err.invalidValue(`Iops to volume size ratio of ${ratio(Iops / Size)} is too high; maximum is ${ratio(t.iops.perGiB)}`);
    }
  }
  let Throughput: number | undefined;
  if (!t.throughput) {
    if (asked.Throughput && spec.Throughput !== undefined) {
      throw err.invalidCombination(`The parameter throughput is not supported for ${VolumeType} volumes.`);
    }
  } else {
    Throughput = spec.Throughput ?? t.throughput.default;
    if (Throughput < t.throughput.min || Throughput > t.throughput.max) {
      throw err.invalidValue(
        `Value (${Throughput}) for parameter throughput is invalid. The ${VolumeType} volume type supports ${t.throughput.min} to ${t.throughput.max} MiB/s.`,
      );
    }
    if (Throughput > t.throughput.default && Throughput / Iops! > t.throughput.perIops) {
      throw err.invalidValue(
        `Throughput (MiBps) to iops ratio of ${ratio(Throughput / Iops!)} is too high; maximum is ${ratio(t.throughput.perIops)} MiBps per iops.`,
      );
    }
  }
  return { VolumeType, Size, Iops, Throughput, MultiAttachEnabled: spec.MultiAttachEnabled };
}
