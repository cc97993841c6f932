// DescribeInstanceTypes (API reference): the catalog's types, by name or all of them, filtered by every filter the
// operation documents. Pages follow the type name; MaxResults is 5-100 and a call without it gets a page of 100,
// as EC2 answers. A name EC2 knows but the catalog does not is InvalidInstanceType, worded as EC2 words it
// ("The following supplied instance types do not exist: [name]").
import type { DescribeInstanceTypesResult, Ec2Handlers, InstanceTypeInfo } from "../api.generated";
import { compileFilters, type FieldValue } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { instanceTypes, instanceTypeInfo } from "./catalog";
import { instanceTypesNotFound } from "./errors";

const DEFAULT_PAGE = 100;

type Field = (t: InstanceTypeInfo) => FieldValue;
const ebs = (t: InstanceTypeInfo) => t.EbsInfo?.EbsOptimizedInfo;
const net = (t: InstanceTypeInfo) => t.NetworkInfo;
const storage = (t: InstanceTypeInfo) => t.InstanceStorageInfo;
const disks = (t: InstanceTypeInfo) => storage(t)?.Disks ?? [];

/** The filters of DescribeInstanceTypes, as its API reference lists them. */
const FIELDS: Record<string, Field> = {
  "auto-recovery-supported": (t) => t.AutoRecoverySupported,
  "bare-metal": (t) => t.BareMetal,
  "burstable-performance-supported": (t) => t.BurstablePerformanceSupported,
  "current-generation": (t) => t.CurrentGeneration,
  "dedicated-hosts-supported": (t) => t.DedicatedHostsSupported,
  "ebs-info.attachment-limit-type": (t) => t.EbsInfo?.AttachmentLimitType,
  "ebs-info.maximum-ebs-attachments": (t) => t.EbsInfo?.MaximumEbsAttachments,
  "ebs-info.ebs-optimized-info.baseline-bandwidth-in-mbps": (t) => ebs(t)?.BaselineBandwidthInMbps,
  "ebs-info.ebs-optimized-info.baseline-iops": (t) => ebs(t)?.BaselineIops,
  "ebs-info.ebs-optimized-info.baseline-throughput-in-mbps": (t) => ebs(t)?.BaselineThroughputInMBps,
  "ebs-info.ebs-optimized-info.maximum-bandwidth-in-mbps": (t) => ebs(t)?.MaximumBandwidthInMbps,
  "ebs-info.ebs-optimized-info.maximum-iops": (t) => ebs(t)?.MaximumIops,
  "ebs-info.ebs-optimized-info.maximum-throughput-in-mbps": (t) => ebs(t)?.MaximumThroughputInMBps,
  "ebs-info.ebs-optimized-support": (t) => t.EbsInfo?.EbsOptimizedSupport,
  "ebs-info.encryption-support": (t) => t.EbsInfo?.EncryptionSupport,
  "ebs-info.nvme-support": (t) => t.EbsInfo?.NvmeSupport,
  "free-tier-eligible": (t) => t.FreeTierEligible,
  "hibernation-supported": (t) => t.HibernationSupported,
  hypervisor: (t) => t.Hypervisor,
  "instance-storage-info.disk.count": (t) => disks(t).map((d) => d.Count),
  "instance-storage-info.disk.size-in-gb": (t) => disks(t).map((d) => d.SizeInGB),
  "instance-storage-info.disk.type": (t) => disks(t).map((d) => d.Type),
  "instance-storage-info.encryption-support": (t) => storage(t)?.EncryptionSupport,
  "instance-storage-info.nvme-support": (t) => storage(t)?.NvmeSupport,
  "instance-storage-info.total-size-in-gb": (t) => storage(t)?.TotalSizeInGB,
  "instance-storage-supported": (t) => t.InstanceStorageSupported,
  "instance-type": (t) => t.InstanceType,
  "memory-info.size-in-mib": (t) => t.MemoryInfo?.SizeInMiB,
  "network-info.bandwidth-weightings": (t) => net(t)?.BandwidthWeightings ?? [],
  "network-info.efa-info.maximum-efa-interfaces": (t) => net(t)?.EfaInfo?.MaximumEfaInterfaces,
  "network-info.efa-supported": (t) => net(t)?.EfaSupported,
  "network-info.ena-support": (t) => net(t)?.EnaSupport,
  "network-info.flexible-ena-queues-support": (t) => net(t)?.FlexibleEnaQueuesSupport,
  "network-info.encryption-in-transit-supported": (t) => net(t)?.EncryptionInTransitSupported,
  "network-info.ipv4-addresses-per-interface": (t) => net(t)?.Ipv4AddressesPerInterface,
  "network-info.ipv6-addresses-per-interface": (t) => net(t)?.Ipv6AddressesPerInterface,
  "network-info.ipv6-supported": (t) => net(t)?.Ipv6Supported,
  "network-info.maximum-network-cards": (t) => net(t)?.MaximumNetworkCards,
  "network-info.maximum-network-interfaces": (t) => net(t)?.MaximumNetworkInterfaces,
  "network-info.network-performance": (t) => net(t)?.NetworkPerformance,
  "nitro-enclaves-support": (t) => t.NitroEnclavesSupport,
  "nitro-tpm-support": (t) => t.NitroTpmSupport,
  "nitro-tpm-info.supported-versions": (t) => t.NitroTpmInfo?.SupportedVersions ?? [],
  "processor-info.supported-architecture": (t) => t.ProcessorInfo?.SupportedArchitectures ?? [],
  "processor-info.sustained-clock-speed-in-ghz": (t) => t.ProcessorInfo?.SustainedClockSpeedInGhz,
  "processor-info.supported-features": (t) => t.ProcessorInfo?.SupportedFeatures ?? [],
  "reboot-migration-support": (t) => t.RebootMigrationSupport,
  "supported-boot-mode": (t) => t.SupportedBootModes ?? [],
  "supported-root-device-type": (t) => t.SupportedRootDeviceTypes ?? [],
  "supported-usage-class": (t) => t.SupportedUsageClasses ?? [],
  "supported-virtualization-type": (t) => t.SupportedVirtualizationTypes ?? [],
  "vcpu-info.default-cores": (t) => t.VCpuInfo?.DefaultCores,
  "vcpu-info.default-threads-per-core": (t) => t.VCpuInfo?.DefaultThreadsPerCore,
  "vcpu-info.default-vcpus": (t) => t.VCpuInfo?.DefaultVCpus,
  "vcpu-info.valid-cores": (t) => t.VCpuInfo?.ValidCores ?? [],
  "vcpu-info.valid-threads-per-core": (t) => t.VCpuInfo?.ValidThreadsPerCore ?? [],
};

/** The filter names DescribeInstanceTypes accepts. */
export const INSTANCE_TYPE_FILTERS: readonly string[] = Object.keys(FIELDS);

export const describeInstanceTypesHandlers: Pick<Ec2Handlers, "DescribeInstanceTypes"> = {
  DescribeInstanceTypes(ctx, input): DescribeInstanceTypesResult {
    const matches = compileFilters<InstanceTypeInfo>(input.Filters, { fields: FIELDS });
    const limit = pageLimit(input.MaxResults, 5, 100);
    const after = startAfter(ctx, input.NextToken);
    const named = input.InstanceTypes?.length ? input.InstanceTypes : undefined;
    if (named) {
      const missing = named.filter((n) => !instanceTypeInfo(n));
      if (missing.length) throw instanceTypesNotFound(missing);
    }
    const wanted = named && new Set<string>(named);
    const { page, more } = takePage(
      instanceTypes(),
      (t) => t.InstanceType! > after && (!wanted || wanted.has(t.InstanceType!)) && matches(t),
      Number.isFinite(limit) ? limit : DEFAULT_PAGE,
    );
    return {
      InstanceTypes: page,
      NextToken: more ? nextToken(ctx, page[page.length - 1].InstanceType!) : undefined,
    };
  },
};
