// Entitlements through @aws-sdk/client-appstream (API reference: CreateEntitlement, DescribeEntitlements,
// UpdateEntitlement, DeleteEntitlement, ListEntitledApplications): a stack's entitlements, their errors, and the
// applications they grant: with ALL, those DescribeImages lists for the images of the stack's fleets; with
// ASSOCIATED, those associated one by one (applications.test.ts covers the associations in full).
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AssociateApplicationToEntitlementCommand,
  AssociateFleetCommand,
  CreateEntitlementCommand,
  CreateFleetCommand,
  CreateStackCommand,
  DeleteEntitlementCommand,
  DeleteStackCommand,
  DescribeEntitlementsCommand,
  DescribeImagesCommand,
  DisassociateFleetCommand,
  ListEntitledApplicationsCommand,
  UpdateEntitlementCommand,
  type AppStreamClient,
  type CreateEntitlementCommandInput,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_B, rejection, T, TEST_START, useServer } from "../support/server";

const SAMPLE = "Amazon-AppStream2-Sample-Image-06-17-2024";
const BASE = "AppStream-WinServer2022-11-10-2025";
const ENGINEERS: CreateEntitlementCommandInput = {
  Name: "engineers",
  StackName: "apps",
  Description: "Engineering apps",
  AppVisibility: "ALL",
  Attributes: [{ Name: "department", Value: "engineering" }],
};

describe("AppStream entitlements", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });

  const stack = (Name = "apps") => client.send(new CreateStackCommand({ Name }));
  const fleetOn = async (Name: string, ImageName: string, StackName = "apps") => {
    await client.send(
      new CreateFleetCommand({ Name, ImageName, InstanceType: "stream.standard.medium", ComputeCapacity: { DesiredInstances: 1 } }),
    );
    await client.send(new AssociateFleetCommand({ FleetName: Name, StackName }));
  };
  const entitled = async (EntitlementName = "engineers", StackName = "apps") =>
    (await client.send(new ListEntitledApplicationsCommand({ StackName, EntitlementName }))).EntitledApplications!.map(
      (a) => a.ApplicationIdentifier,
    );

  it("is created on an existing stack and described with its times", async () => {
    const missing = await rejection(() => client.send(new CreateEntitlementCommand(ENGINEERS)));
    assert.equal(missing.name, "ResourceNotFoundException");
    await stack();
    const { Entitlement } = await client.send(new CreateEntitlementCommand(ENGINEERS));
    const expected = {
      Name: "engineers",
      StackName: "apps",
      Description: "Engineering apps",
      AppVisibility: "ALL",
      Attributes: [{ Name: "department", Value: "engineering" }],
      CreatedTime: new Date(TEST_START),
      LastModifiedTime: new Date(TEST_START),
    };
    assert.deepEqual(Entitlement, expected);
    const described = await client.send(new DescribeEntitlementsCommand({ StackName: "apps", Name: "engineers" }));
    assert.deepEqual(described.Entitlements, [expected]);
    const dup = await rejection(() => client.send(new CreateEntitlementCommand(ENGINEERS)));
    assert.equal(dup.name, "EntitlementAlreadyExistsException");
    // The same name on another stack is another entitlement; another account sees neither stack.
    await stack("other");
    await client.send(new CreateEntitlementCommand({ ...ENGINEERS, StackName: "other" }));
    const elsewhere = await rejection(() => fx.appstream(ACCOUNT_B).send(new DescribeEntitlementsCommand({ StackName: "apps" })));
    assert.equal(elsewhere.name, "ResourceNotFoundException");
  });

  it("matches only the SAML attributes AWS supports, each pair once (EntitlementAttribute)", async () => {
    await stack();
    const supported = ["roles", "department", "organization", "groups", "title", "costCenter", "userType"];
    const { Entitlement } = await client.send(
      new CreateEntitlementCommand({
        ...ENGINEERS,
        Attributes: [...supported.map((Name) => ({ Name, Value: "x" })), { Name: "groups", Value: "y" }],
      }),
    );
    assert.equal(Entitlement!.Attributes!.length, 8);
    for (const [label, Attributes] of [
      ["unsupported name", [{ Name: "domain", Value: "example.com" }]],
      ["name in another case", [{ Name: "Department", Value: "engineering" }]],
      [
        "twice",
        [
          { Name: "title", Value: "lead" },
          { Name: "title", Value: "lead" },
        ],
      ],
    ] as const) {
      const created = await rejection(() =>
        client.send(new CreateEntitlementCommand({ ...ENGINEERS, Name: "bad", Attributes: [...Attributes] })),
      );
      assert.equal(created.name, "ValidationException", label);
      const updated = await rejection(() =>
        client.send(new UpdateEntitlementCommand({ StackName: "apps", Name: "engineers", Attributes: [...Attributes] })),
      );
      assert.equal(updated.name, "ValidationException", label);
    }
  });

  it("lists a stack's entitlements in name order, page by page", async () => {
    await stack();
    await stack("other");
    for (const n of ["e5", "e1", "e3", "e2", "e4"]) await client.send(new CreateEntitlementCommand({ ...ENGINEERS, Name: n }));
    await client.send(new CreateEntitlementCommand({ ...ENGINEERS, StackName: "other", Name: "e0" }));
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new DescribeEntitlementsCommand({ StackName: "apps", MaxResults: 2, NextToken }));
      assert.ok(page.Entitlements!.length <= 2);
      names.push(...page.Entitlements!.map((e) => e.Name!));
      NextToken = page.NextToken;
    } while (NextToken);
    assert.deepEqual(names, ["e1", "e2", "e3", "e4", "e5"]);
  });

  it("updates what is given and the modification time; unknown entitlements are EntitlementNotFoundException", async () => {
    await stack();
    await client.send(new CreateEntitlementCommand(ENGINEERS));
    server.clock.advance(T);
    const { Entitlement } = await client.send(
      new UpdateEntitlementCommand({
        StackName: "apps",
        Name: "engineers",
        AppVisibility: "ASSOCIATED",
        Attributes: [{ Name: "roles", Value: "developer" }],
      }),
    );
    assert.equal(Entitlement!.Description, "Engineering apps");
    assert.equal(Entitlement!.AppVisibility, "ASSOCIATED");
    assert.deepEqual(Entitlement!.Attributes, [{ Name: "roles", Value: "developer" }]);
    assert.deepEqual(Entitlement!.CreatedTime, new Date(TEST_START));
    assert.deepEqual(Entitlement!.LastModifiedTime, new Date(TEST_START + T * 1000));

    for (const cmd of [
      new UpdateEntitlementCommand({ StackName: "apps", Name: "nobody", Description: "x" }),
      new DeleteEntitlementCommand({ StackName: "apps", Name: "nobody" }),
      new ListEntitledApplicationsCommand({ StackName: "apps", EntitlementName: "nobody" }),
    ]) {
      assert.equal((await rejection(() => client.send(cmd as never))).name, "EntitlementNotFoundException");
    }
    for (const cmd of [
      new UpdateEntitlementCommand({ StackName: "nostack", Name: "engineers", Description: "x" }),
      new DeleteEntitlementCommand({ StackName: "nostack", Name: "engineers" }),
      new DescribeEntitlementsCommand({ StackName: "nostack" }),
      new ListEntitledApplicationsCommand({ StackName: "nostack", EntitlementName: "engineers" }),
      // A name the stack does not have: what Terraform's deletion waiter reads as "gone".
      new DescribeEntitlementsCommand({ StackName: "apps", Name: "nobody" }),
    ]) {
      assert.equal((await rejection(() => client.send(cmd as never))).name, "ResourceNotFoundException");
    }
    await client.send(new DeleteEntitlementCommand({ StackName: "apps", Name: "engineers" }));
    assert.deepEqual((await client.send(new DescribeEntitlementsCommand({ StackName: "apps" }))).Entitlements, []);
  });

  it("goes with its stack", async () => {
    await stack();
    await client.send(new CreateEntitlementCommand(ENGINEERS));
    await client.send(new DeleteStackCommand({ Name: "apps" }));
    await stack();
    assert.deepEqual((await client.send(new DescribeEntitlementsCommand({ StackName: "apps" }))).Entitlements, []);
  });

  it("grants the applications of the images of the stack's fleets, as DescribeImages lists them", async () => {
    await stack();
    await client.send(new CreateEntitlementCommand(ENGINEERS));
    assert.deepEqual(await entitled(), [], "no fleet, no application");
    await fleetOn("base-fleet", BASE);
    assert.deepEqual(await entitled(), [], "a base image has no applications");
    // A stack has one fleet: the sample image's fleet takes the base image's place.
    await client.send(new DisassociateFleetCommand({ FleetName: "base-fleet", StackName: "apps" }));
    await fleetOn("sample-fleet", SAMPLE);
    const [image] = (await client.send(new DescribeImagesCommand({ Names: [SAMPLE] }))).Images!;
    const apps = image.Applications!.map((a) => a.Name!).sort();
    assert.ok(apps.length > 0);
    assert.deepEqual(await entitled(), apps);

    // Paging over the applications.
    const pages: string[][] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(
        new ListEntitledApplicationsCommand({ StackName: "apps", EntitlementName: "engineers", MaxResults: 2, NextToken }),
      );
      pages.push(page.EntitledApplications!.map((a) => a.ApplicationIdentifier!));
      NextToken = page.NextToken;
    } while (NextToken);
    assert.deepEqual(pages.flat(), apps);
    assert.ok(pages.length > 1);

    // ASSOCIATED grants only applications associated one by one: none yet, then one of the image's.
    await client.send(new UpdateEntitlementCommand({ StackName: "apps", Name: "engineers", AppVisibility: "ASSOCIATED" }));
    assert.deepEqual(await entitled(), []);
    await client.send(
      new AssociateApplicationToEntitlementCommand({ StackName: "apps", EntitlementName: "engineers", ApplicationIdentifier: apps[0] }),
    );
    assert.deepEqual(await entitled(), [apps[0]]);
  });
});
