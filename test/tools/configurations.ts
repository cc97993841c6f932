// Every configuration the tool suites hold (fixtures/<tool>/<name>), what it exercises, and which test file
// runs it. A configuration with `pending` does not run yet: its suite reports it, with the reason, the call that
// imagelite does not answer as the tool needs. docs/works-with.md is generated from this list (works-with.ts).
export type Tool = "terraform" | "ansible" | "packer";

export interface Configuration {
  tool: Tool;
  /** The test file that runs it: test/tools/<suite>.test.ts. */
  suite: string;
  /** The fixture: fixtures/terraform/<name>/, fixtures/ansible/<name>.yml and <name>-remove.yml, or fixtures/packer/<name>.json. */
  name: string;
  /** The resources, data sources, modules or builder features it exercises. */
  covers: string[];
  /** Why it does not run yet: the first call that fails, as the tool reports it. */
  pending?: string;
}

/** The versions the suites were verified with; a run with others says so in its diagnostics. */
export const VERIFIED_WITH: Record<Tool, { name: string; version: string }[]> = {
  terraform: [
    { name: "Terraform", version: "1.11.4" },
    { name: "hashicorp/aws provider", version: "5.100.0" },
  ],
  ansible: [
    { name: "ansible-core", version: "2.14.18" },
    { name: "amazon.aws collection", version: "5.5.1" },
    { name: "boto3", version: "1.26.27" },
  ],
  packer: [{ name: "Packer", version: "1.6.6" }],
};

export const configurations: Configuration[] = [
  // ---- Terraform ----
  {
    tool: "terraform",
    suite: "terraform",
    name: "appstream",
    covers: [
      "data.aws_appstream_image",
      "aws_appstream_directory_config",
      "aws_appstream_image_builder",
      "aws_appstream_fleet",
      "aws_appstream_stack",
      "aws_appstream_fleet_stack_association",
      "aws_appstream_user",
      "aws_appstream_user_stack_association",
    ],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "appstream-retired-image",
    covers: ["aws_appstream_fleet (a retired public image: the apply fails at once with ResourceNotAvailableException)"],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "ami-lookups",
    covers: [
      "data.aws_ami (owners amazon, 099720109477, 309956199498; most_recent, filters, name_regex)",
      "data.aws_ami_ids",
      "data.aws_availability_zones",
      "data.aws_ssm_parameter (public AMI parameters)",
    ],
  },
  { tool: "terraform", suite: "terraform", name: "key-pair", covers: ["aws_key_pair (key_name, key_name_prefix, tags)"] },
  {
    tool: "terraform",
    suite: "terraform",
    name: "ami-copy-share",
    covers: ["aws_ami_copy (from another region)", "aws_ami (from a snapshot)", "aws_ami_launch_permission"],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "launch-template",
    covers: ["aws_launch_template (AMI, user data, EBS mapping, metadata options, tag specifications)"],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "snapshot-copy",
    covers: ["aws_ebs_snapshot_copy (of a public snapshot, from another region)"],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "ssm-parameter",
    covers: ["aws_ssm_parameter (String with data_type aws:ec2:image, StringList, SecureString; tags)", "data.aws_ssm_parameter"],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "instance-types",
    covers: ["data.aws_ec2_instance_type", "data.aws_ec2_instance_types"],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "default-network",
    covers: ["data.aws_vpc (default = true)", "data.aws_subnets"],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "security-groups",
    covers: [
      "aws_security_group (inline rules)",
      "aws_security_group_rule",
      "aws_vpc_security_group_ingress_rule (address range, referenced group)",
      "aws_vpc_security_group_egress_rule (tags)",
      "data.aws_subnet",
    ],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "default-vpc",
    covers: ["aws_default_vpc"],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "instance",
    covers: [
      "aws_instance (root and extra EBS volumes, user data, key pair, security group, subnet, public IP, metadata options, credit specification, monitoring)",
      "aws_key_pair",
      "aws_security_group",
      "data.aws_subnet (default_for_az)",
    ],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "launch-template-instance",
    covers: ["aws_launch_template", "aws_instance (from the launch template)"],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "volumes",
    covers: ["aws_ebs_volume", "aws_volume_attachment", "aws_ebs_snapshot", "aws_ebs_snapshot_copy", "aws_instance"],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "ebs",
    covers: [
      "aws_ebs_encryption_by_default",
      "aws_ebs_default_kms_key",
      "aws_ebs_volume (io2 with Multi-Attach, gp3 with IOPS, throughput and a KMS key)",
      "aws_ebs_snapshot (storage_tier archive)",
    ],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "ami-from-instance",
    covers: ["aws_ami_from_instance", "aws_instance"],
  },
  {
    tool: "terraform",
    suite: "terraform",
    name: "vpc",
    covers: [
      "aws_vpc",
      "aws_subnet",
      "aws_internet_gateway",
      "aws_route_table",
      "aws_route_table_association",
      "aws_network_interface",
      "aws_eip",
    ],
  },

  {
    tool: "terraform",
    suite: "terraform",
    name: "gateways",
    covers: [
      "data.aws_internet_gateway (filter attachment.vpc-id)",
      "data.aws_route_table (filter association.main)",
      "aws_internet_gateway",
      "aws_route_table (inline route, tags)",
      "aws_route",
      "aws_route_table_association",
      "aws_default_route_table",
      "aws_network_acl (rules, subnet_ids)",
      "data.aws_network_acls",
      "aws_default_network_acl",
      "aws_eip (domain vpc, tags)",
    ],
  },

  // ---- Ansible ----
  {
    tool: "ansible",
    suite: "ansible-ec2",
    name: "key-pair",
    covers: ["ec2_key (imported key material with tags, and a key pair EC2 makes)"],
  },
  {
    tool: "ansible",
    suite: "ansible-ec2",
    name: "security-group",
    covers: ["ec2_security_group (ingress and egress rules, tags)"],
  },
  {
    tool: "ansible",
    suite: "ansible-ec2",
    name: "instance",
    covers: [
      "ec2_ami_info",
      "ec2_vpc_subnet_info",
      "ec2_key",
      "ec2_instance (subnet, key pair, user data, two EBS volumes, metadata options, tags)",
      "ec2_snapshot (by instance and device)",
      "ec2_snapshot_info",
      "ec2_instance_info",
    ],
  },
  {
    tool: "ansible",
    suite: "ansible-ec2",
    name: "instance-default-vpc",
    covers: ["ec2_instance (no subnet: the default VPC)"],
  },
  {
    tool: "ansible",
    suite: "ansible-ec2",
    name: "image",
    covers: ["ec2_ami (from an instance; deregistered with its snapshots)", "ec2_ami_info (owners self)"],
  },
  {
    tool: "ansible",
    suite: "ansible-ec2",
    name: "image-share",
    covers: ["ec2_ami (launch_permissions)"],
  },
  {
    tool: "ansible",
    suite: "ansible-ec2",
    name: "volume",
    covers: ["ec2_vol", "ec2_snapshot (of a volume)"],
  },
  {
    tool: "ansible",
    suite: "ansible-ec2",
    name: "vpc",
    covers: ["ec2_vpc_net", "ec2_vpc_subnet"],
  },

  {
    tool: "ansible",
    suite: "ansible-ec2",
    name: "gateways",
    covers: [
      "ec2_vpc_igw_info (attachment.vpc-id)",
      "ec2_vpc_route_table (subnets, a route to the gateway, tags)",
      "ec2_eip (in a VPC, tags)",
      "ec2_eip_info",
    ],
  },

  // ---- Packer ----
  {
    tool: "packer",
    suite: "packer",
    name: "ebs-linux",
    covers: ["amazon-ebs: source_ami_filter", "ami_regions", "ami_users", "snapshot_users", "tags, snapshot_tags, run_tags"],
  },
  { tool: "packer", suite: "packer", name: "ebs-windows", covers: ["amazon-ebs: Windows source AMI, no WinRM password retrieval"] },
  {
    tool: "packer",
    suite: "packer",
    name: "ebs-block-devices",
    covers: ["amazon-ebs: launch_block_device_mappings", "ami_block_device_mappings (EBS and instance store)"],
  },
  { tool: "packer", suite: "packer", name: "ebsvolume", covers: ["amazon-ebsvolume: ebs_volumes with tags"] },
  { tool: "packer", suite: "packer", name: "ebssurrogate", covers: ["amazon-ebssurrogate: ami_root_device from a launch volume"] },
  {
    tool: "packer",
    suite: "packer",
    name: "ebs-spot",
    covers: ['amazon-ebs: spot_price "auto"', "spot_instance_types"],
  },
];
