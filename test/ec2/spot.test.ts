// Spot Instances and instant EC2 Fleets through the AWS SDK (RunInstances' InstanceMarketOptions, "Spot Instance
// request states", CreateFleet and DeleteFleets' references, "EC2 Fleet request types"): a Spot launch makes a
// fulfilled Spot Instance request whose state follows the instance; prices below the Spot price are refused; an
// instant fleet launches from a launch template as Packer's spot builder asks (step_run_spot_instance.go), its
// cheapest pool first, answers what failed beside what launched, and takes its instances with it when deleted.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateFleetCommand,
  CreateLaunchTemplateCommand,
  DeleteFleetsCommand,
  DescribeInstancesCommand,
  DescribeSpotInstanceRequestsCommand,
  DescribeSpotPriceHistoryCommand,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type CreateFleetCommandInput,
  type EC2Client,
  type RunInstancesCommandInput,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { rejection, T, useServer } from "../support/server";
import { registerAmi } from "./helpers";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2();
});

async function ami(): Promise<string> {
  const id = await registerAmi(a, "spot-base");
  server.clock.advance(T + 1);
  return id;
}

const run = async (input: Partial<RunInstancesCommandInput>) =>
  (await a.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, InstanceType: "t3.micro", ...input } as RunInstancesCommandInput)))
    .Instances![0];

const spotPrice = async (type: string, zone: string) =>
  Number(
    (
      await a.send(
        new DescribeSpotPriceHistoryCommand({
          InstanceTypes: [type as never],
          AvailabilityZone: zone,
          ProductDescriptions: ["Linux/UNIX"],
          StartTime: server.clock.now(),
        }),
      )
    ).SpotPriceHistory![0].SpotPrice,
  );

test("RunInstances with the spot market: a Spot Instance and its fulfilled request, closed when it terminates", async () => {
  const image = await ami();
  const inst = await run({
    ImageId: image,
    Placement: { AvailabilityZone: "us-east-1a" },
    InstanceMarketOptions: { MarketType: "spot" },
    TagSpecifications: [{ ResourceType: "spot-instances-request", Tags: [{ Key: "team", Value: "images" }] }],
  });
  assert.equal(inst.InstanceLifecycle, "spot");
  assert.match(inst.SpotInstanceRequestId!, /^sir-[0-9a-z]{8}$/);
  const [req] = (await a.send(new DescribeSpotInstanceRequestsCommand({}))).SpotInstanceRequests!;
  assert.deepEqual(
    [req.SpotInstanceRequestId, req.InstanceId, req.State, req.Status!.Code, req.Type, req.LaunchedAvailabilityZone],
    [inst.SpotInstanceRequestId, inst.InstanceId, "active", "fulfilled", "one-time", "us-east-1a"],
  );
  assert.deepEqual(req.Tags, [{ Key: "team", Value: "images" }]);
  assert.ok(Number(req.SpotPrice) >= (await spotPrice("t3.micro", "us-east-1a")), "the maximum defaults to the On-Demand rate");
  const byInstance = await a.send(
    new DescribeSpotInstanceRequestsCommand({ Filters: [{ Name: "instance-id", Values: [inst.InstanceId!] }] }),
  );
  assert.equal(byInstance.SpotInstanceRequests!.length, 1);
  await a.send(new TerminateInstancesCommand({ InstanceIds: [inst.InstanceId!] }));
  const [closed] = (await a.send(new DescribeSpotInstanceRequestsCommand({ SpotInstanceRequestIds: [inst.SpotInstanceRequestId!] })))
    .SpotInstanceRequests!;
  assert.deepEqual([closed.State, closed.Status!.Code], ["closed", "instance-terminated-by-user"]);
  const onDemand = await run({ ImageId: image });
  assert.equal(onDemand.InstanceLifecycle, undefined);
  assert.equal(onDemand.SpotInstanceRequestId, undefined);
});

test("Spot refusals: a maximum below the Spot price, one-time requests that stop, unknown requests", async () => {
  const image = await ami();
  const price = await spotPrice("t3.micro", "us-east-1a");
  const low = await rejection(() =>
    run({
      ImageId: image,
      Placement: { AvailabilityZone: "us-east-1a" },
      InstanceMarketOptions: { MarketType: "spot", SpotOptions: { MaxPrice: (price / 2).toFixed(6) } },
    }),
  );
  assert.equal(low.name, "SpotMaxPriceTooLow");
  assert.match(low.message, new RegExp(`minimum required Spot request fulfillment price of ${price.toFixed(6)}`));
  const stop = await rejection(() =>
    run({ ImageId: image, InstanceMarketOptions: { MarketType: "spot", SpotOptions: { InstanceInterruptionBehavior: "stop" } } }),
  );
  assert.equal(stop.name, "InvalidParameterCombination");
  const bad = await rejection(() =>
    run({ ImageId: image, InstanceMarketOptions: { MarketType: "spot", SpotOptions: { MaxPrice: "cheap" } } }),
  );
  assert.equal(bad.name, "InvalidParameterValue");
  assert.equal((await a.send(new DescribeInstancesCommand({}))).Reservations!.length, 0, "nothing was launched");
  // A persistent request that stops is disabled while its instance is stopped.
  const persistent = await run({
    ImageId: image,
    InstanceMarketOptions: { MarketType: "spot", SpotOptions: { SpotInstanceType: "persistent", InstanceInterruptionBehavior: "stop" } },
  });
  server.clock.advance(T + 1);
  await a.send(new StopInstancesCommand({ InstanceIds: [persistent.InstanceId!] }));
  server.clock.advance(T + 1);
  const [req] = (await a.send(new DescribeSpotInstanceRequestsCommand({}))).SpotInstanceRequests!;
  assert.deepEqual([req.Type, req.State, req.Status!.Code], ["persistent", "disabled", "instance-stopped-by-user"]);
  const unknown = await rejection(() => a.send(new DescribeSpotInstanceRequestsCommand({ SpotInstanceRequestIds: ["sir-abcdefgh"] })));
  assert.equal(unknown.name, "InvalidSpotInstanceRequestID.NotFound");
  const malformed = await rejection(() => a.send(new DescribeSpotInstanceRequestsCommand({ SpotInstanceRequestIds: ["spot-1"] })));
  assert.equal(malformed.name, "InvalidSpotInstanceRequestID.Malformed");
});

/** A launch template as Packer's spot builder makes one: the AMI, spot market options, empty zone and profile name. */
async function packerTemplate(image: string): Promise<string> {
  const name = "packer-fleet-launch-template-abc1234";
  await a.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: name,
      VersionDescription: "template generated by packer for launching spot instances",
      LaunchTemplateData: {
        ImageId: image,
        EbsOptimized: false,
        DisableApiTermination: false,
        IamInstanceProfile: { Name: "" },
        InstanceMarketOptions: { MarketType: "spot", SpotOptions: {} },
        Placement: { AvailabilityZone: "" },
        UserData: "",
      },
    }),
  );
  return name;
}

const packerFleet = (template: string, types: string[]): CreateFleetCommandInput => ({
  Type: "instant",
  ReplaceUnhealthyInstances: false,
  LaunchTemplateConfigs: [
    {
      LaunchTemplateSpecification: { LaunchTemplateName: template, Version: "1" },
      Overrides: types.map((t) => ({ InstanceType: t as never })),
    },
  ],
  TargetCapacitySpecification: { TotalTargetCapacity: 1, DefaultTargetCapacityType: "spot" },
});

test("CreateFleet (instant): Packer's spot request launches one Spot Instance of the cheapest type", async () => {
  const image = await ami();
  const template = await packerTemplate(image);
  const out = await a.send(new CreateFleetCommand(packerFleet(template, ["t3.micro", "t3a.micro"])));
  assert.match(out.FleetId!, /^fleet-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.deepEqual(out.Errors, []);
  assert.equal(out.Instances!.length, 1);
  const [group] = out.Instances!;
  assert.equal(group.Lifecycle, "spot");
  assert.equal(group.InstanceIds!.length, 1);
  const zone = "us-east-1a";
  const cheapest = (await spotPrice("t3.micro", zone)) <= (await spotPrice("t3a.micro", zone)) ? "t3.micro" : "t3a.micro";
  assert.equal(group.InstanceType, cheapest);
  assert.deepEqual(group.LaunchTemplateAndOverrides!.LaunchTemplateSpecification, { LaunchTemplateName: template, Version: "1" });
  const [inst] = (await a.send(new DescribeInstancesCommand({ InstanceIds: group.InstanceIds }))).Reservations![0].Instances!;
  assert.deepEqual([inst.InstanceLifecycle, inst.InstanceType, inst.ImageId], ["spot", cheapest, image]);
  assert.match(inst.SpotInstanceRequestId!, /^sir-/);
  assert.ok(inst.Tags!.some((t) => t.Key === "aws:ec2launchtemplate:id"));
  // Deleting the fleet terminates its instance; an instant fleet is not deleted without its instances.
  const keep = await a.send(new DeleteFleetsCommand({ FleetIds: [out.FleetId!], TerminateInstances: false }));
  assert.equal(keep.UnsuccessfulFleetDeletions![0].Error!.Code, "fleetNotInDeletableState");
  const del = await a.send(
    new DeleteFleetsCommand({ FleetIds: [out.FleetId!, "fleet-00000000-0000-0000-0000-000000000000", "f-1"], TerminateInstances: true }),
  );
  assert.deepEqual(
    del.SuccessfulFleetDeletions!.map((d) => [d.FleetId, d.PreviousFleetState, d.CurrentFleetState]),
    [[out.FleetId, "active", "deleted_terminating"]],
  );
  assert.deepEqual(
    del.UnsuccessfulFleetDeletions!.map((d) => d.Error!.Code),
    ["fleetIdDoesNotExist", "fleetIdMalformed"],
  );
  const after = (await a.send(new DescribeInstancesCommand({ InstanceIds: group.InstanceIds }))).Reservations![0].Instances![0];
  assert.equal(after.State!.Name, "shutting-down");
});

test("CreateFleet (instant): pools that fail are answered as errors, the next pool launches; on-demand and weights", async () => {
  const image = await ami();
  const template = await packerTemplate(image);
  const input = packerFleet(template, ["t3.micro"]);
  input.LaunchTemplateConfigs![0].Overrides = [
    { InstanceType: "t3.micro", MaxPrice: "0.000001", Priority: 1 },
    { InstanceType: "t3.small", Priority: 2, WeightedCapacity: 2 },
  ];
  input.TargetCapacitySpecification = { TotalTargetCapacity: 3, DefaultTargetCapacityType: "spot" };
  input.SpotOptions = { AllocationStrategy: "capacity-optimized-prioritized" };
  const out = await a.send(new CreateFleetCommand(input));
  assert.deepEqual(
    out.Errors!.map((e) => [e.Lifecycle, e.ErrorCode, e.LaunchTemplateAndOverrides!.Overrides!.InstanceType]),
    [["spot", "SpotMaxPriceTooLow", "t3.micro"]],
  );
  assert.deepEqual(
    out.Instances!.map((i) => [i.Lifecycle, i.InstanceType, i.InstanceIds!.length]),
    [["spot", "t3.small", 2]],
    "two instances of weight 2 cover a capacity of 3",
  );
  // On-Demand capacity ignores the template's spot market options.
  const onDemand = await a.send(
    new CreateFleetCommand({
      ...packerFleet(template, ["t3.micro"]),
      TargetCapacitySpecification: { TotalTargetCapacity: 1, DefaultTargetCapacityType: "on-demand" },
    }),
  );
  assert.equal(onDemand.Instances![0].Lifecycle, "on-demand");
  const [inst] = (await a.send(new DescribeInstancesCommand({ InstanceIds: onDemand.Instances![0].InstanceIds }))).Reservations![0]
    .Instances!;
  assert.equal(inst.InstanceLifecycle, undefined);
  // Same client token, same fleet.
  const tokened = { ...packerFleet(template, ["t3.micro"]), ClientToken: "fleet-token" };
  const first = await a.send(new CreateFleetCommand(tokened));
  const again = await a.send(new CreateFleetCommand(tokened));
  assert.equal(again.FleetId, first.FleetId);
  assert.deepEqual(again.Instances, first.Instances);
  // Request and maintain fleets are not served; an unknown template is refused outright.
  assert.equal(
    (await rejection(() => a.send(new CreateFleetCommand({ ...packerFleet(template, []), Type: "maintain" })))).name,
    "Unsupported",
  );
  const missing = await rejection(() => a.send(new CreateFleetCommand(packerFleet("no-such-template", ["t3.micro"]))));
  assert.match(missing.name, /^InvalidLaunchTemplateName\./);
  assert.equal(
    (await rejection(() => a.send(new CreateFleetCommand({ ...packerFleet(template, ["t3.micro"]), DryRun: true })))).name,
    "DryRunOperation",
  );
});
