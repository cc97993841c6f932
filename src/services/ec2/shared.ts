// What EC2 offers the other services of imagelite (AppStream imports an AMI as an image): the AMIs a
// caller may launch and their state, and the index of an AMI's uses. Nothing outside services/ec2/ imports
// anything else of it.
export { visibleImage } from "./image-access";
export { amiState, partitionOf, type AmiRecord } from "./image-records";
export { amiUses } from "./usage-report-entries";
export { catalog as amazonCatalog } from "./catalog";
export { ECS_WINDOWS_VARIANTS, ecsWindowsRuntime } from "./amazon-amis";
