// DescribeImages pages of private images: every page after the first starts after the last image served, and
// a full page says that more follow, however many images there are.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CopyImageCommand, CreateImageBuilderCommand, paginateDescribeImages, type AppStreamClient } from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { admin, appstreamClient, createImageFromBuilder, startTestServer, T } from "../support/server";

describe("AppStream DescribeImages paging", () => {
  let server: Imagelite;
  let client: AppStreamClient;
  before(async () => {
    server = await startTestServer();
    client = appstreamClient(server);
  });
  after(async () => {
    client.destroy();
    await server.stop();
  });

  it("serves every private image, in name order, over pages of 25", async () => {
    await client.send(
      new CreateImageBuilderCommand({
        Name: "ib",
        ImageName: "AppStream-WinServer2022-11-10-2025",
        InstanceType: "stream.standard.medium",
      }),
    );
    server.clock.advance(T);
    assert.equal((await createImageFromBuilder(server, "ib", "img-000")).status, 200);
    server.clock.advance(2 * T);
    // Eighty images are beyond AWS's default quota of 10 (AppStream 2.0 Service Quotas): the account's is raised.
    const quota = await admin(server, "POST", "/_imagelite/quotas", { service: "appstream", quotas: { images: 80 } });
    assert.equal(quota.status, 200);
    const names = ["img-000"];
    for (let i = 1; i < 80; i++) {
      const name = `img-${String(i).padStart(3, "0")}`;
      await client.send(new CopyImageCommand({ SourceImageName: "img-000", DestinationImageName: name, DestinationRegion: "us-east-1" }));
      names.push(name);
    }
    for (const type of ["PRIVATE", undefined] as const) {
      const seen: string[] = [];
      for await (const page of paginateDescribeImages({ client, pageSize: 25 }, { Type: type })) {
        assert.ok(page.Images!.length <= 25);
        seen.push(...page.Images!.filter((i) => i.Visibility === "PRIVATE").map((i) => i.Name!));
      }
      assert.deepEqual(seen, names, `Type ${type ?? "(any)"}`);
    }
  });
});
