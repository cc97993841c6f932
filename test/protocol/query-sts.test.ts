// STS over the query protocol: accounts from access keys, the ErrorResponse envelope.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, stsClient, useServer } from "../support/server";

describe("STS GetCallerIdentity", () => {
  const fx = useServer();
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  it("answers with the account that the access key names", async () => {
    for (const account of [ACCOUNT_A, ACCOUNT_B]) {
      const c = stsClient(server, account, "eu-west-2");
      const id = await c.send(new GetCallerIdentityCommand({}));
      assert.equal(id.Account, account);
      assert.equal(id.Arn, `arn:aws:iam::${account}:root`);
      c.destroy();
    }
  });

  it("maps any other access key to the default account", async () => {
    const c = new (await import("@aws-sdk/client-sts")).STSClient({
      endpoint: server.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "x" },
    });
    assert.equal((await c.send(new GetCallerIdentityCommand({}))).Account, "000000000000");
    c.destroy();
  });

  it("answers unknown actions in the STS error envelope", async () => {
    const res = await fetch(server.endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: "AWS4-HMAC-SHA256 Credential=AKID/20261123/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=x",
      },
      body: "Action=AssumeNothing&Version=2011-06-15",
    });
    const text = await res.text();
    assert.equal(res.status, 400);
    assert.match(
      text,
      /^<ErrorResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code>/,
    );
    assert.match(text, /<RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/);
  });
});
