// The calls of two resources that newer Terraform AWS providers have and 5.100 (the one on this machine) lacks,
// replayed in the provider's order through the SDK (internal/service/appstream/application_entitlement_association.go
// and usage_report_subscription.go): create, the read after it, a refresh that must find the same, destroy, and the
// read that must then find nothing. aws_appstream_entitlement is replayed in terraform-fleets.test.ts.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AssociateApplicationFleetCommand,
  AssociateApplicationToEntitlementCommand,
  AssociateFleetCommand,
  CreateAppBlockCommand,
  CreateApplicationCommand,
  CreateEntitlementCommand,
  CreateFleetCommand,
  CreateStackCommand,
  CreateUsageReportSubscriptionCommand,
  DeleteUsageReportSubscriptionCommand,
  DescribeUsageReportSubscriptionsCommand,
  DisassociateApplicationFromEntitlementCommand,
  ListEntitledApplicationsCommand,
  type AppStreamClient,
} from "@aws-sdk/client-appstream";
import { ACCOUNT_A, rejection, useServer } from "../support/server";
import { defaultNetwork } from "./network";

describe("Terraform's calls for the AppStream resources of newer providers", () => {
  const fx = useServer();
  let client: AppStreamClient;
  before(() => {
    client = fx.appstream();
  });

  /**
   * findApplicationEntitlementAssociationByThreePartKey: every page of ListEntitledApplications, kept to the
   * application; none is the provider's NotFound, and so is a ResourceNotFoundException.
   */
  async function findAssociation(stack: string, entitlement: string, application: string): Promise<boolean> {
    let NextToken: string | undefined;
    const found: string[] = [];
    do {
      let page;
      try {
        page = await client.send(new ListEntitledApplicationsCommand({ StackName: stack, EntitlementName: entitlement, NextToken }));
      } catch (e) {
        if ((e as Error).name === "ResourceNotFoundException") return false;
        throw e;
      }
      found.push(...page.EntitledApplications!.map((a) => a.ApplicationIdentifier!).filter((id) => id === application));
      NextToken = page.NextToken || undefined;
    } while (NextToken);
    return found.length === 1;
  }

  it("aws_appstream_application_entitlement_association: create, read, refresh, destroy, destroy check", async () => {
    // What the configuration's other resources made first: an Elastic fleet with an application, a stack over it
    // and an entitlement to ASSOCIATED applications.
    const { subnets } = await defaultNetwork(fx.ec2());
    const { AppBlock } = await client.send(
      new CreateAppBlockCommand({
        Name: "tf-block",
        SourceS3Location: { S3Bucket: "tf-apps", S3Key: "editor.vhdx" },
        SetupScriptDetails: {
          ScriptS3Location: { S3Bucket: "tf-apps", S3Key: "setup.ps1" },
          ExecutablePath: "setup.ps1",
          TimeoutInSeconds: 60,
        },
      }),
    );
    const { Application } = await client.send(
      new CreateApplicationCommand({
        Name: "tf-editor",
        AppBlockArn: AppBlock!.Arn,
        IconS3Location: { S3Bucket: "tf-apps", S3Key: "icon.png" },
        LaunchPath: "C:\\apps\\editor.exe",
        Platforms: ["WINDOWS_SERVER_2019"],
        InstanceFamilies: ["GENERAL_PURPOSE"],
      }),
    );
    await client.send(
      new CreateFleetCommand({
        Name: "tf-elastic",
        FleetType: "ELASTIC",
        Platform: "WINDOWS_SERVER_2019",
        InstanceType: "stream.standard.small",
        MaxConcurrentSessions: 2,
        VpcConfig: { SubnetIds: subnets.slice(0, 2) },
      }),
    );
    await client.send(new AssociateApplicationFleetCommand({ FleetName: "tf-elastic", ApplicationArn: Application!.Arn }));
    await client.send(new CreateStackCommand({ Name: "tf-stack" }));
    await client.send(new AssociateFleetCommand({ StackName: "tf-stack", FleetName: "tf-elastic" }));
    await client.send(
      new CreateEntitlementCommand({
        StackName: "tf-stack",
        Name: "tf-entitlement",
        AppVisibility: "ASSOCIATED",
        Attributes: [{ Name: "department", Value: "engineering" }],
      }),
    );

    // resourceApplicationEntitlementAssociationCreate: Associate (retried while ResourceNotFoundException), the id
    // "stack/entitlement/application", then the read.
    const key = { StackName: "tf-stack", EntitlementName: "tf-entitlement", ApplicationIdentifier: "tf-editor" };
    await client.send(new AssociateApplicationToEntitlementCommand(key));
    const id = [key.StackName, key.EntitlementName, key.ApplicationIdentifier].join("/");
    const [stack, entitlement, application] = id.split("/");
    assert.equal(await findAssociation(stack, entitlement, application), true, "the read after create");
    assert.equal(await findAssociation(stack, entitlement, application), true, "a refresh finds it: the plan is empty");

    // An application the stack's fleets do not offer fails the apply with the service's error.
    const other = await rejection(() =>
      client.send(new AssociateApplicationToEntitlementCommand({ ...key, ApplicationIdentifier: "tf-none" })),
    );
    assert.equal(other.name, "ResourceNotFoundException");

    // resourceApplicationEntitlementAssociationDelete: Disassociate (NotFound is success), then the destroy check.
    await client.send(new DisassociateApplicationFromEntitlementCommand(key));
    assert.equal(await findAssociation(stack, entitlement, application), false, "the destroy check");
  });

  it("aws_appstream_usage_report_subscription: create, read, refresh, destroy, destroy check", async () => {
    // resourceUsageReportSubscriptionCreate: an empty input; the id is the account; then the read.
    const created = await client.send(new CreateUsageReportSubscriptionCommand({}));
    const id = ACCOUNT_A;
    assert.match(created.S3BucketName!, /^appstream-logs-us-east-1-111111111111-/);
    assert.equal(created.Schedule, "DAILY");
    // findUsageReportSubscription: DescribeUsageReportSubscriptions, exactly one subscription (AssertSingleValueResult).
    const read = async () => (await client.send(new DescribeUsageReportSubscriptionsCommand({}))).UsageReportSubscriptions!;
    const state = (subs: { S3BucketName?: string; Schedule?: string }[]) => {
      assert.equal(subs.length, 1, "a single subscription");
      return { id, s3_bucket_name: subs[0].S3BucketName, schedule: subs[0].Schedule };
    };
    const applied = state(await read());
    assert.deepEqual(applied, { id, s3_bucket_name: created.S3BucketName, schedule: created.Schedule });
    assert.deepEqual(state(await read()), applied, "a refresh shows no difference");

    // resourceUsageReportSubscriptionDelete; then the destroy check finds none (the provider's NotFound).
    await client.send(new DeleteUsageReportSubscriptionCommand({}));
    assert.deepEqual(await read(), [], "the destroy check: no subscription, which the provider reads as gone");
    // A second destroy (a resource already gone) answers ResourceNotFoundException, which the provider takes as done.
    assert.equal((await rejection(() => client.send(new DeleteUsageReportSubscriptionCommand({})))).name, "ResourceNotFoundException");
  });
});
