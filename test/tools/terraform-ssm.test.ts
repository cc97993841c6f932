// Terraform's SSM Parameter Store configuration (fixtures/terraform/ssm-parameter): parameters of each type, one
// holding the AMI id that Amazon's public parameter names, applied, planned again with no changes expected, and
// destroyed; between the steps the AWS SDK reads what imagelite holds.
import assert from "node:assert/strict";
import { GetParameterCommand, GetParametersCommand, ListTagsForResourceCommand, type SSMClient } from "@aws-sdk/client-ssm";
import type { Imagelite } from "../../src/index";
import { ssmClient } from "../support/server";
import { terraformSuite } from "./terraform";

async function withSsm<T>(server: Imagelite, fn: (c: SSMClient) => Promise<T>): Promise<T> {
  const c = ssmClient(server);
  try {
    return await fn(c);
  } finally {
    c.destroy();
  }
}

const NAMES = ["/golden/ami/latest", "/golden/regions", "/golden/token"];

terraformSuite("terraform-ssm", "Terraform: SSM Parameter Store", {
  "ssm-parameter": {
    async applied({ server }) {
      await withSsm(server, async (c) => {
        const latest = await c.send(
          new GetParameterCommand({ Name: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" }),
        );
        const { Parameters, InvalidParameters } = await c.send(new GetParametersCommand({ Names: NAMES, WithDecryption: true }));
        assert.deepEqual(InvalidParameters, []);
        const byName = Object.fromEntries(Parameters!.map((p) => [p.Name, p]));
        assert.equal(byName["/golden/ami/latest"].Value, latest.Parameter!.Value);
        assert.equal(byName["/golden/ami/latest"].DataType, "aws:ec2:image");
        assert.equal(byName["/golden/regions"].Type, "StringList");
        assert.equal(byName["/golden/regions"].Value, "us-east-1,us-west-2");
        assert.equal(byName["/golden/token"].Type, "SecureString");
        assert.equal(byName["/golden/token"].Value, "s3cr3t");
        const { TagList } = await c.send(new ListTagsForResourceCommand({ ResourceType: "Parameter", ResourceId: "/golden/ami/latest" }));
        assert.deepEqual(TagList, [{ Key: "team", Value: "images" }]);
      });
    },
    async destroyed({ server }) {
      await withSsm(server, async (c) => {
        const { Parameters, InvalidParameters } = await c.send(new GetParametersCommand({ Names: NAMES }));
        assert.deepEqual(Parameters, []);
        assert.deepEqual([...InvalidParameters!].sort(), NAMES);
      });
    },
  },
});
