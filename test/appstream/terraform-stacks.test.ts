// What `terraform apply` and `terraform destroy` send for aws_appstream_stack,
// aws_appstream_fleet_stack_association, aws_appstream_user and aws_appstream_user_stack_association, in the
// order terraform-provider-aws sends it (internal/service/appstream/stack.go, fleet_stack_association.go,
// user.go, user_stack_association.go, find.go, wait.go): each write followed by the provider's read, its
// waiters, and a second read — a refresh — that must match what the first one stored, so that a following
// `terraform plan` has nothing to change.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AssociateFleetCommand,
  BatchAssociateUserStackCommand,
  BatchDisassociateUserStackCommand,
  CreateFleetCommand,
  CreateStackCommand,
  CreateUserCommand,
  DeleteFleetCommand,
  DeleteStackCommand,
  DeleteUserCommand,
  DescribeFleetsCommand,
  DescribeStacksCommand,
  DescribeUsersCommand,
  DescribeUserStackAssociationsCommand,
  DisableUserCommand,
  DisassociateFleetCommand,
  EnableUserCommand,
  ListAssociatedStacksCommand,
  ListTagsForResourceCommand,
  StartFleetCommand,
  StopFleetCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateStackCommand,
  type AppStreamClient,
  type Stack,
  type UserSetting,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { T, useServer } from "../support/server";

/** The provider's configuration of aws_appstream_stack (attribute names as in HCL). */
interface StackConfig {
  name: string;
  description?: string;
  display_name?: string;
  feedback_url?: string;
  redirect_url?: string;
  embed_host_domains?: string[];
  storage_connectors?: { connector_type: string; domains?: string[]; resource_identifier?: string }[];
  application_settings?: { enabled: boolean; settings_group?: string };
  streaming_experience_settings?: { preferred_protocol: string };
  user_settings?: { action: string; permission: string }[];
  tags?: Record<string, string>;
}

const isNotFound = (e: unknown) => (e as Error).name === "ResourceNotFoundException";

/** What the provider's read stores, flattened as stack.go flattens it. */
function stackState(s: Stack, tags: Record<string, string>) {
  const sortBy = <X>(xs: X[], key: (x: X) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    id: s.Name!,
    arn: s.Arn!,
    created_time: s.CreatedTime!.toISOString().replace(/\.\d{3}Z$/, "Z"),
    name: s.Name,
    description: s.Description ?? "",
    display_name: s.DisplayName ?? "",
    feedback_url: s.FeedbackURL ?? "",
    redirect_url: s.RedirectURL ?? "",
    embed_host_domains: [...(s.EmbedHostDomains ?? [])].sort(),
    access_endpoints: (s.AccessEndpoints ?? []).map((e) => ({ endpoint_type: e.EndpointType, vpce_id: e.VpceId ?? "" })),
    application_settings: s.ApplicationSettings
      ? [{ enabled: s.ApplicationSettings.Enabled ?? false, settings_group: s.ApplicationSettings.SettingsGroup ?? "" }]
      : [],
    storage_connectors: sortBy(
      (s.StorageConnectors ?? []).map((c) => ({
        connector_type: c.ConnectorType!,
        domains: c.Domains ?? [],
        resource_identifier: c.ResourceIdentifier ?? "",
      })),
      (c) => c.connector_type,
    ),
    streaming_experience_settings: s.StreamingExperienceSettings
      ? [{ preferred_protocol: s.StreamingExperienceSettings.PreferredProtocol ?? "" }]
      : [],
    // A set in the schema: its order does not matter to Terraform, but it must not change between reads.
    user_settings: (s.UserSettings ?? []).map((u: UserSetting) => ({ action: u.Action!, permission: u.Permission! })),
    tags,
  };
}
type StackState = ReturnType<typeof stackState>;

/**
 * What `terraform plan` would propose to change for the stack: the attributes of the configuration that the
 * stored state does not match, with the schema's rules (Optional+Computed members left out of the
 * configuration keep what the service returns; user_settings with fewer blocks than actions is suppressed by
 * suppressAppsStreamStackUserSettings, so only the configured blocks are compared; application_settings left out
 * while enabled is a change, by the resource's CustomizeDiff).
 */
function planChanges(config: StackConfig, state: StackState): string[] {
  const changes: string[] = [];
  const setOf = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
  for (const k of ["description", "display_name"] as const) if ((config[k] ?? "") !== state[k]) changes.push(k);
  for (const k of ["feedback_url", "redirect_url"] as const) if (config[k] !== undefined && config[k] !== state[k]) changes.push(k);
  if (config.embed_host_domains && setOf(config.embed_host_domains).join() !== setOf(state.embed_host_domains).join()) {
    changes.push("embed_host_domains");
  }
  if (config.storage_connectors) {
    const want = config.storage_connectors.map((c) => c.connector_type).sort();
    if (want.join() !== state.storage_connectors.map((c) => c.connector_type).join()) changes.push("storage_connectors");
  }
  if (config.application_settings) {
    const have = state.application_settings[0];
    if (
      !have ||
      have.enabled !== config.application_settings.enabled ||
      have.settings_group !== (config.application_settings.settings_group ?? "")
    ) {
      changes.push("application_settings");
    }
  } else if (state.application_settings[0]?.enabled) changes.push("application_settings");
  if (config.streaming_experience_settings) {
    if (state.streaming_experience_settings[0]?.preferred_protocol !== config.streaming_experience_settings.preferred_protocol) {
      changes.push("streaming_experience_settings");
    }
  }
  if (config.user_settings) {
    const have = setOf(state.user_settings);
    const want = setOf(config.user_settings);
    const differs = want.length === have.length ? want.join() !== have.join() : want.some((w) => !have.includes(w));
    if (differs) changes.push("user_settings");
  }
  if (JSON.stringify(config.tags ?? {}) !== JSON.stringify(Object.fromEntries(Object.entries(state.tags).sort()))) changes.push("tags");
  return changes;
}

const ALL_ACTIONS = [
  "CLIPBOARD_COPY_FROM_LOCAL_DEVICE",
  "CLIPBOARD_COPY_TO_LOCAL_DEVICE",
  "FILE_UPLOAD",
  "FILE_DOWNLOAD",
  "PRINTING_TO_LOCAL_DEVICE",
  "DOMAIN_PASSWORD_SIGNIN",
  "DOMAIN_SMART_CARD_SIGNIN",
  "AUTO_TIME_ZONE_REDIRECTION",
];

describe("Terraform's AppStream stack, association and user resources", () => {
  const fx = useServer();
  let server: Imagelite;
  let conn: AppStreamClient;
  before(() => {
    server = fx.server;
    conn = fx.appstream();
  });

  // ---- aws_appstream_stack (stack.go) ----

  /** findStackByID: DescribeStacks by name through every page; ResourceNotFoundException is "not found". */
  async function findStack(name: string): Promise<Stack | undefined> {
    const found: Stack[] = [];
    let NextToken: string | undefined;
    try {
      do {
        const page = await conn.send(new DescribeStacksCommand({ Names: [name], NextToken }));
        found.push(...(page.Stacks ?? []));
        NextToken = page.NextToken;
      } while (NextToken);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
    assert.equal(found.length, 1, "AssertSingleValueResult");
    return found[0];
  }

  /** resourceStackRead, then the transparent tagging's ListTagsForResource on the arn. */
  async function readStack(id: string): Promise<StackState | undefined> {
    const s = await findStack(id);
    if (!s) return undefined;
    const { Tags } = await conn.send(new ListTagsForResourceCommand({ ResourceArn: s.Arn }));
    return stackState(s, Tags ?? {});
  }

  function stackInput(c: StackConfig) {
    return {
      Description: c.description,
      DisplayName: c.display_name,
      FeedbackURL: c.feedback_url,
      RedirectURL: c.redirect_url,
      EmbedHostDomains: c.embed_host_domains,
      StorageConnectors: c.storage_connectors?.map((s) => ({
        ConnectorType: s.connector_type as "HOMEFOLDERS",
        ...(s.domains?.length ? { Domains: s.domains } : {}),
        ...(s.resource_identifier ? { ResourceIdentifier: s.resource_identifier } : {}),
      })),
      StreamingExperienceSettings: c.streaming_experience_settings && {
        PreferredProtocol: c.streaming_experience_settings.preferred_protocol as "UDP",
      },
      UserSettings: c.user_settings?.map((u) => ({ Action: u.action as "FILE_UPLOAD", Permission: u.permission as "ENABLED" })),
    };
  }

  async function createStack(c: StackConfig): Promise<StackState> {
    const out = await conn.send(
      new CreateStackCommand({
        Name: c.name,
        Tags: c.tags && Object.keys(c.tags).length ? c.tags : undefined,
        ...stackInput(c),
        ApplicationSettings: c.application_settings && {
          Enabled: c.application_settings.enabled,
          SettingsGroup: c.application_settings.settings_group,
        },
      }),
    );
    const state = await readStack(out.Stack!.Name!);
    assert.ok(state, "the read after create finds the stack");
    return state;
  }

  /** resourceStackUpdate: UpdateStack with what changed, the tags by Untag/Tag, then the read. */
  async function updateStack(before: StackConfig, after: StackConfig, state: StackState): Promise<StackState> {
    const changed = <K extends keyof StackConfig>(k: K) => JSON.stringify(before[k]) !== JSON.stringify(after[k]);
    const rest = Object.keys(after).filter((k) => k !== "tags" && k !== "name");
    if ([...rest, ...Object.keys(before)].some((k) => k !== "tags" && k !== "name" && changed(k as keyof StackConfig))) {
      const input = stackInput(after);
      await conn.send(
        new UpdateStackCommand({
          Name: state.id,
          ...(changed("description") ? { Description: after.description ?? "" } : {}),
          ...(changed("display_name") ? { DisplayName: after.display_name ?? "" } : {}),
          ...(changed("feedback_url") ? { FeedbackURL: after.feedback_url ?? "" } : {}),
          ...(changed("redirect_url") ? { RedirectURL: after.redirect_url ?? "" } : {}),
          ...(changed("streaming_experience_settings") ? { StreamingExperienceSettings: input.StreamingExperienceSettings } : {}),
          ...(changed("user_settings") ? { UserSettings: input.UserSettings } : {}),
          ...(changed("application_settings")
            ? {
                ApplicationSettings: after.application_settings
                  ? { Enabled: after.application_settings.enabled, SettingsGroup: after.application_settings.settings_group }
                  : { Enabled: false },
              }
            : {}),
        }),
      );
    }
    if (changed("tags")) {
      const old = before.tags ?? {};
      const now = after.tags ?? {};
      const removed = Object.keys(old).filter((k) => !(k in now));
      const updated = Object.fromEntries(Object.entries(now).filter(([k, v]) => old[k] !== v));
      if (removed.length) await conn.send(new UntagResourceCommand({ ResourceArn: state.arn, TagKeys: removed }));
      if (Object.keys(updated).length) await conn.send(new TagResourceCommand({ ResourceArn: state.arn, Tags: updated }));
    }
    const read = await readStack(state.id);
    assert.ok(read);
    return read;
  }

  /** resourceStackDelete: DeleteStack, then RetryUntilNotFound on findStackByID. */
  async function deleteStack(id: string): Promise<void> {
    try {
      await conn.send(new DeleteStackCommand({ Name: id }));
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
    assert.equal(await findStack(id), undefined, "the stack is gone at the first poll");
  }

  /** After an apply: a refresh reads the same state, and the plan against the configuration is empty. */
  async function assertSettled(config: StackConfig, state: StackState): Promise<void> {
    assert.deepEqual(await readStack(state.id), state, "a refresh reads what the apply stored");
    assert.deepEqual(planChanges(config, state), [], "terraform plan proposes no change");
  }

  // ---- aws_appstream_fleet_stack_association (fleet_stack_association.go, find.go) ----

  const associationId = (fleet: string, stack: string) => `${fleet}/${stack}`;

  /** FindFleetStackAssociation: ListAssociatedStacks of the fleet through every page. */
  async function findAssociation(id: string): Promise<boolean> {
    const [fleet, stack] = id.split("/");
    let NextToken: string | undefined;
    try {
      do {
        const page = await conn.send(new ListAssociatedStacksCommand({ FleetName: fleet, NextToken }));
        if (page.Names?.includes(stack)) return true;
        NextToken = page.NextToken;
      } while (NextToken);
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
    return false;
  }

  async function createAssociation(fleet: string, stack: string): Promise<string> {
    await conn.send(new AssociateFleetCommand({ FleetName: fleet, StackName: stack }));
    const id = associationId(fleet, stack);
    assert.equal(await findAssociation(id), true, "the read after create finds the association");
    return id;
  }

  async function deleteAssociation(id: string): Promise<void> {
    const [fleet, stack] = id.split("/");
    try {
      await conn.send(new DisassociateFleetCommand({ StackName: stack, FleetName: fleet }));
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  // ---- aws_appstream_user (user.go, wait.go, status.go) ----

  interface UserConfig {
    user_name: string;
    authentication_type: "USERPOOL";
    first_name?: string;
    last_name?: string;
    enabled?: boolean;
    send_email_notification?: boolean;
  }

  /** FindUserByUserNameAndAuthType: DescribeUsers through the pages until the name shows. */
  async function findUser(name: string, auth: "USERPOOL") {
    let NextToken: string | undefined;
    do {
      const page = await conn.send(new DescribeUsersCommand({ AuthenticationType: auth, NextToken }));
      const u = page.Users?.find((x) => x.UserName === name);
      if (u) return u;
      NextToken = page.NextToken;
    } while (NextToken);
    return undefined;
  }

  async function readUser(id: string) {
    const [name, auth] = [id.slice(0, id.lastIndexOf("/")), id.slice(id.lastIndexOf("/") + 1) as "USERPOOL"];
    const u = await findUser(name, auth);
    if (!u) return undefined;
    return {
      arn: u.Arn,
      authentication_type: u.AuthenticationType,
      created_time: u.CreatedTime!.toISOString().replace(/\.\d{3}Z$/, "Z"),
      enabled: u.Enabled,
      first_name: u.FirstName ?? "",
      last_name: u.LastName ?? "",
      user_name: u.UserName,
    };
  }

  async function createUser(c: UserConfig): Promise<string> {
    await conn.send(
      new CreateUserCommand({
        AuthenticationType: c.authentication_type,
        UserName: c.user_name,
        FirstName: c.first_name,
        LastName: c.last_name,
        ...(c.send_email_notification === false ? { MessageAction: "SUPPRESS" as const } : {}),
      }),
    );
    // waitUserAvailable: AVAILABLE once DescribeUsers shows the user.
    assert.ok(await findUser(c.user_name, c.authentication_type), "the user is available at the first poll");
    if (c.enabled === false) await conn.send(new DisableUserCommand({ AuthenticationType: c.authentication_type, UserName: c.user_name }));
    return `${c.user_name}/${c.authentication_type}`;
  }

  // ---- aws_appstream_user_stack_association (user_stack_association.go) ----

  interface UserStackConfig {
    authentication_type: "USERPOOL";
    stack_name: string;
    user_name: string;
    send_email_notification?: boolean;
  }

  async function readUserStack(id: string) {
    const [userName, auth, stackName] = id.split("/") as [string, "USERPOOL", string];
    const resp = await conn.send(
      new DescribeUserStackAssociationsCommand({ AuthenticationType: auth, StackName: stackName, UserName: userName }),
    );
    const a = resp.UserStackAssociations?.[0];
    return a && { authentication_type: a.AuthenticationType, stack_name: a.StackName, user_name: a.UserName };
  }

  async function createUserStack(c: UserStackConfig): Promise<string> {
    const out = await conn.send(
      new BatchAssociateUserStackCommand({
        UserStackAssociations: [
          {
            AuthenticationType: c.authentication_type,
            StackName: c.stack_name,
            UserName: c.user_name,
            ...(c.send_email_notification ? { SendEmailNotification: true } : {}),
          },
        ],
      }),
    );
    if (out.errors?.length) throw new Error(out.errors.map((e) => `${e.ErrorCode}: ${e.ErrorMessage}`).join("; "));
    const id = `${c.user_name}/${c.authentication_type}/${c.stack_name}`;
    assert.ok(await readUserStack(id), "the read after create finds the association (else: empty output after creation)");
    return id;
  }

  async function deleteUserStack(id: string): Promise<void> {
    const [userName, auth, stackName] = id.split("/") as [string, "USERPOOL", string];
    await conn.send(
      new BatchDisassociateUserStackCommand({
        UserStackAssociations: [{ AuthenticationType: auth, StackName: stackName, UserName: userName }],
      }),
    );
  }

  // ---- the fleet the association needs (fleet.go: create, start, wait RUNNING; stop, wait STOPPED, delete) ----

  async function runningFleet(name: string): Promise<void> {
    await conn.send(
      new CreateFleetCommand({
        Name: name,
        ImageName: "AppStream-WinServer2022-11-10-2025",
        InstanceType: "stream.standard.small",
        ComputeCapacity: { DesiredInstances: 1 },
      }),
    );
    await conn.send(new StartFleetCommand({ Name: name }));
    server.clock.advance(T);
    const { Fleets } = await conn.send(new DescribeFleetsCommand({ Names: [name] }));
    assert.equal(Fleets![0].State, "RUNNING");
  }

  async function destroyFleet(name: string): Promise<void> {
    await conn.send(new StopFleetCommand({ Name: name }));
    server.clock.advance(T);
    await conn.send(new DeleteFleetCommand({ Name: name }));
  }

  // ---- scenarios ----

  it("aws_appstream_stack: the documented example applies, settles, updates in place and is destroyed", async () => {
    const v1: StackConfig = {
      name: "stack-tf",
      description: "stack description",
      display_name: "stack display name",
      feedback_url: "http://your-domain/feedback",
      redirect_url: "http://your-domain/redirect",
      storage_connectors: [{ connector_type: "HOMEFOLDERS" }],
      embed_host_domains: ["example.com", "example.org"],
      application_settings: { enabled: true, settings_group: "SettingsGroup" },
      user_settings: ALL_ACTIONS.map((action) => ({
        action,
        permission: action === "AUTO_TIME_ZONE_REDIRECTION" || action === "DOMAIN_SMART_CARD_SIGNIN" ? "DISABLED" : "ENABLED",
      })),
      tags: { TagName: "TagValue" },
    };
    const created = await createStack(v1);
    assert.match(created.application_settings[0].settings_group, /^SettingsGroup$/);
    await assertSettled(v1, created);

    // resourceStackUpdate sends only what it checks with HasChange (not embed_host_domains, storage_connectors
    // or access_endpoints), so this update changes what it sends.
    const v2: StackConfig = {
      ...v1,
      description: undefined,
      display_name: "renamed",
      application_settings: undefined,
      streaming_experience_settings: { preferred_protocol: "UDP" },
      user_settings: v1.user_settings!.map((u) => (u.action === "FILE_DOWNLOAD" ? { ...u, permission: "DISABLED" } : u)),
      tags: { TagName: "Other", Team: "vdi" },
    };
    // The configuration drops application_settings while it is enabled: the CustomizeDiff turns it off.
    assert.deepEqual(planChanges(v2, created).includes("application_settings"), true);
    const updated = await updateStack(v1, v2, created);
    assert.deepEqual(updated.application_settings, [{ enabled: false, settings_group: "" }]);
    assert.equal(updated.created_time, created.created_time);
    await assertSettled(v2, updated);

    await deleteStack(updated.id);
    assert.equal(await readStack(updated.id), undefined);
  });

  it("aws_appstream_stack: a minimal configuration keeps the computed user settings without a diff", async () => {
    const config: StackConfig = { name: "minimal" };
    const state = await createStack(config);
    assert.deepEqual(
      state.user_settings.map((u) => u.action),
      ALL_ACTIONS,
      "every action, in a stable order",
    );
    assert.deepEqual(state.application_settings, [{ enabled: false, settings_group: "" }]);
    await assertSettled(config, state);
    // A configuration that names fewer blocks than there are actions: only those are compared.
    const partial: StackConfig = { ...config, user_settings: [{ action: "FILE_UPLOAD", permission: "DISABLED" }] };
    const after = await updateStack(config, partial, state);
    await assertSettled(partial, after);
    // Destroying what was deleted out of band: DeleteStack's ResourceNotFoundException ends the delete.
    await conn.send(new DeleteStackCommand({ Name: "minimal" }));
    assert.equal(await readStack("minimal"), undefined, "the refresh removes it from the state");
    await deleteStack("minimal");
  });

  it("a module: fleet, stack, fleet↔stack association, users and their stack assignments; then destroy in reverse", async () => {
    await runningFleet("fleet-tf");
    const stackConfig: StackConfig = { name: "stack-tf", storage_connectors: [{ connector_type: "HOMEFOLDERS" }], tags: { env: "test" } };
    const stack = await createStack(stackConfig);
    const assocId = await createAssociation("fleet-tf", "stack-tf");
    assert.equal(await findAssociation(assocId), true, "a refresh still finds it");

    const aliceCfg: UserConfig = {
      user_name: "alice@example.com",
      authentication_type: "USERPOOL",
      first_name: "Alice",
      send_email_notification: false,
    };
    const bobCfg: UserConfig = { user_name: "bob@example.com", authentication_type: "USERPOOL", last_name: "Builder", enabled: false };
    const alice = await createUser(aliceCfg);
    const bob = await createUser(bobCfg);
    const aliceState = await readUser(alice);
    assert.deepEqual(aliceState, {
      arn: `arn:aws:appstream:us-east-1:111111111111:user/userpool/alice@example.com`,
      authentication_type: "USERPOOL",
      created_time: "2026-11-23T12:00:10Z",
      enabled: true,
      first_name: "Alice",
      last_name: "",
      user_name: "alice@example.com",
    });
    assert.equal((await readUser(bob))!.enabled, false, "created disabled: DisableUser after the waiter");
    assert.deepEqual(await readUser(alice), aliceState, "a refresh reads the same");

    const aliceStack = await createUserStack({ authentication_type: "USERPOOL", stack_name: "stack-tf", user_name: "alice@example.com" });
    const bobStack = await createUserStack({
      authentication_type: "USERPOOL",
      stack_name: "stack-tf",
      user_name: "bob@example.com",
      send_email_notification: true,
    });
    assert.deepEqual(await readUserStack(aliceStack), {
      authentication_type: "USERPOOL",
      stack_name: "stack-tf",
      user_name: "alice@example.com",
    });

    // Update: bob becomes enabled (resourceUserUpdate calls EnableUser only).
    await conn.send(new EnableUserCommand({ AuthenticationType: "USERPOOL", UserName: "bob@example.com" }));
    assert.equal((await readUser(bob))!.enabled, true);
    await assertSettled(stackConfig, await readStack(stack.id).then((s) => s!));

    // Destroy, dependents first.
    for (const id of [aliceStack, bobStack]) await deleteUserStack(id);
    assert.equal(await readUserStack(aliceStack), undefined);
    for (const cfg of [aliceCfg, bobCfg])
      await conn.send(new DeleteUserCommand({ UserName: cfg.user_name, AuthenticationType: "USERPOOL" }));
    assert.equal(await readUser(alice), undefined);
    await deleteAssociation(assocId);
    assert.equal(await findAssociation(assocId), false);
    await deleteAssociation(assocId); // a second destroy finds it gone and succeeds
    await deleteStack(stack.id);
    await destroyFleet("fleet-tf");
  });

  it("destroy without the association first is refused as AWS refuses it", async () => {
    await runningFleet("f");
    await createStack({ name: "s" });
    await createAssociation("f", "s");
    await assert.rejects(() => deleteStack("s"), { name: "ResourceInUseException" });
    await assert.rejects(() => destroyFleet("f"), { name: "ResourceInUseException" });
    await deleteAssociation(associationId("f", "s"));
    await deleteStack("s");
    await conn.send(new DeleteFleetCommand({ Name: "f" }));
  });

  it("aws_appstream_user_stack_association: a missing user fails the apply with the service's entry error", async () => {
    await createStack({ name: "s" });
    await assert.rejects(
      () => createUserStack({ authentication_type: "USERPOOL", stack_name: "s", user_name: "nobody@example.com" }),
      /USER_NAME_NOT_FOUND/,
    );
    await assert.rejects(
      () => createUserStack({ authentication_type: "USERPOOL", stack_name: "nope", user_name: "nobody@example.com" }),
      /STACK_NOT_FOUND/,
    );
  });
});
