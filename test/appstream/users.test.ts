// The user pool and users' stack assignments through the SDK (AppStream API reference: CreateUser,
// DescribeUsers, EnableUser, DisableUser, DeleteUser, BatchAssociateUserStack, BatchDisassociateUserStack,
// DescribeUserStackAssociations).
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AssociateFleetCommand,
  BatchAssociateUserStackCommand,
  BatchDisassociateUserStackCommand,
  CreateDirectoryConfigCommand,
  CreateFleetCommand,
  CreateStackCommand,
  CreateUserCommand,
  DeleteStackCommand,
  DeleteUserCommand,
  DescribeUsersCommand,
  DescribeUserStackAssociationsCommand,
  DisableUserCommand,
  EnableUserCommand,
  type AppStreamClient,
} from "@aws-sdk/client-appstream";
import { ACCOUNT_A, rejection, TEST_START, useServer } from "../support/server";

const ALICE = "alice@example.com";
const BOB = "bob@example.com";

describe("AppStream user pool", () => {
  const fx = useServer();
  let client: AppStreamClient;
  before(() => {
    client = fx.appstream();
  });

  const users = async () => (await client.send(new DescribeUsersCommand({ AuthenticationType: "USERPOOL" }))).Users!;
  const assoc = (StackName: string, UserName: string) => ({ StackName, UserName, AuthenticationType: "USERPOOL" as const });

  it("creates a user, enabled and not yet confirmed", async () => {
    await client.send(
      new CreateUserCommand({
        UserName: ALICE,
        AuthenticationType: "USERPOOL",
        FirstName: "Alice",
        LastName: "Liddell",
        MessageAction: "SUPPRESS",
      }),
    );
    assert.deepEqual(await users(), [
      {
        Arn: `arn:aws:appstream:us-east-1:${ACCOUNT_A}:user/userpool/${ALICE}`,
        UserName: ALICE,
        Enabled: true,
        Status: "UNCONFIRMED",
        FirstName: "Alice",
        LastName: "Liddell",
        CreatedTime: new Date(TEST_START),
        AuthenticationType: "USERPOOL",
      },
    ]);
  });

  it("refuses duplicates, names that are not email addresses and other authentication types", async () => {
    await client.send(new CreateUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }));
    const dup = await rejection(() => client.send(new CreateUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" })));
    assert.equal(dup.name, "ResourceAlreadyExistsException");
    // RESEND invites an existing user again; a user that does not exist cannot be re-invited.
    await client.send(new CreateUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL", MessageAction: "RESEND" }));
    const resend = await rejection(() =>
      client.send(new CreateUserCommand({ UserName: BOB, AuthenticationType: "USERPOOL", MessageAction: "RESEND" })),
    );
    assert.equal(resend.name, "OperationNotPermittedException");
    // "If you specify RESEND, do not specify the first name or last name of the user" (CreateUser, MessageAction).
    for (const names of [{ FirstName: "Alice" }, { LastName: "Smith" }]) {
      const named = await rejection(() =>
        client.send(new CreateUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL", MessageAction: "RESEND", ...names })),
      );
      assert.equal(named.name, "InvalidParameterCombinationException", JSON.stringify(names));
    }
    const notEmail = await rejection(() => client.send(new CreateUserCommand({ UserName: "alice", AuthenticationType: "USERPOOL" })));
    assert.equal(notEmail.name, "InvalidParameterCombinationException");
    const saml = await rejection(() => client.send(new CreateUserCommand({ UserName: BOB, AuthenticationType: "SAML" })));
    assert.equal(saml.name, "InvalidParameterCombinationException");
    const list = await rejection(() => client.send(new DescribeUsersCommand({ AuthenticationType: "API" })));
    assert.equal(list.name, "InvalidParameterCombinationException");
    const tooLong = await rejection(() =>
      client.send(new CreateUserCommand({ UserName: `${"a".repeat(120)}@example.com`, AuthenticationType: "USERPOOL" })),
    );
    assert.equal(tooLong.name, "ValidationException");
  });

  it("disables, enables and deletes users; unknown users are not found", async () => {
    await client.send(new CreateUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }));
    await client.send(new DisableUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }));
    assert.equal((await users())[0].Enabled, false);
    await client.send(new EnableUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }));
    assert.equal((await users())[0].Enabled, true);
    await client.send(new DeleteUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }));
    assert.deepEqual(await users(), []);
    for (const cmd of [
      new EnableUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }),
      new DisableUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }),
      new DeleteUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }),
    ]) {
      assert.equal((await rejection(() => client.send(cmd as never))).name, "ResourceNotFoundException");
    }
  });

  it("pages DescribeUsers", async () => {
    const names = Array.from({ length: 7 }, (_, i) => `user${i}@example.com`);
    for (const UserName of names) await client.send(new CreateUserCommand({ UserName, AuthenticationType: "USERPOOL" }));
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new DescribeUsersCommand({ AuthenticationType: "USERPOOL", MaxResults: 3, NextToken }));
      assert.ok(page.Users!.length <= 3);
      seen.push(...page.Users!.map((u) => u.UserName!));
      NextToken = page.NextToken;
    } while (NextToken);
    assert.deepEqual(seen, names);
  });

  describe("stack assignments", () => {
    it("assigns users to stacks, with per-entry errors for what does not exist", async () => {
      await client.send(new CreateStackCommand({ Name: "s" }));
      await client.send(new CreateStackCommand({ Name: "t" }));
      await client.send(new CreateUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }));
      await client.send(new CreateUserCommand({ UserName: BOB, AuthenticationType: "USERPOOL" }));
      const out = await client.send(
        new BatchAssociateUserStackCommand({
          UserStackAssociations: [
            { ...assoc("s", ALICE), SendEmailNotification: true },
            assoc("t", ALICE),
            assoc("s", BOB),
            assoc("nope", ALICE),
            assoc("s", "carol@example.com"),
          ],
        }),
      );
      assert.deepEqual(
        out.errors!.map((e) => [e.ErrorCode, e.UserStackAssociation!.StackName, e.UserStackAssociation!.UserName]),
        [
          ["STACK_NOT_FOUND", "nope", ALICE],
          ["USER_NAME_NOT_FOUND", "s", "carol@example.com"],
        ],
      );
      const byStack = await client.send(new DescribeUserStackAssociationsCommand({ StackName: "s" }));
      assert.deepEqual(byStack.UserStackAssociations, [{ ...assoc("s", ALICE), SendEmailNotification: true }, assoc("s", BOB)]);
      const byUser = await client.send(new DescribeUserStackAssociationsCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }));
      assert.deepEqual(
        byUser.UserStackAssociations!.map((a) => a.StackName),
        ["s", "t"],
      );
      const both = await client.send(
        new DescribeUserStackAssociationsCommand({ StackName: "t", UserName: BOB, AuthenticationType: "USERPOOL" }),
      );
      assert.deepEqual(both.UserStackAssociations, []);

      const removed = await client.send(
        new BatchDisassociateUserStackCommand({ UserStackAssociations: [assoc("s", BOB), assoc("nope", BOB)] }),
      );
      assert.deepEqual(
        removed.errors!.map((e) => e.ErrorCode),
        ["STACK_NOT_FOUND"],
      );
      assert.deepEqual(
        (await client.send(new DescribeUserStackAssociationsCommand({ StackName: "s" }))).UserStackAssociations!.map((a) => a.UserName),
        [ALICE],
      );
    });

    it("goes with the user or the stack it names", async () => {
      await client.send(new CreateStackCommand({ Name: "s" }));
      await client.send(new CreateStackCommand({ Name: "t" }));
      await client.send(new CreateUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }));
      await client.send(new CreateUserCommand({ UserName: BOB, AuthenticationType: "USERPOOL" }));
      await client.send(
        new BatchAssociateUserStackCommand({ UserStackAssociations: [assoc("s", ALICE), assoc("t", ALICE), assoc("t", BOB)] }),
      );
      await client.send(new DeleteStackCommand({ Name: "t" }));
      const alice = await client.send(new DescribeUserStackAssociationsCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }));
      assert.deepEqual(
        alice.UserStackAssociations!.map((a) => a.StackName),
        ["s"],
      );
      await client.send(new DeleteUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }));
      assert.deepEqual((await client.send(new DescribeUserStackAssociationsCommand({ StackName: "s" }))).UserStackAssociations, []);
    });

    it("needs a stack or a user with its authentication type, and refuses repeated entries", async () => {
      for (const input of [{}, { UserName: ALICE }, { AuthenticationType: "USERPOOL" as const }]) {
        const e = await rejection(() => client.send(new DescribeUserStackAssociationsCommand(input)));
        assert.equal(e.name, "InvalidParameterCombinationException");
      }
      const dup = await rejection(() =>
        client.send(new BatchAssociateUserStackCommand({ UserStackAssociations: [assoc("s", ALICE), assoc("s", ALICE)] })),
      );
      assert.equal(dup.name, "InvalidParameterCombinationException");
      const tooMany = await rejection(() =>
        client.send(
          new BatchAssociateUserStackCommand({
            UserStackAssociations: Array.from({ length: 26 }, (_, i) => assoc("s", `u${i}@example.com`)),
          }),
        ),
      );
      assert.equal(tooMany.name, "ValidationException");
    });

    it("refuses user pool users on a stack whose fleet is joined to a domain", async () => {
      // A DomainJoinInfo names a directory config and one of its OUs.
      await client.send(
        new CreateDirectoryConfigCommand({
          DirectoryName: "corp.example.com",
          OrganizationalUnitDistinguishedNames: ["OU=vdi,DC=corp"],
          ServiceAccountCredentials: { AccountName: "CORP\\svc", AccountPassword: "secret" },
        }),
      );
      await client.send(
        new CreateFleetCommand({
          Name: "joined",
          ImageName: "AppStream-WinServer2019-11-10-2025",
          InstanceType: "stream.standard.small",
          ComputeCapacity: { DesiredInstances: 1 },
          VpcConfig: { SubnetIds: ["subnet-a"], SecurityGroupIds: ["sg-1"] },
          DomainJoinInfo: { DirectoryName: "corp.example.com", OrganizationalUnitDistinguishedName: "OU=vdi,DC=corp" },
        }),
      );
      await client.send(new CreateStackCommand({ Name: "s" }));
      await client.send(new AssociateFleetCommand({ FleetName: "joined", StackName: "s" }));
      await client.send(new CreateUserCommand({ UserName: ALICE, AuthenticationType: "USERPOOL" }));
      const e = await rejection(() => client.send(new BatchAssociateUserStackCommand({ UserStackAssociations: [assoc("s", ALICE)] })));
      assert.equal(e.name, "OperationNotPermittedException");
    });

    it("pages a stack's users", async () => {
      await client.send(new CreateStackCommand({ Name: "s" }));
      const names = Array.from({ length: 5 }, (_, i) => `user${i}@example.com`);
      for (const UserName of names) await client.send(new CreateUserCommand({ UserName, AuthenticationType: "USERPOOL" }));
      await client.send(new BatchAssociateUserStackCommand({ UserStackAssociations: names.map((n) => assoc("s", n)) }));
      const first = await client.send(new DescribeUserStackAssociationsCommand({ StackName: "s", MaxResults: 2 }));
      assert.equal(first.UserStackAssociations!.length, 2);
      const rest: string[] = [];
      let NextToken = first.NextToken;
      while (NextToken) {
        const page = await client.send(new DescribeUserStackAssociationsCommand({ StackName: "s", MaxResults: 2, NextToken }));
        rest.push(...page.UserStackAssociations!.map((a) => a.UserName!));
        NextToken = page.NextToken;
      }
      assert.deepEqual([...first.UserStackAssociations!.map((a) => a.UserName!), ...rest], names);
    });
  });
});
