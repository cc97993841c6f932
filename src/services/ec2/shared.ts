// What EC2 offers the other services of imagelite (AppStream imports an AMI as an image and places fleets and
// builders in subnets): the AMIs a caller may launch and their state, the index of an AMI's uses, and the
// caller's subnets and security groups. Nothing outside services/ec2/ imports anything else of it.
export { visibleImage } from "./images/access";
export { amiState, partitionOf, type AmiRecord } from "./images/records";
export { amiUses, type AmiUse } from "./usage-reports/entries";
export { defaultNetwork, securityGroupIfAny, subnetIfAny, type SecurityGroupRecord, type SubnetRecord } from "./network/records";
export { catalog as amazonCatalog } from "./catalog/catalog";
export { ECS_WINDOWS_VARIANTS, ecsWindowsRuntime, SQL_IMAGES, TPM_WINDOWS_VERSIONS } from "./catalog/amazon-amis";
export {
  bottlerocketPattern,
  bottlerocketVersion,
  ECS_LINUX_VARIANTS,
  ecsLinuxMetadata,
  ecsLinuxPattern,
  EKS_VARIANTS,
  eksHasAl2,
  eksPattern,
  eksReleaseVersion,
  K8S_VERSIONS,
} from "./catalog/container-amis";
export { amiNameTaken, createExportedAmi } from "./images/from-appstream";
