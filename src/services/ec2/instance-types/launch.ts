// What RunInstances asks of the instance type: processors of the AMI's architecture. EC2 refuses a type that
// cannot run the AMI with InvalidParameterValue (errors-overview.html), naming both architectures. A type the
// catalog does not describe is launched as asked.
import { instanceTypeInfo } from "./catalog";
import { architectureMismatch } from "./errors";

export function checkArchitecture(instanceType: string, amiArchitecture: string): void {
  const archs = instanceTypeInfo(instanceType)?.ProcessorInfo?.SupportedArchitectures;
  if (!archs || archs.includes(amiArchitecture as (typeof archs)[number])) return;
  throw architectureMismatch(archs.find((a) => a !== "i386") ?? archs[0], amiArchitecture);
}
