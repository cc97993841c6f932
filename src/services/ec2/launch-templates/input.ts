// RunInstances from a launch template ("Launch an instance from a launch template", ec2-launch-templates.html):
// the template version's data fills in what the request leaves out; what the request gives wins. Block devices
// are overridden by device name, tags per key; the first network interface of the template gives the subnet
// and security groups when the request names none. What the request asked of the template (id or name and
// version) is kept on the instance, whose aws:ec2launchtemplate:* tags name it.
import type { BlockDeviceMapping, ResponseLaunchTemplateData, RunInstancesRequest, TagSpecification } from "../api.generated";

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list?.length ? list : undefined);

/** Mappings of the template, then the request's: a device named in both is the request's. */
type Mappings = BlockDeviceMapping[] | undefined;
function mappings(template: Mappings, requested: Mappings): Mappings {
  if (!template?.length) return requested;
  const byDevice = new Map(template.map((m) => [m.DeviceName, m]));
  for (const m of requested ?? []) byDevice.set(m.DeviceName, m);
  return [...byDevice.values()];
}

/** The template's tag specifications, then the request's (a key given in both takes the request's value). */
function tagSpecs(template: TagSpecification[] | undefined, requested: TagSpecification[] | undefined): TagSpecification[] | undefined {
  return nonEmpty([...(template ?? []), ...(requested ?? [])]);
}

/** The request as RunInstances carries it out: the template's data under the request's own members. */
export function withTemplateData(input: RunInstancesRequest, data: ResponseLaunchTemplateData): RunInstancesRequest {
  const eni = data.NetworkInterfaces?.find((n) => (n.DeviceIndex ?? 0) === 0);
  const { State: _state, ...metadata } = data.MetadataOptions ?? {};
  const fromTemplate: Partial<RunInstancesRequest> = {
    ImageId: data.ImageId,
    InstanceType: data.InstanceType,
    KeyName: data.KeyName,
    KernelId: data.KernelId,
    RamdiskId: data.RamDiskId,
    UserData: data.UserData,
    EbsOptimized: data.EbsOptimized,
    DisableApiTermination: data.DisableApiTermination,
    DisableApiStop: data.DisableApiStop,
    InstanceInitiatedShutdownBehavior: data.InstanceInitiatedShutdownBehavior,
    IamInstanceProfile: data.IamInstanceProfile,
    Monitoring: data.Monitoring?.Enabled === undefined ? undefined : { Enabled: data.Monitoring.Enabled },
    MetadataOptions: data.MetadataOptions ? (metadata as RunInstancesRequest["MetadataOptions"]) : undefined,
    Placement: data.Placement as RunInstancesRequest["Placement"],
    SubnetId: eni?.SubnetId,
    SecurityGroupIds: nonEmpty(data.SecurityGroupIds) ?? nonEmpty(eni?.Groups),
    SecurityGroups: nonEmpty(data.SecurityGroups),
    InstanceMarketOptions: data.InstanceMarketOptions as RunInstancesRequest["InstanceMarketOptions"],
  };
  const merged: RunInstancesRequest = { ...input };
  for (const [k, v] of Object.entries(fromTemplate) as [keyof RunInstancesRequest, unknown][]) {
    if (merged[k] === undefined && v !== undefined) (merged as unknown as Record<string, unknown>)[k] = v;
  }
  // Security groups by name or id, and a subnet, come together: the request's choice of either wins.
  if (input.SecurityGroupIds?.length || input.SecurityGroups?.length) {
    merged.SecurityGroupIds = input.SecurityGroupIds;
    merged.SecurityGroups = input.SecurityGroups;
  }
  if (input.Placement && data.Placement) merged.Placement = { ...data.Placement, ...input.Placement } as RunInstancesRequest["Placement"];
  merged.BlockDeviceMappings = mappings(data.BlockDeviceMappings as BlockDeviceMapping[] | undefined, input.BlockDeviceMappings);
  merged.TagSpecifications = tagSpecs(data.TagSpecifications as TagSpecification[] | undefined, input.TagSpecifications);
  return merged;
}
