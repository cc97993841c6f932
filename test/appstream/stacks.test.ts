// Stacks, fleet ↔ stack associations, streaming URLs and usage report subscriptions through the SDK: defaults,
// updates, refusals and paging (AppStream API reference: CreateStack, UpdateStack, DeleteStack, AssociateFleet,
// CreateStreamingURL, CreateUsageReportSubscription).
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AssociateFleetCommand,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  CreateImageBuilderStreamingURLCommand,
  CreateStackCommand,
  CreateStreamingURLCommand,
  CreateUsageReportSubscriptionCommand,
  DeleteFleetCommand,
  DeleteStackCommand,
  DeleteUsageReportSubscriptionCommand,
  DescribeSessionsCommand,
  DescribeStacksCommand,
  DescribeUsageReportSubscriptionsCommand,
  DisassociateFleetCommand,
  ExpireSessionCommand,
  ListAssociatedFleetsCommand,
  ListAssociatedStacksCommand,
  ListTagsForResourceCommand,
  StartFleetCommand,
  TagResourceCommand,
  UpdateStackCommand,
  type AppStreamClient,
  type UserSetting,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, admin, rejection, T, TEST_START, useServer } from "../support/server";

const IMAGE = "AppStream-WinServer2019-11-10-2025";
/** An enabled clipboard action without a MaximumLength has 20,971,520 (API reference, UserSetting). */
const CLIPBOARD_MAX = 20_971_520;
const DEFAULT_SETTINGS = [
  { Action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", Permission: "ENABLED", MaximumLength: CLIPBOARD_MAX },
  { Action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", Permission: "ENABLED", MaximumLength: CLIPBOARD_MAX },
  { Action: "FILE_UPLOAD", Permission: "ENABLED" },
  { Action: "FILE_DOWNLOAD", Permission: "ENABLED" },
  { Action: "PRINTING_TO_LOCAL_DEVICE", Permission: "ENABLED" },
  { Action: "DOMAIN_PASSWORD_SIGNIN", Permission: "ENABLED" },
  { Action: "DOMAIN_SMART_CARD_SIGNIN", Permission: "DISABLED" },
  { Action: "AUTO_TIME_ZONE_REDIRECTION", Permission: "DISABLED" },
];

describe("AppStream stacks", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });

  const stack = async (name: string) => (await client.send(new DescribeStacksCommand({ Names: [name] }))).Stacks![0];
  const fleet = (Name: string) =>
    client.send(
      new CreateFleetCommand({ Name, ImageName: IMAGE, InstanceType: "stream.standard.small", ComputeCapacity: { DesiredInstances: 1 } }),
    );

  it("is created with its attributes, every user setting and persistent application settings off", async () => {
    const { Stack } = await client.send(
      new CreateStackCommand({
        Name: "stack-1",
        Description: "desktops",
        DisplayName: "Stack one",
        FeedbackURL: "https://example.com/feedback",
        RedirectURL: "https://example.com/bye",
        StorageConnectors: [{ ConnectorType: "HOMEFOLDERS" }],
        EmbedHostDomains: ["example.com"],
        StreamingExperienceSettings: { PreferredProtocol: "UDP" },
        Tags: { team: "vdi" },
      }),
    );
    assert.equal(Stack!.Arn, `arn:aws:appstream:us-east-1:${ACCOUNT_A}:stack/stack-1`);
    assert.equal(Stack!.CreatedTime!.getTime(), TEST_START);
    assert.equal(Stack!.Description, "desktops");
    assert.deepEqual(Stack!.StorageConnectors, [{ ConnectorType: "HOMEFOLDERS" }]);
    assert.deepEqual(Stack!.EmbedHostDomains, ["example.com"]);
    assert.deepEqual(Stack!.StreamingExperienceSettings, { PreferredProtocol: "UDP" });
    assert.deepEqual(Stack!.UserSettings, DEFAULT_SETTINGS);
    assert.deepEqual(Stack!.ApplicationSettings, { Enabled: false });
    assert.deepEqual(Stack!.StackErrors, []);
    assert.deepEqual(await stack("stack-1"), Stack);
    const { Tags } = await client.send(new ListTagsForResourceCommand({ ResourceArn: Stack!.Arn }));
    assert.deepEqual(Tags, { team: "vdi" });
  });

  it("keeps the user settings given, the other actions at their defaults, in one order", async () => {
    const { Stack } = await client.send(
      new CreateStackCommand({
        Name: "s",
        UserSettings: [
          { Action: "FILE_DOWNLOAD", Permission: "DISABLED" },
          { Action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", Permission: "ENABLED", MaximumLength: 4096 },
        ],
      }),
    );
    const expected = DEFAULT_SETTINGS.map((s) =>
      s.Action === "FILE_DOWNLOAD"
        ? { ...s, Permission: "DISABLED" }
        : s.Action === "CLIPBOARD_COPY_TO_LOCAL_DEVICE"
          ? { ...s, MaximumLength: 4096 }
          : s,
    );
    assert.deepEqual(Stack!.UserSettings, expected);
    const dup = await rejection(() =>
      client.send(
        new CreateStackCommand({
          Name: "t",
          UserSettings: [
            { Action: "FILE_UPLOAD", Permission: "DISABLED" },
            { Action: "FILE_UPLOAD", Permission: "ENABLED" },
          ],
        }),
      ),
    );
    assert.equal(dup.name, "InvalidParameterCombinationException");
  });

  it("takes a clipboard MaximumLength as the API reference states it (UserSetting)", async () => {
    const create = (Name: string, UserSettings: UserSetting[]) => client.send(new CreateStackCommand({ Name, UserSettings }));
    const refused: [string, UserSetting, string][] = [
      ["another action", { Action: "FILE_UPLOAD", Permission: "ENABLED", MaximumLength: 10 }, "InvalidParameterCombinationException"],
      [
        "disabled",
        { Action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", Permission: "DISABLED", MaximumLength: 10 },
        "InvalidParameterCombinationException",
      ],
      ["zero", { Action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", Permission: "ENABLED", MaximumLength: 0 }, "ValidationException"],
      [
        "too long",
        { Action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", Permission: "ENABLED", MaximumLength: CLIPBOARD_MAX + 1 },
        "ValidationException",
      ],
    ];
    for (const [label, setting, code] of refused) assert.equal((await rejection(() => create("bad", [setting]))).name, code, label);
    const { Stack } = await create("clip", [
      { Action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", Permission: "ENABLED", MaximumLength: 1 },
      { Action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", Permission: "DISABLED" },
    ]);
    const clipboard = Stack!.UserSettings!.filter((u) => u.Action!.startsWith("CLIPBOARD"));
    assert.deepEqual(clipboard, [
      { Action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", Permission: "ENABLED", MaximumLength: 1 },
      { Action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", Permission: "DISABLED" },
    ]);
    // Enabled again without a length, the action has the largest.
    const updated = await client.send(
      new UpdateStackCommand({ Name: "clip", UserSettings: [{ Action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", Permission: "ENABLED" }] }),
    );
    assert.deepEqual(
      updated.Stack!.UserSettings!.find((u) => u.Action === "CLIPBOARD_COPY_TO_LOCAL_DEVICE"),
      { Action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", Permission: "ENABLED", MaximumLength: CLIPBOARD_MAX },
    );
    const update = await rejection(() =>
      client.send(
        new UpdateStackCommand({
          Name: "clip",
          UserSettings: [{ Action: "PRINTING_TO_LOCAL_DEVICE", Permission: "ENABLED", MaximumLength: 5 }],
        }),
      ),
    );
    assert.equal(update.name, "InvalidParameterCombinationException");
  });

  it("asks for admin consent domains only on the OneDrive connector (StorageConnector)", async () => {
    const consent = await rejection(() =>
      client.send(
        new CreateStackCommand({
          Name: "od",
          StorageConnectors: [{ ConnectorType: "GOOGLE_DRIVE", Domains: ["example.com"], DomainsRequireAdminConsent: ["example.com"] }],
        }),
      ),
    );
    assert.equal(consent.name, "InvalidParameterCombinationException");
    const oneDrive = { ConnectorType: "ONE_DRIVE" as const, Domains: ["example.com"], DomainsRequireAdminConsent: ["example.com"] };
    const { Stack } = await client.send(new CreateStackCommand({ Name: "od", StorageConnectors: [oneDrive] }));
    assert.deepEqual(Stack!.StorageConnectors, [oneDrive]);
    const update = await rejection(() =>
      client.send(
        new UpdateStackCommand({
          Name: "od",
          StorageConnectors: [{ ConnectorType: "HOMEFOLDERS", DomainsRequireAdminConsent: ["example.com"] }],
        }),
      ),
    );
    assert.equal(update.name, "InvalidParameterCombinationException");
  });

  it("holds an account to 10 stacks a Region (AppStream 2.0 Service Quotas, limits.html)", async () => {
    for (let i = 0; i < 10; i++) await client.send(new CreateStackCommand({ Name: `q${i}` }));
    const limit = await rejection(() => client.send(new CreateStackCommand({ Name: "q10" })));
    assert.equal(limit.name, "LimitExceededException");
    await client.send(new DeleteStackCommand({ Name: "q0" }));
    await client.send(new CreateStackCommand({ Name: "q10" }));
  });

  it("names the account's application settings bucket when persistence is enabled", async () => {
    const { Stack } = await client.send(
      new CreateStackCommand({ Name: "s", ApplicationSettings: { Enabled: true, SettingsGroup: "group-1" } }),
    );
    const bucket = Stack!.ApplicationSettings!.S3BucketName!;
    assert.match(bucket, new RegExp(`^appstream-app-settings-us-east-1-${ACCOUNT_A}-[0-9a-f]{10}$`));
    assert.equal(Stack!.ApplicationSettings!.SettingsGroup, "group-1");
    const other = await client.send(new CreateStackCommand({ Name: "t", ApplicationSettings: { Enabled: true } }));
    assert.equal(other.Stack!.ApplicationSettings!.S3BucketName, bucket, "one bucket per account and Region");
    const off = await client.send(new UpdateStackCommand({ Name: "s", ApplicationSettings: { Enabled: false } }));
    assert.deepEqual(off.Stack!.ApplicationSettings, { Enabled: false });
  });

  it("applies the model's patterns to the whole value: a valid part inside a value is not enough", async () => {
    // EmbedHostDomain and StreamingUrlUserId carry no anchors in the model; AWS matches them against the whole value.
    const domain = await rejection(() => client.send(new CreateStackCommand({ Name: "embed", EmbedHostDomains: ["evil domain.com"] })));
    assert.equal(domain.name, "ValidationException");
    assert.match(
      domain.message,
      /Value 'evil domain.com' at 'embedHostDomains.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    const user = await rejection(() =>
      client.send(new CreateStreamingURLCommand({ StackName: "embed", FleetName: "f", UserId: "user with space" })),
    );
    assert.equal(user.name, "ValidationException");
    assert.match(
      user.message,
      /at 'userId' failed to satisfy constraint: Member must satisfy regular expression pattern: \[\\w\+=,\.@-\]\*/,
    );
    await client.send(new CreateStackCommand({ Name: "embed", EmbedHostDomains: ["portal.example.com"] }));
    assert.deepEqual((await stack("embed")).EmbedHostDomains, ["portal.example.com"]);
  });

  it("refuses a second stack of the same name and unknown names", async () => {
    await client.send(new CreateStackCommand({ Name: "s" }));
    assert.equal((await rejection(() => client.send(new CreateStackCommand({ Name: "s" })))).name, "ResourceAlreadyExistsException");
    const missing = await rejection(() => client.send(new DescribeStacksCommand({ Names: ["s", "nope"] })));
    assert.equal(missing.name, "ResourceNotFoundException");
    assert.match(missing.message, /nope/);
    for (const cmd of [new UpdateStackCommand({ Name: "nope", Description: "x" }), new DeleteStackCommand({ Name: "nope" })]) {
      assert.equal((await rejection(() => client.send(cmd as never))).name, "ResourceNotFoundException");
    }
    const bad = await rejection(() => client.send(new CreateStackCommand({ Name: "bad name" })));
    assert.equal(bad.name, "ValidationException");
  });

  it("updates what is given, merges user settings, and deletes attributes", async () => {
    await client.send(
      new CreateStackCommand({
        Name: "s",
        Description: "d",
        FeedbackURL: "https://example.com/f",
        RedirectURL: "https://example.com/r",
        StorageConnectors: [{ ConnectorType: "HOMEFOLDERS" }, { ConnectorType: "ONE_DRIVE", Domains: ["example.com"] }],
        AccessEndpoints: [{ EndpointType: "STREAMING", VpceId: "vpce-1" }],
        UserSettings: [{ Action: "PRINTING_TO_LOCAL_DEVICE", Permission: "DISABLED" }],
      }),
    );
    const { Stack } = await client.send(
      new UpdateStackCommand({
        Name: "s",
        DisplayName: "Shown",
        Description: "",
        UserSettings: [{ Action: "FILE_UPLOAD", Permission: "DISABLED" }],
        AttributesToDelete: ["STORAGE_CONNECTOR_ONE_DRIVE", "FEEDBACK_URL", "ACCESS_ENDPOINTS"],
      }),
    );
    assert.equal(Stack!.DisplayName, "Shown");
    assert.equal(Stack!.Description, undefined, "an empty description clears it");
    assert.equal(Stack!.FeedbackURL, undefined);
    assert.equal(Stack!.RedirectURL, "https://example.com/r");
    assert.equal(Stack!.AccessEndpoints, undefined);
    assert.deepEqual(Stack!.StorageConnectors, [{ ConnectorType: "HOMEFOLDERS" }]);
    const perm = (a: string) => Stack!.UserSettings!.find((s) => s.Action === a)!.Permission;
    assert.equal(perm("PRINTING_TO_LOCAL_DEVICE"), "DISABLED", "earlier settings stay");
    assert.equal(perm("FILE_UPLOAD"), "DISABLED");
    assert.equal(Stack!.UserSettings!.length, 8);

    const reset = await client.send(
      new UpdateStackCommand({ Name: "s", AttributesToDelete: ["USER_SETTINGS"], DeleteStorageConnectors: true }),
    );
    assert.deepEqual(reset.Stack!.UserSettings, DEFAULT_SETTINGS);
    assert.equal(reset.Stack!.StorageConnectors, undefined);
    assert.deepEqual(await stack("s"), reset.Stack);
  });

  /** Room for `n` stacks in the account, beyond AWS's default 10 (AppStream 2.0 Service Quotas). */
  const allowStacks = async (n: number) =>
    assert.equal((await admin(server, "POST", "/_imagelite/quotas", { service: "appstream", quotas: { "L-A8B8B901": n } })).status, 200);

  it("pages DescribeStacks in name order", async () => {
    await allowStacks(30);
    const names = Array.from({ length: 30 }, (_, i) => `stack-${String(i).padStart(2, "0")}`);
    for (const Name of names) await client.send(new CreateStackCommand({ Name }));
    const first = await client.send(new DescribeStacksCommand({}));
    assert.equal(first.Stacks!.length, 25);
    assert.ok(first.NextToken);
    const second = await client.send(new DescribeStacksCommand({ NextToken: first.NextToken }));
    assert.equal(second.NextToken, undefined);
    assert.deepEqual(
      [...first.Stacks!, ...second.Stacks!].map((s) => s.Name),
      names,
    );
    const forged = await rejection(() => client.send(new DescribeStacksCommand({ NextToken: "forged" })));
    assert.equal(forged.name, "ValidationException");
  });

  it("keeps accounts apart", async () => {
    await client.send(new CreateStackCommand({ Name: "s" }));
    const other = fx.appstream(ACCOUNT_B);
    assert.deepEqual((await other.send(new DescribeStacksCommand({}))).Stacks, []);
    const tag = await rejection(() =>
      other.send(new TagResourceCommand({ ResourceArn: `arn:aws:appstream:us-east-1:${ACCOUNT_A}:stack/s`, Tags: { a: "b" } })),
    );
    assert.equal(tag.name, "ResourceNotFoundException");
  });

  describe("fleet associations", () => {
    it("associates a fleet with a stack, lists both ways, and keeps both from being deleted", async () => {
      await fleet("f");
      await client.send(new CreateStackCommand({ Name: "s" }));
      await client.send(new AssociateFleetCommand({ FleetName: "f", StackName: "s" }));
      await client.send(new AssociateFleetCommand({ FleetName: "f", StackName: "s" })); // the same pair again changes nothing
      assert.deepEqual((await client.send(new ListAssociatedFleetsCommand({ StackName: "s" }))).Names, ["f"]);
      assert.deepEqual((await client.send(new ListAssociatedStacksCommand({ FleetName: "f" }))).Names, ["s"]);

      const delStack = await rejection(() => client.send(new DeleteStackCommand({ Name: "s" })));
      assert.equal(delStack.name, "ResourceInUseException");
      assert.match(delStack.message, /This stack has fleets associated with it/);
      const delFleet = await rejection(() => client.send(new DeleteFleetCommand({ Name: "f" })));
      assert.equal(delFleet.name, "ResourceInUseException");
      assert.match(delFleet.message, /is associated with a stack/);

      await client.send(new DisassociateFleetCommand({ FleetName: "f", StackName: "s" }));
      assert.deepEqual((await client.send(new ListAssociatedFleetsCommand({ StackName: "s" }))).Names, []);
      const again = await rejection(() => client.send(new DisassociateFleetCommand({ FleetName: "f", StackName: "s" })));
      assert.equal(again.name, "ResourceNotFoundException");
      await client.send(new DeleteFleetCommand({ Name: "f" }));
      await client.send(new DeleteStackCommand({ Name: "s" }));
      assert.equal((await rejection(() => stack("s"))).name, "ResourceNotFoundException");
    });

    it("needs both to exist, and gives a stack one fleet while a fleet may serve several stacks", async () => {
      await fleet("f");
      await fleet("g");
      await client.send(new CreateStackCommand({ Name: "s" }));
      await client.send(new CreateStackCommand({ Name: "t" }));
      for (const input of [
        { FleetName: "nope", StackName: "s" },
        { FleetName: "f", StackName: "nope" },
      ]) {
        assert.equal((await rejection(() => client.send(new AssociateFleetCommand(input)))).name, "ResourceNotFoundException");
      }
      await client.send(new AssociateFleetCommand({ FleetName: "f", StackName: "s" }));
      await client.send(new AssociateFleetCommand({ FleetName: "f", StackName: "t" }));
      assert.deepEqual((await client.send(new ListAssociatedStacksCommand({ FleetName: "f" }))).Names, ["s", "t"]);
      const second = await rejection(() => client.send(new AssociateFleetCommand({ FleetName: "g", StackName: "s" })));
      assert.equal(second.name, "LimitExceededException");
      assert.deepEqual((await client.send(new ListAssociatedStacksCommand({ FleetName: "nope" }))).Names, []);
    });

    it("pages ListAssociatedStacks", async () => {
      await allowStacks(27);
      await fleet("f");
      const names = Array.from({ length: 27 }, (_, i) => `s${String(i).padStart(2, "0")}`);
      for (const Name of names) {
        await client.send(new CreateStackCommand({ Name }));
        await client.send(new AssociateFleetCommand({ FleetName: "f", StackName: Name }));
      }
      const first = await client.send(new ListAssociatedStacksCommand({ FleetName: "f" }));
      assert.equal(first.Names!.length, 25);
      const second = await client.send(new ListAssociatedStacksCommand({ FleetName: "f", NextToken: first.NextToken }));
      assert.deepEqual([...first.Names!, ...second.Names!], names);
      assert.equal(second.NextToken, undefined);
      const wrongScope = await rejection(() =>
        client.send(new ListAssociatedFleetsCommand({ StackName: "s00", NextToken: first.NextToken })),
      );
      assert.equal(wrongScope.name, "ValidationException");
    });
  });

  describe("streaming URLs and sessions", () => {
    it("streams only from a running fleet associated with the stack", async () => {
      await fleet("f");
      await client.send(new CreateStackCommand({ Name: "s" }));
      const url = { StackName: "s", FleetName: "f", UserId: "alice" };
      const unassociated = await rejection(() => client.send(new CreateStreamingURLCommand(url)));
      assert.equal(unassociated.name, "InvalidParameterCombinationException");
      await client.send(new AssociateFleetCommand({ FleetName: "f", StackName: "s" }));
      const stopped = await rejection(() => client.send(new CreateStreamingURLCommand(url)));
      assert.equal(stopped.name, "ResourceNotAvailableException");
      await client.send(new StartFleetCommand({ Name: "f" }));
      server.clock.advance(T);

      const out = await client.send(new CreateStreamingURLCommand(url));
      assert.match(
        out.StreamingURL!,
        /^https:\/\/appstream2\.us-east-1\.aws\.amazon\.com\/authenticate\?parameters=[\w-]+&signature=[\w-]+$/,
      );
      assert.equal(out.Expires!.getTime(), server.clock.now().getTime() + 60_000, "valid 60 seconds by default");
      const week = await client.send(new CreateStreamingURLCommand({ ...url, Validity: 604800 }));
      assert.equal(week.Expires!.getTime(), server.clock.now().getTime() + 604800_000);
      for (const Validity of [0, 604801]) {
        const bad = await rejection(() => client.send(new CreateStreamingURLCommand({ ...url, Validity })));
        assert.equal(bad.name, "InvalidParameterCombinationException");
      }
      const noStack = await rejection(() => client.send(new CreateStreamingURLCommand({ ...url, StackName: "nope" })));
      assert.equal(noStack.name, "ResourceNotFoundException");

      // The URL is taken as opened: alice's one session starts (software-and-sessions.test.ts follows it).
      const listed = (await client.send(new DescribeSessionsCommand({ StackName: "s", FleetName: "f" }))).Sessions!;
      assert.deepEqual(
        listed.map((x) => [x.UserId, x.State]),
        [["alice", "PENDING"]],
      );
      // "If you specify a user ID, you must also specify the authentication type" (DescribeSessions).
      const noAuth = await rejection(() => client.send(new DescribeSessionsCommand({ StackName: "s", FleetName: "f", UserId: "alice" })));
      assert.equal(noAuth.name, "InvalidParameterCombinationException");
      const sessions = await client.send(
        new DescribeSessionsCommand({ StackName: "s", FleetName: "f", UserId: "alice", AuthenticationType: "API" }),
      );
      assert.deepEqual(
        sessions.Sessions!.map((x) => x.UserId),
        ["alice"],
      );
      await client.send(new ExpireSessionCommand({ SessionId: "b5e2a8e1-0000-4000-8000-000000000000" }));
    });

    it("streams an image builder only while it runs", async () => {
      await client.send(new CreateImageBuilderCommand({ Name: "b", ImageName: IMAGE, InstanceType: "stream.standard.medium" }));
      const pending = await rejection(() => client.send(new CreateImageBuilderStreamingURLCommand({ Name: "b" })));
      assert.equal(pending.name, "OperationNotPermittedException");
      server.clock.advance(T);
      const out = await client.send(new CreateImageBuilderStreamingURLCommand({ Name: "b" }));
      assert.match(out.StreamingURL!, /^https:\/\/appstream2\.us-east-1\.aws\.amazon\.com\/authenticate\?parameters=/);
      assert.equal(out.Expires!.getTime(), server.clock.now().getTime() + 3600_000, "valid an hour by default");
      const missing = await rejection(() => client.send(new CreateImageBuilderStreamingURLCommand({ Name: "nope" })));
      assert.equal(missing.name, "ResourceNotFoundException");
    });
  });

  describe("usage report subscriptions", () => {
    it("subscribes once per account and Region, reports daily, and unsubscribes", async () => {
      assert.deepEqual((await client.send(new DescribeUsageReportSubscriptionsCommand({}))).UsageReportSubscriptions, []);
      const none = await rejection(() => client.send(new DeleteUsageReportSubscriptionCommand({})));
      assert.equal(none.name, "ResourceNotFoundException");

      const sub = await client.send(new CreateUsageReportSubscriptionCommand({}));
      assert.equal(sub.Schedule, "DAILY");
      assert.match(sub.S3BucketName!, new RegExp(`^appstream-logs-us-east-1-${ACCOUNT_A}-[0-9a-f]{10}$`));
      assert.equal((await client.send(new CreateUsageReportSubscriptionCommand({}))).S3BucketName, sub.S3BucketName);
      const [first] = (await client.send(new DescribeUsageReportSubscriptionsCommand({}))).UsageReportSubscriptions!;
      assert.deepEqual(first, { S3BucketName: sub.S3BucketName, Schedule: "DAILY", SubscriptionErrors: [] });

      server.clock.advance(24 * 3600);
      const [later] = (await client.send(new DescribeUsageReportSubscriptionsCommand({}))).UsageReportSubscriptions!;
      assert.equal(later.LastGeneratedReportDate!.toISOString(), "2026-11-24T00:00:00.000Z");

      await client.send(new DeleteUsageReportSubscriptionCommand({}));
      assert.deepEqual((await client.send(new DescribeUsageReportSubscriptionsCommand({}))).UsageReportSubscriptions, []);
    });
  });
});
