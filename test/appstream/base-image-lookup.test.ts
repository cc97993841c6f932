// Finding the newest AWS base image the way Terraform's `data "aws_appstream_image"` does (terraform-provider-aws,
// internal/service/appstream/image_data_source.go): every page of DescribeImages, the names that match
// name_regex, the most recent by CreatedTime; then an image builder from what it found.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateImageBuilderCommand,
  DescribeImageBuildersCommand,
  paginateDescribeImages,
  type AppStreamClient,
  type DescribeImagesCommandInput,
  type Image,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { T, useServer } from "../support/server";

/** The data source's read: DescribeImages (by name or ARN when given), name_regex, then most_recent or exactly one. */
async function lookup(
  client: AppStreamClient,
  nameRegex: RegExp,
  mostRecent: boolean,
  input: DescribeImagesCommandInput = {},
): Promise<Image> {
  const images: Image[] = [];
  for await (const page of paginateDescribeImages({ client }, input)) images.push(...page.Images!);
  const matching = images.filter((i) => i.Name && nameRegex.test(i.Name));
  if (matching.length === 0) throw new Error("Your query returned no results.");
  if (matching.length > 1 && !mostRecent) throw new Error(`Your query returned ${matching.length} results.`);
  return matching.sort((a, b) => b.CreatedTime!.getTime() - a.CreatedTime!.getTime())[0];
}

/** MM-DD-YYYY at the end of a base image's name, as a sortable day. */
const releaseDay = (name: string) => name.replace(/^.*-(\d{2})-(\d{2})-(\d{4})$/, "$3-$1-$2");

describe("AppStream base images found by name pattern and newest release", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });

  it("keeps several releases of each line public, named and dated as AWS publishes them", async () => {
    const images: Image[] = [];
    for await (const page of paginateDescribeImages({ client }, { Type: "PUBLIC" })) images.push(...page.Images!);
    const lines = new Map<string, Image[]>();
    for (const i of images) {
      if (!/^AppStream-/.test(i.Name!)) continue;
      assert.match(
        i.Name!,
        /^AppStream-(Graphics-(G4dn|G5|G6)-)?(WinServer20(16|19|22|25)|AmazonLinux2|RHEL8|RockyLinux8)-\d{2}-\d{2}-\d{4}$/,
      );
      // The date in the name is the day it was released.
      assert.equal(i.PublicBaseImageReleasedDate!.toISOString().slice(0, 10), releaseDay(i.Name!));
      assert.equal(i.CreatedTime!.getTime(), i.PublicBaseImageReleasedDate!.getTime());
      const key = i.Name!.replace(/-\d{2}-\d{2}-\d{4}$/, "");
      lines.set(key, [...(lines.get(key) ?? []), i]);
    }
    for (const [key, releases] of lines) {
      assert.ok(releases.length >= 2, `${key} has several releases`);
      // Only the newest of a line carries the newest agent of its platform.
      const newest = releases.sort((a, b) => b.CreatedTime!.getTime() - a.CreatedTime!.getTime())[0];
      assert.equal(newest.LatestAppstreamAgentVersion, "TRUE", key);
      assert.ok(
        releases.slice(1).some((r) => r.LatestAppstreamAgentVersion === "FALSE"),
        key,
      );
    }
    for (const [key, platform] of [
      ["AppStream-WinServer2019", "WINDOWS_SERVER_2019"],
      ["AppStream-WinServer2022", "WINDOWS_SERVER_2022"],
      ["AppStream-WinServer2025", "WINDOWS_SERVER_2025"],
      ["AppStream-AmazonLinux2", "AMAZON_LINUX2"],
      ["AppStream-RockyLinux8", "ROCKY_LINUX8"],
      ["AppStream-RHEL8", "RHEL8"],
      ["AppStream-Graphics-G4dn-WinServer2022", "WINDOWS_SERVER_2022"],
      ["AppStream-Graphics-G5-WinServer2022", "WINDOWS_SERVER_2022"],
    ]) {
      assert.ok(
        lines.get(key)?.every((i) => i.Platform === platform),
        `${key} on ${platform}`,
      );
    }
  });

  it("finds the newest of a line with most_recent, and refuses several matches without it", async () => {
    const win = await lookup(client, /^AppStream-WinServer2022-\d{2}-\d{2}-\d{4}$/, true);
    const all: Image[] = [];
    for await (const page of paginateDescribeImages({ client }, { Type: "PUBLIC" })) all.push(...page.Images!);
    const newestDay = all
      .filter((i) => /^AppStream-WinServer2022-/.test(i.Name!))
      .map((i) => releaseDay(i.Name!))
      .sort()
      .pop();
    assert.equal(releaseDay(win.Name!), newestDay);
    assert.deepEqual(
      [win.Platform, win.Visibility, win.State, win.LatestAppstreamAgentVersion],
      ["WINDOWS_SERVER_2022", "PUBLIC", "AVAILABLE", "TRUE"],
    );
    assert.equal(win.Arn, `arn:aws:appstream:us-east-1::image/${win.Name}`);
    // The graphics line of the same platform is another line: the pattern keeps them apart.
    const g5 = await lookup(client, /^AppStream-Graphics-G5-WinServer2022-/, true);
    assert.deepEqual(g5.SupportedInstanceFamilies, ["GRAPHICS_G5"]);
    const rocky = await lookup(client, /^AppStream-RockyLinux8-/, true, { Type: "PUBLIC" });
    assert.equal(rocky.Platform, "ROCKY_LINUX8");
    await assert.rejects(lookup(client, /^AppStream-WinServer2022-/, false), /returned \d+ results/);
    await assert.rejects(lookup(client, /^AppStream-WinServer2012R2-/, true), /no results/);
    // By exact name the data source sends Names and gets one image back.
    const byName = await lookup(client, /.*/, false, { Names: [win.Name!] });
    assert.equal(byName.Arn, win.Arn);
  });

  it("launches an image builder from what the lookup found, on the found image's agent", async () => {
    for (const [regex, instanceType] of [
      [/^AppStream-WinServer2022-\d{2}-\d{2}-\d{4}$/, "stream.standard.medium"],
      [/^AppStream-AmazonLinux2-\d{2}-\d{2}-\d{4}$/, "stream.standard.medium"],
      [/^AppStream-Graphics-G4dn-WinServer2022-/, "stream.graphics.g4dn.xlarge"],
    ] as const) {
      const image = await lookup(client, regex, true);
      const name = `builder-${image.Platform!.toLowerCase()}-${image.SupportedInstanceFamilies![0].toLowerCase()}`;
      const made = await client.send(new CreateImageBuilderCommand({ Name: name, ImageName: image.Name, InstanceType: instanceType }));
      assert.equal(made.ImageBuilder!.ImageArn, image.Arn);
      assert.equal(made.ImageBuilder!.Platform, image.Platform);
      server.clock.advance(T);
      const [builder] = (await client.send(new DescribeImageBuildersCommand({ Names: [name] }))).ImageBuilders!;
      assert.deepEqual([builder.State, builder.AppstreamAgentVersion], ["RUNNING", image.AppstreamAgentVersion]);
    }
  });
});
