// Real Terraform against imagelite: every Terraform configuration (fixtures/terraform/*) as a module of one root,
// applied, planned again with no changes expected, and destroyed, checked through the SDK after each step. The
// checks live by area in terraform-checks/; one root for them all starts Terraform and the AWS provider as few
// times as it can (terraform.ts).
import { terraformSuite } from "./terraform";
import { ec2Checks } from "./terraform-checks/ec2";
import { instanceChecks } from "./terraform-checks/instances";
import { appstreamChecks } from "./terraform-checks/appstream";

terraformSuite("terraform", "Terraform", { ...ec2Checks, ...instanceChecks, ...appstreamChecks });
