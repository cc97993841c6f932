// How an account's network is kept: VPCs, subnets and security groups as documents in the account's
// partition of their Region, keyed by id, and one marker record that says the Region's defaults (default
// VPC, its subnets and default security group) exist, so they are made once and keep their ids.
import { collection } from "../../../state/collection";

export interface VpcRecord {
  VpcId: string;
  CidrBlock: string;
  IsDefault: boolean;
  /** The association id of the primary IPv4 CIDR block. */
  CidrAssociationId: string;
  DhcpOptionsId: string;
}

export interface SubnetRecord {
  SubnetId: string;
  VpcId: string;
  AvailabilityZone: string;
  AvailabilityZoneId: string;
  CidrBlock: string;
  DefaultForAz: boolean;
  MapPublicIpOnLaunch: boolean;
}

/** One rule of a security group, as the SecurityGroupRule of the API (one source per rule). */
export interface RuleRecord {
  SecurityGroupRuleId: string;
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  CidrIpv4?: string;
  CidrIpv6?: string;
  PrefixListId?: string;
  /** Another security group as the source. */
  ReferencedGroupId?: string;
  ReferencedUserId?: string;
  Description?: string;
}

export interface SecurityGroupRecord {
  GroupId: string;
  GroupName: string;
  VpcId: string;
  Description: string;
  ingress: RuleRecord[];
  egress: RuleRecord[];
}

export interface NetworkDefaults {
  VpcId: string;
}

export const vpcs = collection<VpcRecord>({ type: "ec2.vpc", key: (r) => r.VpcId });

/** Keyed by subnet id; by AZ for the default subnet of a zone. */
export const subnets = collection<SubnetRecord, string, "zone">({
  type: "ec2.subnet",
  key: (r) => r.SubnetId,
  indexes: { zone: (r) => `${r.VpcId} ${r.AvailabilityZone}` },
});

/** Keyed by group id; by (VPC, name): names are unique within a VPC. */
export const securityGroups = collection<SecurityGroupRecord, string, "name">({
  type: "ec2.security-group",
  key: (r) => r.GroupId,
  indexes: { name: (r) => `${r.VpcId} ${r.GroupName}` },
});

/** One per account and Region, once its defaults exist. */
export const networkDefaults = collection<NetworkDefaults>({ type: "ec2.network-defaults", key: () => "defaults" });

export const VPC_ID = /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/;
export const SUBNET_ID = /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/;
export const GROUP_ID = /^sg-([0-9a-f]{8}|[0-9a-f]{17})$/;

export const DEFAULT_GROUP = "default";
