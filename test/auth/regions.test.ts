// A request scoped to a region imagelite does not serve is refused in every --auth mode, with the error a strict
// signature check gives ("Credential should be scoped to a valid region"), and makes nothing: state in such a
// region could be exported but a state import refuses it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DescribeFleetsCommand } from "@aws-sdk/client-appstream";
import { CreateKeyPairCommand, DescribeKeyPairsCommand } from "@aws-sdk/client-ec2";
import { PutParameterCommand } from "@aws-sdk/client-ssm";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { admin, appstreamClient, ec2Client, rejection, ssmClient, stsClient, useServer } from "../support/server";

for (const auth of ["scope", "off"] as const) {
  describe(`a region imagelite does not serve (--auth ${auth})`, () => {
    const fixture = useServer({ auth });

    it("is refused in each service's own words, and nothing is made there", async () => {
      const s = fixture.server;
      const ec2 = ec2Client(s, undefined, "mars-1");
      const e = await rejection(() => ec2.send(new CreateKeyPairCommand({ KeyName: "k" })));
      assert.equal(e.name, "SignatureDoesNotMatch");
      assert.equal(e.$metadata?.httpStatusCode, 403);
      assert.match(e.message, /valid region, not 'mars-1'/);
      ec2.destroy();

      const app = appstreamClient(s, undefined, "mars-1");
      assert.equal((await rejection(() => app.send(new DescribeFleetsCommand({})))).name, "InvalidSignatureException");
      app.destroy();
      const ssm = ssmClient(s, undefined, "mars-1");
      assert.equal(
        (await rejection(() => ssm.send(new PutParameterCommand({ Name: "p", Value: "v", Type: "String" })))).name,
        "InvalidSignatureException",
      );
      ssm.destroy();
      const sts = stsClient(s, undefined, "mars-1");
      assert.equal((await rejection(() => sts.send(new GetCallerIdentityCommand({})))).name, "SignatureDoesNotMatch");
      sts.destroy();

      const state = await admin(s, "GET", "/_imagelite/state");
      assert.equal(
        (state.body.records as { region: string }[]).some((r) => r.region === "mars-1"),
        false,
      );
      // A region it serves answers as ever.
      const home = ec2Client(s, undefined, "eu-west-1");
      await home.send(new CreateKeyPairCommand({ KeyName: "k" }));
      assert.equal((await home.send(new DescribeKeyPairsCommand({}))).KeyPairs!.length, 1);
      home.destroy();
    });
  });
}
