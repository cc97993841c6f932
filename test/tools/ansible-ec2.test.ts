// Ansible's amazon.aws EC2 playbooks (fixtures/ansible/*.yml) against a fresh imagelite each: what the
// playbook made, a check-mode run that finds nothing to change, and the removal playbook leaving nothing.
import assert from "node:assert/strict";
import { DescribeKeyPairsCommand, DescribeSecurityGroupsCommand, type EC2Client } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ec2Client } from "../support/server";
import { ansibleSuite } from "./ansible";

async function withEc2<T>(server: Imagelite, fn: (c: EC2Client) => Promise<T>): Promise<T> {
  const c = ec2Client(server);
  try {
    return await fn(c);
  } finally {
    c.destroy();
  }
}

const tags = (t: { Key?: string; Value?: string }[] | undefined) => Object.fromEntries((t ?? []).map((x) => [x.Key, x.Value]));

ansibleSuite("ansible-ec2", "Ansible: amazon.aws EC2 modules", {
  "key-pair": {
    changedInCheckMode: {
      "Import a public key":
        "ec2_key cannot compare key material in check mode (it learns a key's fingerprint only by importing it), so it reports a change",
    },
    async applied(server) {
      await withEc2(server, async (c) => {
        const { KeyPairs } = await c.send(new DescribeKeyPairsCommand({}));
        const byName = Object.fromEntries(KeyPairs!.map((k) => [k.KeyName, k]));
        assert.deepEqual(Object.keys(byName).sort(), ["ansible-deployer", "ansible-generated"]);
        assert.equal(byName["ansible-deployer"].KeyType, "ed25519");
        assert.deepEqual(tags(byName["ansible-deployer"].Tags), { team: "images" });
        assert.equal(byName["ansible-generated"].KeyType, "ed25519");
      });
    },
    async removed(server) {
      await withEc2(server, async (c) => {
        assert.deepEqual((await c.send(new DescribeKeyPairsCommand({}))).KeyPairs, []);
      });
    },
  },

  "security-group": {
    async applied(server) {
      await withEc2(server, async (c) => {
        const { SecurityGroups } = await c.send(
          new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["ansible-builder"] }] }),
        );
        assert.equal(SecurityGroups?.length, 1);
        const [group] = SecurityGroups;
        assert.equal(group.Description, "Image builder access");
        assert.deepEqual(tags(group.Tags), { Name: "ansible-builder" });
        const ingress = group.IpPermissions!.map((p) => [
          p.IpProtocol,
          p.FromPort,
          p.ToPort,
          p.IpRanges!.map((r) => [r.CidrIp, r.Description]),
        ]);
        assert.deepEqual(
          ingress.sort((a, b) => Number(a[1]) - Number(b[1])),
          [
            ["tcp", 22, 22, [["10.0.0.0/8", "SSH"]]],
            ["tcp", 5985, 5986, [["10.0.0.0/8", "WinRM"]]],
          ],
        );
        assert.deepEqual(
          group.IpPermissionsEgress!.map((p) => [p.IpProtocol, p.IpRanges!.map((r) => r.CidrIp)]),
          [["-1", ["0.0.0.0/0"]]],
        );
      });
    },
    async removed(server) {
      await withEc2(server, async (c) => {
        const { SecurityGroups } = await c.send(
          new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["ansible-builder"] }] }),
        );
        assert.deepEqual(SecurityGroups, []);
      });
    },
  },
});
