// StartInstances, StopInstances and TerminateInstances, after "Amazon EC2 instance state changes"
// (ec2-instance-lifecycle.html) and the three API references: a call checks every instance first and changes
// none when one is refused; an instance already where the call leads (or on its way) is answered as it is.
// Termination detaches the instance's volumes once it is terminated: those marked DeleteOnTermination are
// deleted, the others become available. A terminating instance no longer uses its AMI (usage reports count
// instances that are not terminated), so its use record goes at once. Starting stopped instances takes
// On-Demand capacity again: a start that the account's quotas cannot hold starts none (instances/launch-quotas.ts).
import type { RequestContext } from "../../../gateway/context";
import { inPartition } from "../../../state/collection";
import { plan } from "../../../state/lifecycle";
import type { Ec2Handlers, InstanceStateChange, InstanceStateName } from "../api.generated";
import * as err from "../errors";
import { GONE, partitionOf } from "../images/records";
import { findInstances, instanceState, saveInstance, stateShape, TERMINATED_VISIBLE_SECONDS, type InstanceRecord } from "./records";
import { checkStart } from "./launch-quotas";
import { amiUses } from "../usage-reports/entries";
import { attachedVolumes, saveVolume } from "../volumes/records";
import { elasticIpAt } from "../addresses/records";
import { interfacesOf, primaryInterface, publicAddress, saveNetworkInterface } from "../network-interfaces/records";

type Transition = (ctx: RequestContext, r: InstanceRecord, state: InstanceStateName) => boolean;

/** Replaces what the schedule planned after now with the phases given (a start, stop or termination). */
function reschedule(ctx: RequestContext, r: InstanceRecord, ...phases: [string, number?][]): void {
  r.schedule = [...r.schedule.filter((s) => s.at <= ctx.now), ...plan(ctx.now, ...phases)];
}

/** Each instance: refused (throws), or whether the call changes it; `check` sees those it changes before any is. */
function apply(
  ctx: RequestContext,
  ids: string[],
  decide: Transition,
  act: (r: InstanceRecord) => void,
  check?: (changing: InstanceRecord[]) => void,
): InstanceStateChange[] {
  const recs = findInstances(ctx, ids);
  const before = recs.map((r) => instanceState(ctx, r));
  const changes = recs.map((r, i) => decide(ctx, r, before[i]));
  check?.(recs.filter((_, i) => changes[i]));
  recs.forEach((r, i) => {
    if (!changes[i]) return;
    act(r);
    saveInstance(ctx, r);
  });
  return recs.map((r, i) => ({
    InstanceId: r.InstanceId,
    CurrentState: stateShape(instanceState(ctx, r)),
    PreviousState: stateShape(before[i]),
  }));
}

const canStart: Transition = (_ctx, r, state) => {
  if (state === "stopped") return true;
  if (state === "pending" || state === "running") return false;
  throw err.incorrectInstanceState(`The instance '${r.InstanceId}' is not in a state from which it can be started.`);
};

const canStop: Transition = (_ctx, r, state) => {
  if (state === "shutting-down" || state === "terminated") {
    throw err.incorrectInstanceState(`This instance '${r.InstanceId}' is not in a state from which it can be stopped.`);
  }
  if (state === "pending") {
    throw err.incorrectInstanceState(`Instance '${r.InstanceId}' cannot be stopped as it has never reached the 'running' state.`);
  }
  if (state !== "running") return false;
  if (r.DisableApiStop) {
    throw err.operationNotPermitted(
      `The instance '${r.InstanceId}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`,
    );
  }
  return true;
};

const canTerminate: Transition = (_ctx, r, state) => {
  if (state === "shutting-down" || state === "terminated") return false;
  if (r.DisableApiTermination) {
    throw err.operationNotPermitted(
      `The instance '${r.InstanceId}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
    );
  }
  return true;
};

/** What termination does at once: the schedule to `terminated` and beyond, the volumes' fate, the AMI use. */
export function terminate(ctx: RequestContext, r: InstanceRecord): void {
  const shutdown = ctx.timings.seconds("instanceTerminate");
  reschedule(ctx, r, ["shutting-down", shutdown], ["terminated", TERMINATED_VISIBLE_SECONDS], [GONE]);
  const terminatedAt = ctx.now + shutdown * 1000;
  for (const v of attachedVolumes(ctx, r.InstanceId)) {
    const a = v.attachment!;
    v.attachment = { ...a, detachingAt: ctx.now, detachedAt: terminatedAt };
    const rest = a.DeleteOnTermination
      ? plan(terminatedAt, ["deleting", ctx.timings.seconds("volumeCreate")], [GONE])
      : plan(terminatedAt, ["available"]);
    v.schedule = [...v.schedule.filter((s) => s.at <= ctx.now), ...rest];
    saveVolume(ctx, v);
  }
  amiUses.delete(inPartition(ctx, partitionOf(r.amiOwner, r.region)), [r.ImageId, "instance", r.owner, r.InstanceId]);
  // Its interfaces: deleted with it when DeleteOnTermination says so, detached otherwise; the public address goes.
  for (const eni of interfacesOf(ctx, r.InstanceId)) {
    const a = eni.attachment!;
    eni.publicIp = undefined;
    if (a.DeleteOnTermination) eni.goneAt = terminatedAt;
    else eni.attachment = { ...a, detachedAt: terminatedAt };
    saveNetworkInterface(ctx, eni);
  }
}

/**
 * A stop releases the public IPv4 address EC2 gave the instance; a start gives a new one, unless an Elastic IP
 * address is associated with its primary address, which a stop keeps (using-instance-addressing.html,
 * elastic-ip-addresses-eip.html).
 */
function setPublicAddress(ctx: RequestContext, r: InstanceRecord, give: boolean): void {
  const eni = primaryInterface(ctx, r.InstanceId);
  if (!eni) return;
  const elastic = elasticIpAt(ctx, eni, eni.PrivateIpAddress);
  eni.publicIp = give && eni.publicOnStart && !elastic ? publicAddress(ctx, eni.NetworkInterfaceId).ip : undefined;
  saveNetworkInterface(ctx, eni);
}

export const instanceLifecycleHandlers: Pick<Ec2Handlers, "StartInstances" | "StopInstances" | "TerminateInstances"> = {
  StartInstances(ctx, { InstanceIds }) {
    const StartingInstances = apply(
      ctx,
      InstanceIds,
      canStart,
      (r) => {
        reschedule(ctx, r, ["pending", ctx.timings.seconds("instanceStart")], ["running"]);
        setPublicAddress(ctx, r, true);
      },
      (starting) => checkStart(ctx, starting),
    );
    return { StartingInstances };
  },

  StopInstances(ctx, { InstanceIds }) {
    const StoppingInstances = apply(ctx, InstanceIds, canStop, (r) => {
      reschedule(ctx, r, ["stopping", ctx.timings.seconds("instanceStop")], ["stopped"]);
      setPublicAddress(ctx, r, false);
    });
    return { StoppingInstances };
  },

  TerminateInstances(ctx, { InstanceIds }) {
    return { TerminatingInstances: apply(ctx, InstanceIds, canTerminate, (r) => terminate(ctx, r)) };
  },
};
