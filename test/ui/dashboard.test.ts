// The dashboard in a real browser against a real imagelite: resources made through the AWS SDK appear in it,
// the clock buttons move a builder's lifecycle, a fault rule added in the form fails the next SDK call and the
// failure reaches the live request tail, and state is exported, imported and reset after confirmation.
import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CreateImageBuilderCommand, DescribeImageBuildersCommand } from "@aws-sdk/client-appstream";
import { PutParameterCommand } from "@aws-sdk/client-ssm";
import {
  CopyImageCommand,
  LockSnapshotCommand,
  RunInstancesCommand,
  CreateFleetCommand,
  CreateLaunchTemplateCommand,
  CreateNetworkInterfaceCommand,
  DescribeImagesCommand,
  DescribeSpotInstanceRequestsCommand,
  DescribeSubnetsCommand,
  ModifyImageAttributeCommand,
} from "@aws-sdk/client-ec2";
import type { Page } from "playwright-core";
import { ACCOUNT_A, ACCOUNT_B, rejection, useServer } from "../support/server";
import { ownSnapshot, registerAmi, settle } from "../ec2/helpers";
import { openBrowser, screenshot, SCREENSHOTS, type Browser } from "./support/browser";

const WIN = "AppStream-WinServer2022-11-10-2025";

describe("dashboard", () => {
  const fx = useServer();
  let browser: Browser;
  let page: Page;
  const home = () => `${fx.server.endpoint}/_imagelite/ui/`;

  before(async () => {
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await page?.close();
    assert.deepEqual(
      browser.errors.map((e) => e.message),
      [],
      "the page raised no script error",
    );
    // Every script, style sheet, fetch and the live stream are the page's own: its Content-Security-Policy refused nothing.
    assert.deepEqual(browser.cspViolations, [], "the Content-Security-Policy refused nothing");
    // Nothing from elsewhere: no CDN, font or script, so that the page works with no network.
    assert.ok(
      browser.urls.some((u) => u.endsWith("/_imagelite/ui/main.js")),
      "the page's requests are seen",
    );
    const elsewhere = browser.urls.filter((u) => !u.startsWith(`${fx.server.endpoint}/`) && !/^(blob|data):/.test(u));
    assert.deepEqual(elsewhere, [], "the page asked only its server");
    browser.urls.length = 0;
  });

  const open = async (hash = "") => {
    page = await browser.page();
    const response = await page.goto(home() + hash);
    // Each test runs the page under its policy (checked in afterEach: nothing refused).
    assert.match((await response?.allHeaders())?.["content-security-policy"] ?? "", /script-src 'self'.*frame-ancestors 'none'/);
    return page;
  };
  const resourceRow = (id: string) => page.locator(`[data-testid=resource-table] tbody tr`).filter({ hasText: id });

  test("lists the AMIs made through the SDK, searches and sorts them on the server, and shows one as its owner sees it", async () => {
    const ec2 = fx.ec2();
    const web = await registerAmi(ec2, "golden-web-2026");
    const db = await registerAmi(ec2, "golden-db-2026");
    await registerAmi(fx.ec2(ACCOUNT_B), "other-account-base");
    settle(fx.server);
    await ec2.send(new ModifyImageAttributeCommand({ ImageId: db, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));

    await open();
    await page.getByRole("link", { name: "EC2" }).click();
    await page.getByRole("link", { name: "AMIs" }).click();
    await resourceRow(web).waitFor();
    await resourceRow(db).waitFor();
    await resourceRow("other-account-base").waitFor();
    // Live: an AMI registered while the page is open appears without a reload.
    const late = await registerAmi(ec2, "registered-later");
    await resourceRow(late).waitFor();

    // Scoped to one account, searched by name.
    await page.getByLabel("Account").selectOption(ACCOUNT_A);
    await resourceRow("other-account-base").waitFor({ state: "detached" });
    await page.getByLabel("Search AMIs").fill("golden-db");
    await resourceRow(web).waitFor({ state: "detached" });
    await resourceRow(db).waitFor();
    assert.equal(await page.locator("[data-testid=resource-table] tbody tr").count(), 1);

    // Sorted by name, descending: web before db.
    await page.getByLabel("Search AMIs").fill("golden");
    await resourceRow(web).waitFor();
    await page.getByRole("button", { name: /^Name/ }).click();
    await page.getByRole("button", { name: /^Name/ }).click();
    await page.locator("th[aria-sort=descending]", { hasText: "Name" }).waitFor();
    // (Functions run in the page are given as text: this program is compiled without the DOM's types.)
    await page.waitForFunction(
      `(() => {
        const rows = [...document.querySelectorAll("[data-testid=resource-table] tbody tr")].map((r) => r.textContent);
        return rows.length === 2 && rows[0].includes(${JSON.stringify(web)}) && rows[1].includes(${JSON.stringify(db)});
      })()`,
    );
    assert.match(page.url(), /sort=name&order=desc/);
    await screenshot(page, "resources");

    // The detail: the Image as DescribeImages returns it to its owner.
    await page.getByRole("link", { name: db }).click();
    await page.getByRole("heading", { name: db }).waitFor();
    const json = JSON.parse((await page.getByTestId("resource-json").textContent()) ?? "{}");
    const { Images } = await ec2.send(new DescribeImagesCommand({ ImageIds: [db] }));
    assert.equal(json.ImageId, db);
    assert.equal(json.Name, Images![0].Name);
    assert.equal(json.OwnerId, ACCOUNT_A);
    // Shared with account B, who may launch it.
    const shared = page.getByTestId("sharing").locator("tbody tr");
    await shared.filter({ hasText: ACCOUNT_B }).waitFor();
    assert.equal(await shared.count(), 1);
    assert.match((await shared.textContent()) ?? "", /account\s*launch/);
    await screenshot(page, "resource-detail");
  });

  test("draws an AMI's lineage and reach: its parent, its copy in another region, whom it is shared with, what uses it and its snapshots, each a link", async () => {
    const ec2 = fx.ec2();
    const west = fx.ec2(ACCOUNT_A, "us-west-2");
    const base = await registerAmi(ec2, "golden-base");
    settle(fx.server);
    const { ImageId: golden } = await ec2.send(new CopyImageCommand({ Name: "golden", SourceImageId: base, SourceRegion: "us-east-1" }));
    settle(fx.server);
    const { ImageId: copy } = await west.send(
      new CopyImageCommand({ Name: "golden-west", SourceImageId: golden, SourceRegion: "us-east-1" }),
    );
    await ec2.send(new ModifyImageAttributeCommand({ ImageId: golden, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
    const { Instances } = await ec2.send(new RunInstancesCommand({ ImageId: golden, MinCount: 1, MaxCount: 1, InstanceType: "t3.micro" }));
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "golden-lt", LaunchTemplateData: { ImageId: golden } }));
    await fx.ssm().send(new PutParameterCommand({ Name: "/golden/latest", Value: golden, Type: "String", DataType: "aws:ec2:image" }));
    settle(fx.server);
    const [snapshot] = (await ec2.send(new DescribeImagesCommand({ ImageIds: [golden!] }))).Images![0].BlockDeviceMappings!;
    await ec2.send(new LockSnapshotCommand({ SnapshotId: snapshot.Ebs!.SnapshotId, LockMode: "governance", LockDuration: 7 }));

    await open(`#/resources/ec2.image/${ACCOUNT_A}/us-east-1/${golden}`);
    const picture = page.getByTestId("lineage");
    await picture.waitFor();
    const link = (relation: string, id: string) => picture.locator(`a[data-relation="${relation}"][href*="${encodeURIComponent(id!)}"]`);
    assert.equal(await link("parent", base).count(), 1, "the AMI it was copied from");
    assert.match((await link("copy", copy!).getAttribute("href")) ?? "", /\/us-west-2\//, "its copy, in the other region");
    assert.equal(await link("use", Instances![0].InstanceId!).count(), 1, "the instance launched from it");
    assert.equal(await picture.locator(`a[data-relation="use"][href*="ec2.launch-template"]`).count(), 1, "the launch template");
    assert.equal(await link("use", "/golden/latest").count(), 1, "the parameter that names it");
    assert.match((await link("snapshot", snapshot.Ebs!.SnapshotId!).textContent()) ?? "", /locked \(governance\)/, "its snapshot, locked");
    assert.match((await picture.textContent()) ?? "", new RegExp(`${ACCOUNT_B}[\\s\\S]*account`), "shared with account B");
    const box = await picture.boundingBox();
    assert.ok(box && box.width > 600 && box.height > 250, `the picture is drawn (${JSON.stringify(box)})`);
    await screenshot(page, "lineage");
    assert.ok(statSync(join(SCREENSHOTS, "lineage.png")).size > 20_000, "the screenshot is not blank");

    // A node is a link: the copy's page draws the AMI it came from, in the first region.
    await link("copy", copy!).click();
    await page.getByRole("heading", { name: copy }).waitFor();
    await page.locator(`[data-testid=lineage] a[data-relation="parent"][href*="${golden}"]`).waitFor();
  });

  test("shows network interfaces, EC2 Fleets and Spot requests in their own views", async () => {
    const ec2 = fx.ec2();
    const ami = await registerAmi(ec2, "fleet-base");
    settle(fx.server);
    const [subnet] = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "default-for-az", Values: ["true"] }] }))).Subnets!;
    const { NetworkInterface } = await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId, Description: "spare-eni" }));
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "ui-lt", LaunchTemplateData: { ImageId: ami } }));
    const fleet = await ec2.send(
      new CreateFleetCommand({
        Type: "instant",
        LaunchTemplateConfigs: [
          { LaunchTemplateSpecification: { LaunchTemplateName: "ui-lt", Version: "1" }, Overrides: [{ InstanceType: "t3.micro" }] },
        ],
        TargetCapacitySpecification: { TotalTargetCapacity: 1, DefaultTargetCapacityType: "spot" },
      }),
    );
    const [request] = (await ec2.send(new DescribeSpotInstanceRequestsCommand({}))).SpotInstanceRequests!;

    await open();
    await page.getByRole("link", { name: "EC2" }).click();
    for (const [label, id, shot] of [
      ["Network interfaces", NetworkInterface!.NetworkInterfaceId!, "network-interfaces"],
      ["EC2 Fleets", fleet.FleetId!, "fleets"],
      ["Spot requests", request.SpotInstanceRequestId!, "spot-requests"],
    ]) {
      await page.getByRole("link", { name: label, exact: true }).click();
      await resourceRow(id).waitFor();
      await screenshot(page, shot);
    }
    // The interface as DescribeNetworkInterfaces shows it to its owner.
    await page.getByRole("link", { name: "Network interfaces", exact: true }).click();
    await page.getByRole("link", { name: NetworkInterface!.NetworkInterfaceId! }).click();
    await page.getByRole("heading", { name: NetworkInterface!.NetworkInterfaceId! }).waitFor();
    const json = JSON.parse((await page.getByTestId("resource-json").textContent()) ?? "{}");
    assert.equal(json.Description, "spare-eni");
    assert.equal(json.Status, "available");
  });

  test("pages through the AMIs on the server, 25 at a time", async () => {
    const ec2 = fx.ec2();
    const snapshot = await ownSnapshot(ec2);
    const mapping = { BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: snapshot } }] };
    const ids: string[] = [];
    for (let i = 0; i < 27; i++) ids.push(await registerAmi(ec2, `page-${String(i).padStart(2, "0")}`, mapping));
    ids.sort();

    await open("#/resources/ec2.image?limit=25");
    const rows = page.locator("[data-testid=resource-table] tbody tr");
    await resourceRow(ids[24]).waitFor();
    assert.equal(await rows.count(), 25);
    assert.equal(await page.getByRole("button", { name: "← Previous" }).isDisabled(), true);
    await page.getByRole("button", { name: "Next →" }).click();
    await resourceRow(ids[26]).waitFor();
    assert.equal(await rows.count(), 2);
    assert.match((await page.locator(".page-info").textContent()) ?? "", /Page 2 · AMIs 26–27/);
    assert.equal(await page.getByRole("button", { name: "Next →" }).isDisabled(), true);
    await page.getByRole("button", { name: "← Previous" }).click();
    await resourceRow(ids[0]).waitFor();
    assert.equal(await rows.count(), 25);
  });

  test("the clock's Advance button moves an image builder from PENDING to RUNNING on its timeline", async () => {
    const appstream = fx.appstream();
    await appstream.send(new CreateImageBuilderCommand({ Name: "golden", ImageName: WIN, InstanceType: "stream.standard.medium" }));

    await open();
    await page.getByRole("link", { name: "AppStream 2.0" }).click();
    await page.getByRole("link", { name: /image builders/i }).click();
    await resourceRow("golden").waitFor();
    await resourceRow("golden").getByRole("link", { name: "golden" }).click();

    const current = page.locator("[data-testid=timeline] li[data-status=current]");
    await current.and(page.locator("[data-state=PENDING]")).waitFor();
    await page.locator("[data-testid=timeline] li[data-status=scheduled][data-state=RUNNING]").waitFor();
    assert.equal(await page.getByTestId("clock-mode").textContent(), "Frozen");
    await screenshot(page, "timeline-pending");

    await page.getByLabel("Advance step").selectOption({ label: "5 minutes" });
    await page.getByRole("button", { name: "Advance" }).click();
    await current.and(page.locator("[data-state=RUNNING]")).waitFor();
    await page.getByTestId("clock-time").filter({ hasText: "12:05:00" }).waitFor();
    assert.match((await page.getByTestId("resource-json").textContent()) ?? "", /"State": "RUNNING"/);
    const { ImageBuilders } = await appstream.send(new DescribeImageBuildersCommand({ Names: ["golden"] }));
    assert.equal(ImageBuilders![0].State, "RUNNING");
    await screenshot(page, "timeline-running");

    // Real time, then frozen again.
    await page.getByRole("button", { name: "Real time" }).click();
    await page.getByTestId("clock-mode").filter({ hasText: "Real time" }).waitFor();
    await page.getByRole("button", { name: "Freeze" }).click();
    await page.getByTestId("clock-mode").filter({ hasText: "Frozen" }).waitFor();
  });

  test("a fault rule added in the form fails the next SDK call, which appears in the live request tail", async () => {
    await open("#/faults");
    await page.getByLabel("Service").selectOption("ec2");
    await page.getByLabel("Operation").fill("DescribeImages");
    await page.getByLabel("Error code").fill("RequestLimitExceeded");
    await page.getByLabel("Times").fill("1");
    await page.getByRole("button", { name: "Add rule" }).click();
    const rule = page.locator("[data-testid=fault-table] tbody tr").filter({ hasText: "DescribeImages" });
    await rule.waitFor();
    assert.match((await rule.textContent()) ?? "", /RequestLimitExceeded/);
    await screenshot(page, "faults");

    await page.getByRole("link", { name: "Requests" }).click();
    await page.getByTestId("live-state").filter({ hasText: "Live" }).waitFor();
    const e = await rejection(() => fx.ec2().send(new DescribeImagesCommand({ Owners: ["self"] })));
    assert.equal(e.name, "RequestLimitExceeded");

    const row = page.locator("[data-testid=request-table] tbody tr").filter({ hasText: "RequestLimitExceeded" });
    await row.waitFor();
    assert.match((await row.textContent()) ?? "", /DescribeImages/);
    await row.getByRole("link", { name: "DescribeImages" }).click();
    const detail = page.getByTestId("request-detail");
    await detail.getByRole("heading", { name: "ec2 DescribeImages" }).waitFor();
    assert.match((await detail.textContent()) ?? "", /Owner\.1\s*self/);
    assert.match((await page.getByTestId("response-body").textContent()) ?? "", /RequestLimitExceeded/);

    // The rule was used up: the next call succeeds and shows too, filtered to errors it is hidden.
    await fx.ec2().send(new DescribeImagesCommand({ Owners: ["self"] }));
    const succeeded = page.locator("[data-testid=request-table] tbody tr").filter({ has: page.locator("td .badge", { hasText: /^200$/ }) });
    await succeeded.first().waitFor();
    await screenshot(page, "requests");
    await page.getByLabel("Outcome").selectOption("error");
    await succeeded.first().waitFor({ state: "detached" });
    await row.waitFor();

    await page.getByRole("link", { name: "Faults" }).click();
    await page.getByRole("button", { name: "Remove the ec2 DescribeImages rule" }).click();
    await page.locator("[data-testid=fault-table] tbody tr.empty").waitFor();
  });

  test("a lifecycle failure rule from the form sends the next builder to FAILED, as its timeline shows", async () => {
    await open("#/faults");
    await page.getByLabel("Service").selectOption("appstream");
    await page.getByLabel("Operation").fill("CreateImageBuilder");
    await page.getByLabel("Effect").selectOption("lifecycle");
    await page.getByLabel("Failure reason").fill("Subnet has no free addresses");
    await page.getByLabel("Times").fill("1");
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.locator("[data-testid=fault-table] tbody tr").filter({ hasText: "lifecycle fails: Subnet has no free addresses" }).waitFor();

    await fx.appstream().send(new CreateImageBuilderCommand({ Name: "doomed", ImageName: WIN, InstanceType: "stream.standard.medium" }));
    await page.goto(`${home()}#/resources/appstream.image-builder/${ACCOUNT_A}/us-east-1/doomed`);
    await page.getByLabel("Advance step").selectOption({ label: "1 hour" });
    await page.getByRole("button", { name: "Advance" }).click();
    await page.locator("[data-testid=timeline] li[data-status=current][data-state=FAILED]").waitFor();
    assert.match((await page.getByTestId("resource-json").textContent()) ?? "", /Subnet has no free addresses/);
  });

  test("state: export downloads the document, import and a scoped reset ask for confirmation first", async () => {
    const web = await registerAmi(fx.ec2(), "golden-web-2026");
    await open("#/state");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export state" }).click()]);
    const doc = JSON.parse(readFileSync((await download.path())!, "utf8"));
    assert.equal(doc.format, "imagelite-state");
    assert.ok(doc.records.some((r: { id: string }) => r.id === web));
    await screenshot(page, "state");

    // Reset, refused at the confirmation: nothing happens.
    await page.getByLabel("Account").selectOption(ACCOUNT_A);
    await page.getByRole("button", { name: "Reset…" }).click();
    await page.getByRole("dialog", { name: "Reset state?" }).getByRole("button", { name: "Cancel" }).click();
    assert.equal((await fx.ec2().send(new DescribeImagesCommand({ ImageIds: [web] }))).Images?.length, 1);

    // Confirmed: account A's records are gone.
    await page.getByRole("button", { name: "Reset…" }).click();
    await page.getByRole("dialog", { name: "Reset state?" }).getByRole("button", { name: "Reset" }).click();
    await page.getByText("Reset done.").waitFor();
    assert.equal((await fx.ec2().send(new DescribeImagesCommand({ Owners: ["self"] }))).Images?.length, 0);

    // Import brings them back.
    await page.getByLabel("State document (JSON)").setInputFiles((await download.path())!);
    await page.getByRole("button", { name: "Import…" }).click();
    await page.getByRole("dialog", { name: "Import state?" }).getByRole("button", { name: "Import" }).click();
    await page.getByText(/^Imported \d+ records/).waitFor();
    assert.equal((await fx.ec2().send(new DescribeImagesCommand({ ImageIds: [web] }))).Images?.[0].ImageId, web);
  });

  test("works by keyboard in a narrow window", async () => {
    await registerAmi(fx.ec2(), "golden-web-2026");
    page = await browser.page();
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(home() + "#/resources/ec2.image");
    await resourceRow("golden-web-2026").waitFor();
    // The skip link comes first, then the sections.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate("document.activeElement.textContent"), "Skip to content");
    await page.keyboard.press("Enter");
    // From the main region, Tab reaches the account filter, then the search.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate("document.activeElement.id"), "scope-account");
    const overflow = () => page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assert.equal(await overflow(), 0, "the list fits the window");
    await screenshot(page, "narrow");
    // The detail too: its JSON scrolls within its box.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate("document.activeElement.id"), "resource-search");
    await resourceRow("golden-web-2026").getByRole("link").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("resource-json").waitFor();
    assert.equal(await overflow(), 0, "the detail fits the window");
  });
});

describe("dashboard under --auth strict", () => {
  const fx = useServer({ auth: "strict", adminToken: "dashboard-secret" });
  let browser: Browser;
  before(async () => {
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test("asks for the admin token, and keeps it for the tab", async () => {
    const page = await browser.page();
    await page.goto(`${fx.server.endpoint}/_imagelite/ui/#/faults`);
    const dialog = page.getByRole("dialog", { name: "Admin token" });
    // Closed, it stays closed until the reader asks for it.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Enter the admin token" }).click();
    await dialog.getByLabel("Token").fill("wrong");
    await dialog.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("dialog", { name: "Admin token" }).getByText("That token was refused").waitFor();
    await page.getByRole("dialog", { name: "Admin token" }).getByLabel("Token").fill("dashboard-secret");
    await page.getByRole("dialog", { name: "Admin token" }).getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Add a fault rule" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Add a fault rule" }).waitFor();
    assert.equal(await page.getByRole("dialog").count(), 0);
    await page.getByRole("link", { name: "Requests" }).click();
    await page.getByTestId("live-state").filter({ hasText: "Live" }).waitFor();
    assert.deepEqual(browser.errors, []);
    await page.close();
  });
});
