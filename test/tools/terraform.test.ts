// Real Terraform against imagelite: every Terraform configuration (fixtures/terraform/*) as a module of one root,
// applied, planned again with no changes expected, and destroyed, checked through the SDK after each step. The
// checks live by area in terraform-checks/; one root for them all starts Terraform and the AWS provider as few
// times as it can (terraform.ts).
import { terraformSuite, type ConfigurationCheck } from "./terraform";
import { ec2Checks } from "./terraform-checks/ec2";
import { instanceChecks } from "./terraform-checks/instances";
import { appstreamChecks } from "./terraform-checks/appstream";

/** The instance configurations name security groups, key pairs and templates as the EC2 ones do: a server of their own. */
const apart = (checks: Record<string, ConfigurationCheck>, group: string) =>
  Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, { group, ...check }]));

terraformSuite("terraform", "Terraform", { ...ec2Checks, ...apart(instanceChecks, "instances"), ...appstreamChecks });
