// The option blocks RunInstances takes and DescribeInstances reads back, with the instance type's say on each
// (the catalog of instance-types/catalog.ts):
// - CpuOptions: a core count and threads per core among the type's valid ones ("Specify CPU options"); the
//   type's defaults otherwise.
// - CreditSpecification: burstable types only, "standard" or "unlimited"; T2 launches standard, T3, T3a and T4g
//   unlimited ("Burstable performance instances", burstable-performance-instances.html).
// - HibernationOptions: a type that supports hibernation (UnsupportedHibernationConfiguration otherwise).
// - EnclaveOptions: a type that supports Nitro Enclaves.
// - MaintenanceOptions: auto recovery "default" or "disabled"; PrivateDnsNameOptions: the IP name unless asked;
//   CapacityReservationSpecification: "open" unless asked.
import { ServiceError } from "../../../errors/service-error";
import type {
  CapacityReservationSpecificationResponse,
  CpuOptions,
  InstanceMaintenanceOptions,
  PrivateDnsNameOptionsResponse,
  RunInstancesRequest,
} from "../api.generated";
import * as err from "../errors";
import { familyOf, instanceTypeInfo } from "../instance-types/catalog";

export const CPU_CREDITS = ["standard", "unlimited"];

export const isBurstable = (type: string): boolean => instanceTypeInfo(type)?.BurstablePerformanceSupported === true;

/** The credit option a burstable type launches with. */
export const defaultCredits = (type: string): string => (familyOf(type) === "t2" ? "standard" : "unlimited");

export function checkCredits(value: string): void {
  if (!CPU_CREDITS.includes(value)) {
    throw err.invalidValue(`Value (${value}) for parameter cpuCredits is invalid. Expected: 'standard' or 'unlimited'.`);
  }
}

export interface LaunchOptions {
  CpuOptions: CpuOptions;
  HibernationConfigured: boolean;
  EnclaveEnabled: boolean;
  MaintenanceOptions: InstanceMaintenanceOptions;
  PrivateDnsNameOptions: PrivateDnsNameOptionsResponse;
  CapacityReservationSpecification: CapacityReservationSpecificationResponse;
  CpuCredits: string | undefined;
}

export function launchOptions(input: RunInstancesRequest, type: string): LaunchOptions {
  const info = instanceTypeInfo(type);
  const vcpu = info?.VCpuInfo;
  const cpu = input.CpuOptions ?? {};
  if (cpu.CoreCount !== undefined && vcpu?.ValidCores && !vcpu.ValidCores.includes(cpu.CoreCount)) {
    throw err.invalidValue(`The specified CPU core count (${cpu.CoreCount}) is not valid for instance type ${type}.`);
  }
  if (cpu.ThreadsPerCore !== undefined && vcpu?.ValidThreadsPerCore && !vcpu.ValidThreadsPerCore.includes(cpu.ThreadsPerCore)) {
    throw err.invalidValue(`The specified threads per core (${cpu.ThreadsPerCore}) is not valid for instance type ${type}.`);
  }
  const CpuOptions: CpuOptions = {
    CoreCount: cpu.CoreCount ?? vcpu?.DefaultCores ?? 1,
    ThreadsPerCore: cpu.ThreadsPerCore ?? vcpu?.DefaultThreadsPerCore ?? 1,
    ...(cpu.AmdSevSnp ? { AmdSevSnp: cpu.AmdSevSnp } : {}),
  };
  let CpuCredits: string | undefined;
  if (input.CreditSpecification) {
    checkCredits(input.CreditSpecification.CpuCredits);
    if (!isBurstable(type)) {
      throw err.invalidCombination(
        `The CPU credit option is only supported with burstable performance instance types; ${type} is not one.`,
      );
    }
    CpuCredits = input.CreditSpecification.CpuCredits;
  } else if (isBurstable(type)) CpuCredits = defaultCredits(type);
  const HibernationConfigured = input.HibernationOptions?.Configured ?? false;
  if (HibernationConfigured && !info?.HibernationSupported) {
    throw new ServiceError(
      "UnsupportedHibernationConfiguration",
      `The instance could not be launched because hibernation is not supported for instance type ${type}.`,
    );
  }
  const EnclaveEnabled = input.EnclaveOptions?.Enabled ?? false;
  if (EnclaveEnabled && info?.NitroEnclavesSupport !== "supported") {
    throw new ServiceError("UnsupportedOperation", `Nitro Enclaves are not supported for instance type ${type}.`);
  }
  if (EnclaveEnabled && HibernationConfigured) {
    throw err.invalidCombination("Nitro Enclaves and hibernation cannot be enabled on the same instance.");
  }
  const dns = input.PrivateDnsNameOptions ?? {};
  const reservation = input.CapacityReservationSpecification;
  return {
    CpuOptions,
    HibernationConfigured,
    EnclaveEnabled,
    MaintenanceOptions: { AutoRecovery: input.MaintenanceOptions?.AutoRecovery ?? "default", RebootMigration: "default" },
    PrivateDnsNameOptions: {
      HostnameType: dns.HostnameType ?? "ip-name",
      EnableResourceNameDnsARecord: dns.EnableResourceNameDnsARecord ?? false,
      EnableResourceNameDnsAAAARecord: dns.EnableResourceNameDnsAAAARecord ?? false,
    },
    CapacityReservationSpecification: reservation?.CapacityReservationTarget
      ? {
          CapacityReservationTarget: {
            CapacityReservationId: reservation.CapacityReservationTarget.CapacityReservationId,
            CapacityReservationResourceGroupArn: reservation.CapacityReservationTarget.CapacityReservationResourceGroupArn,
          },
        }
      : { CapacityReservationPreference: reservation?.CapacityReservationPreference ?? "open" },
    CpuCredits,
  };
}
