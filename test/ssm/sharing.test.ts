// Sharing a parameter with another account through a resource policy ("Working with shared parameters";
// SSM API reference: PutResourcePolicy, GetResourcePolicies, DeleteResourcePolicy), and launching from
// parameters: a shared parameter's ARN in resolve:ssm:, and a launch template whose ImageId is resolve:ssm:.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  DeleteParameterCommand,
  DeleteResourcePolicyCommand,
  GetParameterCommand,
  GetParametersCommand,
  GetResourcePoliciesCommand,
  PutParameterCommand,
  PutResourcePolicyCommand,
  type SSMClient,
} from "@aws-sdk/client-ssm";
import { CreateLaunchTemplateCommand, ModifyImageAttributeCommand, RunInstancesCommand, type EC2Client } from "@aws-sdk/client-ec2";
import { ACCOUNT_A, ACCOUNT_B, REGION, rejection, T, useServer } from "../support/server";
import { registerAmi } from "../ec2/helpers";

const ACCOUNT_C = "333333333333";
const NAME = "/golden/windows/latest";
const ARN = `arn:aws:ssm:${REGION}:${ACCOUNT_A}:parameter/golden/windows/latest`;

let ssmA: SSMClient;
let ssmB: SSMClient;
let ec2A: EC2Client;
let ec2B: EC2Client;

const fx = useServer();
beforeEach(() => {
  ssmA = fx.ssm(ACCOUNT_A);
  ssmB = fx.ssm(ACCOUNT_B);
  ec2A = fx.ec2(ACCOUNT_A);
  ec2B = fx.ec2(ACCOUNT_B);
});

const policyFor = (principals: string[], actions = ["ssm:GetParameter", "ssm:GetParameters"]) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Sid: "Share", Effect: "Allow", Principal: { AWS: principals }, Action: actions, Resource: ARN }],
  });

/** Account A's pipeline bakes an AMI and publishes it to its advanced aws:ec2:image parameter. */
async function publishGolden(name = "golden-windows-1"): Promise<string> {
  const ami = await registerAmi(ec2A, name);
  fx.server.clock.advance(T + 1);
  await ssmA.send(
    new PutParameterCommand({ Name: NAME, Value: ami, Type: "String", DataType: "aws:ec2:image", Tier: "Advanced", Overwrite: true }),
  );
  return ami;
}

test("a golden-image pipeline shares its parameter and AMI; the other account reads it by ARN and launches it", async () => {
  const ami = await publishGolden();
  // Not shared yet: account B finds nothing at the ARN, and never by name.
  assert.equal((await rejection(() => ssmB.send(new GetParameterCommand({ Name: ARN })))).name, "ParameterNotFound");

  const shared = await ssmA.send(new PutResourcePolicyCommand({ ResourceArn: ARN, Policy: policyFor([ACCOUNT_B]) }));
  assert.ok(shared.PolicyId);
  assert.ok(shared.PolicyHash);
  await ec2A.send(new ModifyImageAttributeCommand({ ImageId: ami, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));

  const read = (await ssmB.send(new GetParameterCommand({ Name: ARN }))).Parameter!;
  assert.equal(read.Value, ami);
  assert.equal(read.Name, NAME);
  assert.equal(read.ARN, ARN);
  assert.equal(read.DataType, "aws:ec2:image");
  assert.equal((await ssmB.send(new GetParameterCommand({ Name: `${ARN}:1` }))).Parameter!.Value, ami);
  assert.equal((await rejection(() => ssmB.send(new GetParameterCommand({ Name: NAME })))).name, "ParameterNotFound");
  const many = await ssmB.send(new GetParametersCommand({ Names: [ARN, NAME] }));
  assert.deepEqual(
    many.Parameters!.map((p) => p.Value),
    [ami],
  );
  assert.deepEqual(many.InvalidParameters, [NAME]);

  const launched = await ec2B.send(new RunInstancesCommand({ ImageId: read.Value, MinCount: 1, MaxCount: 1 }));
  assert.equal(launched.Instances![0].ImageId, ami);
  // EC2 resolves the shared parameter's ARN at launch as well.
  const resolved = await ec2B.send(new RunInstancesCommand({ ImageId: `resolve:ssm:${ARN}`, MinCount: 1, MaxCount: 1 }));
  assert.equal(resolved.Instances![0].ImageId, ami);

  // The next bake is seen by the consumer at once: the policy is on the parameter, not a version.
  const next = await publishGolden("golden-windows-2");
  assert.equal((await ssmB.send(new GetParameterCommand({ Name: ARN }))).Parameter!.Value, next);

  // An account the policy does not name reads nothing, and cannot resolve it at launch.
  const other = fx.ssm(ACCOUNT_C);
  assert.equal((await rejection(() => other.send(new GetParameterCommand({ Name: ARN })))).name, "ParameterNotFound");
  const refused = await rejection(() =>
    fx.ec2(ACCOUNT_C).send(new RunInstancesCommand({ ImageId: `resolve:ssm:${ARN}`, MinCount: 1, MaxCount: 1 })),
  );
  assert.equal(refused.name, "InvalidParameterValue");
});

test("GetResourcePolicies lists a parameter's policies; updates and deletes need the current id and hash", async () => {
  await publishGolden();
  const first = await ssmA.send(new PutResourcePolicyCommand({ ResourceArn: ARN, Policy: policyFor([ACCOUNT_B]) }));
  const second = await ssmA.send(
    new PutResourcePolicyCommand({ ResourceArn: ARN, Policy: policyFor([`arn:aws:iam::${ACCOUNT_C}:root`], ["ssm:GetParameter*"]) }),
  );
  const listed = (await ssmA.send(new GetResourcePoliciesCommand({ ResourceArn: ARN }))).Policies!;
  assert.deepEqual(listed.map((p) => p.PolicyId).sort(), [first.PolicyId, second.PolicyId].sort());
  assert.equal(listed.find((p) => p.PolicyId === first.PolicyId)!.Policy, policyFor([ACCOUNT_B]));
  assert.equal(listed.find((p) => p.PolicyId === first.PolicyId)!.PolicyHash, first.PolicyHash);
  // An IAM ARN in the account and a wildcard action share too.
  assert.ok((await fx.ssm(ACCOUNT_C).send(new GetParameterCommand({ Name: ARN }))).Parameter);

  // Updating names the policy by id and its current hash; a stale hash conflicts.
  const stale = await rejection(() =>
    ssmA.send(
      new PutResourcePolicyCommand({ ResourceArn: ARN, Policy: policyFor([ACCOUNT_C]), PolicyId: first.PolicyId, PolicyHash: "x" }),
    ),
  );
  assert.equal(stale.name, "ResourcePolicyConflictException");
  const updated = await ssmA.send(
    new PutResourcePolicyCommand({
      ResourceArn: ARN,
      Policy: policyFor([ACCOUNT_C]),
      PolicyId: first.PolicyId,
      PolicyHash: first.PolicyHash,
    }),
  );
  assert.equal(updated.PolicyId, first.PolicyId);
  assert.notEqual(updated.PolicyHash, first.PolicyHash);
  assert.equal((await rejection(() => ssmB.send(new GetParameterCommand({ Name: ARN })))).name, "ParameterNotFound");

  const wrongHash = await rejection(() =>
    ssmA.send(new DeleteResourcePolicyCommand({ ResourceArn: ARN, PolicyId: second.PolicyId, PolicyHash: first.PolicyHash })),
  );
  assert.equal(wrongHash.name, "ResourcePolicyConflictException");
  const unknown = await rejection(() =>
    ssmA.send(new DeleteResourcePolicyCommand({ ResourceArn: ARN, PolicyId: "nope", PolicyHash: first.PolicyHash })),
  );
  assert.equal(unknown.name, "ResourcePolicyNotFoundException");
  await ssmA.send(new DeleteResourcePolicyCommand({ ResourceArn: ARN, PolicyId: second.PolicyId, PolicyHash: second.PolicyHash }));
  await ssmA.send(new DeleteResourcePolicyCommand({ ResourceArn: ARN, PolicyId: updated.PolicyId, PolicyHash: updated.PolicyHash }));
  assert.deepEqual((await ssmA.send(new GetResourcePoliciesCommand({ ResourceArn: ARN }))).Policies, []);
  assert.equal((await rejection(() => fx.ssm(ACCOUNT_C).send(new GetParameterCommand({ Name: ARN })))).name, "ParameterNotFound");
});

test("only an existing advanced parameter with a well-formed policy can be shared; deleting it ends the share", async () => {
  await ssmA.send(new PutParameterCommand({ Name: "/plain", Value: "v", Type: "String" }));
  const plainArn = `arn:aws:ssm:${REGION}:${ACCOUNT_A}:parameter/plain`;
  const standard = await rejection(() =>
    ssmA.send(new PutResourcePolicyCommand({ ResourceArn: plainArn, Policy: policyFor([ACCOUNT_B]) })),
  );
  assert.equal(standard.name, "ResourcePolicyInvalidParameterException");
  const missing = await rejection(() =>
    ssmA.send(new PutResourcePolicyCommand({ ResourceArn: `${plainArn}-gone`, Policy: policyFor([ACCOUNT_B]) })),
  );
  assert.equal(missing.name, "ResourceNotFoundException");
  // Another account cannot put a policy on A's parameter.
  await publishGolden();
  const foreign = await rejection(() => ssmB.send(new PutResourcePolicyCommand({ ResourceArn: ARN, Policy: policyFor([ACCOUNT_B]) })));
  assert.equal(foreign.name, "ResourceNotFoundException");
  for (const bad of [
    "not json",
    "{}",
    JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "bob" }, Action: "ssm:GetParameter" }] }),
  ]) {
    const malformed = await rejection(() => ssmA.send(new PutResourcePolicyCommand({ ResourceArn: ARN, Policy: bad })));
    assert.equal(malformed.name, "MalformedResourcePolicyDocumentException");
  }
  const big = policyFor(Array.from({ length: 80 }, (_, i) => String(100000000000 + i)));
  assert.equal(
    (await rejection(() => ssmA.send(new PutResourcePolicyCommand({ ResourceArn: ARN, Policy: big })))).name,
    "ResourcePolicyLimitExceededException",
  );

  await ssmA.send(new PutResourcePolicyCommand({ ResourceArn: ARN, Policy: policyFor([ACCOUNT_B]) }));
  assert.ok((await ssmB.send(new GetParameterCommand({ Name: ARN }))).Parameter);
  await ssmA.send(new DeleteParameterCommand({ Name: NAME }));
  await publishGolden("golden-windows-again");
  // The recreated parameter starts unshared.
  assert.deepEqual((await ssmA.send(new GetResourcePoliciesCommand({ ResourceArn: ARN }))).Policies, []);
  assert.equal((await rejection(() => ssmB.send(new GetParameterCommand({ Name: ARN })))).name, "ParameterNotFound");
});

test("a launch template whose ImageId is resolve:ssm: launches the parameter's AMI as of launch time", async () => {
  const first = await publishGolden();
  await ec2A.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: "golden",
      LaunchTemplateData: { ImageId: `resolve:ssm:${NAME}`, InstanceType: "t3.micro" },
    }),
  );
  const launch = () => ec2A.send(new RunInstancesCommand({ LaunchTemplate: { LaunchTemplateName: "golden" }, MinCount: 1, MaxCount: 1 }));
  assert.equal((await launch()).Instances![0].ImageId, first);
  const second = await publishGolden("golden-windows-2");
  assert.equal((await launch()).Instances![0].ImageId, second);
});
