// Directory configs through @aws-sdk/client-appstream: what DescribeDirectoryConfigs returns (never the
// password), paging, updates, and the links to fleets and builders (DomainJoinInfo must name a config and one
// of its OUs; a config in use cannot be deleted). API reference: CreateDirectoryConfig, DescribeDirectoryConfigs,
// UpdateDirectoryConfig, DeleteDirectoryConfig.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateDirectoryConfigCommand,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  DeleteDirectoryConfigCommand,
  DeleteFleetCommand,
  DeleteImageBuilderCommand,
  DescribeDirectoryConfigsCommand,
  DescribeFleetsCommand,
  UpdateDirectoryConfigCommand,
  UpdateFleetCommand,
  type AppStreamClient,
  type CreateDirectoryConfigCommandInput,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_B, rejection, T, TEST_START, useServer } from "../support/server";

const IMAGE = "AppStream-WinServer2022-11-10-2025";
const OU_DESKTOPS = "OU=desktops,DC=corp,DC=example,DC=com";
const OU_BUILDERS = "OU=builders,DC=corp,DC=example,DC=com";
const CORP: CreateDirectoryConfigCommandInput = {
  DirectoryName: "corp.example.com",
  OrganizationalUnitDistinguishedNames: [OU_DESKTOPS, OU_BUILDERS],
  ServiceAccountCredentials: { AccountName: "CORP\\appstream-svc", AccountPassword: "Sup3r-secret!" },
};

describe("AppStream directory configs", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });

  const describeOne = async (name: string) =>
    (await client.send(new DescribeDirectoryConfigsCommand({ DirectoryNames: [name] }))).DirectoryConfigs![0];

  it("returns the account name but never the password, with the OUs and the creation time", async () => {
    const { DirectoryConfig } = await client.send(
      new CreateDirectoryConfigCommand({
        ...CORP,
        CertificateBasedAuthProperties: {
          Status: "ENABLED",
          CertificateAuthorityArn: "arn:aws:acm-pca:us-east-1:111111111111:certificate-authority/abc",
        },
      }),
    );
    assert.equal(DirectoryConfig!.ServiceAccountCredentials?.AccountName, "CORP\\appstream-svc");
    assert.equal(DirectoryConfig!.ServiceAccountCredentials?.AccountPassword, undefined);
    const read = await describeOne("corp.example.com");
    assert.deepEqual(read, {
      DirectoryName: "corp.example.com",
      OrganizationalUnitDistinguishedNames: [OU_DESKTOPS, OU_BUILDERS],
      ServiceAccountCredentials: { AccountName: "CORP\\appstream-svc" },
      CertificateBasedAuthProperties: {
        Status: "ENABLED",
        CertificateAuthorityArn: "arn:aws:acm-pca:us-east-1:111111111111:certificate-authority/abc",
      },
      CreatedTime: new Date(TEST_START),
    });
    // Another account has directory configs of its own.
    assert.deepEqual((await fx.appstream(ACCOUNT_B).send(new DescribeDirectoryConfigsCommand({}))).DirectoryConfigs, []);
  });

  it("refuses duplicates and unknown names", async () => {
    await client.send(new CreateDirectoryConfigCommand(CORP));
    assert.equal((await rejection(() => client.send(new CreateDirectoryConfigCommand(CORP)))).name, "ResourceAlreadyExistsException");
    for (const cmd of [
      new DescribeDirectoryConfigsCommand({ DirectoryNames: ["corp.example.com", "nope.example.com"] }),
      new UpdateDirectoryConfigCommand({ DirectoryName: "nope.example.com", OrganizationalUnitDistinguishedNames: [OU_DESKTOPS] }),
      new DeleteDirectoryConfigCommand({ DirectoryName: "nope.example.com" }),
    ]) {
      assert.equal((await rejection(() => client.send(cmd as never))).name, "ResourceNotFoundException");
    }
  });

  it("pages in name order with MaxResults and NextToken", async () => {
    const names = ["e.example.com", "a.example.com", "c.example.com", "b.example.com", "d.example.com"];
    for (const n of names) await client.send(new CreateDirectoryConfigCommand({ ...CORP, DirectoryName: n }));
    const seen: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new DescribeDirectoryConfigsCommand({ MaxResults: 2, NextToken }));
      assert.ok(page.DirectoryConfigs!.length <= 2);
      seen.push(...page.DirectoryConfigs!.map((d) => d.DirectoryName!));
      NextToken = page.NextToken;
      pages++;
    } while (NextToken);
    assert.deepEqual(seen, [...names].sort());
    assert.equal(pages, 3);
    const bad = await rejection(() => client.send(new DescribeDirectoryConfigsCommand({ NextToken: "forged" })));
    assert.equal(bad.name, "ValidationException");
  });

  it("updates OUs, credentials and certificate-based authentication", async () => {
    await client.send(new CreateDirectoryConfigCommand(CORP));
    const { DirectoryConfig } = await client.send(
      new UpdateDirectoryConfigCommand({
        DirectoryName: "corp.example.com",
        OrganizationalUnitDistinguishedNames: [OU_DESKTOPS],
        ServiceAccountCredentials: { AccountName: "CORP\\new-svc", AccountPassword: "An0ther!" },
        CertificateBasedAuthProperties: { Status: "DISABLED" },
      }),
    );
    assert.deepEqual(DirectoryConfig!.OrganizationalUnitDistinguishedNames, [OU_DESKTOPS]);
    const read = await describeOne("corp.example.com");
    assert.deepEqual(read.ServiceAccountCredentials, { AccountName: "CORP\\new-svc" });
    assert.deepEqual(read.CertificateBasedAuthProperties, { Status: "DISABLED" });
    assert.deepEqual(read.OrganizationalUnitDistinguishedNames, [OU_DESKTOPS]);
  });

  it("is what a DomainJoinInfo must name, with one of its OUs", async () => {
    const fleet = (DomainJoinInfo: { DirectoryName?: string; OrganizationalUnitDistinguishedName?: string }) =>
      client.send(
        new CreateFleetCommand({
          Name: "joined",
          ImageName: IMAGE,
          InstanceType: "stream.standard.medium",
          ComputeCapacity: { DesiredInstances: 1 },
          DomainJoinInfo,
        }),
      );
    assert.equal(
      (await rejection(() => fleet({ DirectoryName: "corp.example.com", OrganizationalUnitDistinguishedName: OU_DESKTOPS }))).name,
      "ResourceNotFoundException",
    );
    await client.send(new CreateDirectoryConfigCommand(CORP));
    const wrongOu = await rejection(() =>
      fleet({ DirectoryName: "corp.example.com", OrganizationalUnitDistinguishedName: "OU=elsewhere,DC=corp" }),
    );
    assert.equal(wrongOu.name, "InvalidParameterCombinationException");
    const builder = await rejection(() =>
      client.send(
        new CreateImageBuilderCommand({
          Name: "b",
          ImageName: IMAGE,
          InstanceType: "stream.standard.medium",
          DomainJoinInfo: { DirectoryName: "other.example.com", OrganizationalUnitDistinguishedName: OU_BUILDERS },
        }),
      ),
    );
    assert.equal(builder.name, "ResourceNotFoundException");
    const { Fleet } = await fleet({ DirectoryName: "corp.example.com", OrganizationalUnitDistinguishedName: OU_DESKTOPS });
    assert.deepEqual(Fleet!.DomainJoinInfo, { DirectoryName: "corp.example.com", OrganizationalUnitDistinguishedName: OU_DESKTOPS });
    // UpdateFleet checks the same.
    const update = await rejection(() =>
      client.send(new UpdateFleetCommand({ Name: "joined", DomainJoinInfo: { DirectoryName: "nope.example.com" } })),
    );
    assert.equal(update.name, "ResourceNotFoundException");
    const moved = await client.send(
      new UpdateFleetCommand({
        Name: "joined",
        DomainJoinInfo: { DirectoryName: "corp.example.com", OrganizationalUnitDistinguishedName: OU_BUILDERS },
      }),
    );
    assert.equal(moved.Fleet!.DomainJoinInfo?.OrganizationalUnitDistinguishedName, OU_BUILDERS);
  });

  it("cannot be deleted, nor lose an OU, while a fleet or builder joins it", async () => {
    await client.send(new CreateDirectoryConfigCommand(CORP));
    await client.send(
      new CreateFleetCommand({
        Name: "joined",
        ImageName: IMAGE,
        InstanceType: "stream.standard.medium",
        ComputeCapacity: { DesiredInstances: 1 },
        DomainJoinInfo: { DirectoryName: "corp.example.com", OrganizationalUnitDistinguishedName: OU_DESKTOPS },
      }),
    );
    await client.send(
      new CreateImageBuilderCommand({
        Name: "joined-builder",
        ImageName: IMAGE,
        InstanceType: "stream.standard.medium",
        DomainJoinInfo: { DirectoryName: "corp.example.com", OrganizationalUnitDistinguishedName: OU_BUILDERS },
      }),
    );
    const del = () => client.send(new DeleteDirectoryConfigCommand({ DirectoryName: "corp.example.com" }));
    let e = await rejection(del);
    assert.equal(e.name, "ResourceInUseException");
    assert.match(e.message, /fleet joined/);
    e = await rejection(() =>
      client.send(
        new UpdateDirectoryConfigCommand({ DirectoryName: "corp.example.com", OrganizationalUnitDistinguishedNames: [OU_BUILDERS] }),
      ),
    );
    assert.equal(e.name, "ResourceInUseException");

    // The fleet leaves the domain: the builder still holds the config until its deletion is over.
    await client.send(new UpdateFleetCommand({ Name: "joined", AttributesToDelete: ["DOMAIN_JOIN_INFO"] }));
    assert.equal((await client.send(new DescribeFleetsCommand({ Names: ["joined"] }))).Fleets![0].DomainJoinInfo, undefined);
    e = await rejection(del);
    assert.equal(e.name, "ResourceInUseException");
    assert.match(e.message, /image builder joined-builder/);
    server.clock.advance(T);
    await client.send(new DeleteImageBuilderCommand({ Name: "joined-builder" }));
    assert.equal((await rejection(del)).name, "ResourceInUseException");
    server.clock.advance(T);
    await del();
    await client.send(new DeleteFleetCommand({ Name: "joined" }));
    assert.deepEqual((await client.send(new DescribeDirectoryConfigsCommand({}))).DirectoryConfigs, []);
  });
});
