// An AMI's lineage and reach, for its dashboard page: where it comes from (the AMI it was copied from, or the
// instance it was made from and that instance's AMI), its copies in any region of its owner's and its sharees'
// accounts, whom it is shared with, what uses it (instances and launch templates of any account, AppStream images,
// SSM parameters of its owner), and its snapshots with their locks. The same records DescribeImageReferences and the usage reports
// read; each list is cut at LIMIT.
import type { RequestContext } from "../../../gateway/context";
import type { Link } from "../../../operator/admin/resource-view";
import { inPartition } from "../../../state/collection";
import { stateAt } from "../../../state/lifecycle";
import { REGIONS, samePartition } from "../../../util/regions";
import { parametersNamingImage } from "../../ssm/parameters/records";
import { instances, instanceState } from "../instances/records";
import { snapshots } from "../snapshots/access";
import { isLocked, lockStateAt, snapshotState } from "../snapshots/records";
import { amiUses } from "../usage-reports/entries";
import { amis, visibleImage } from "./access";
import { listPermissions } from "./launch-permissions";
import { partitionOf, type AmiRecord } from "./records";

/** At most this many nodes of one relation. */
const LIMIT = 24;

/** The page kinds of what uses an AMI, by the kind its use records name. */
const USE_KINDS: Record<string, { kind: string; label: string }> = {
  "launch-template": { kind: "ec2.launch-template", label: "launch template" },
  "appstream-image": { kind: "appstream.image", label: "AppStream image" },
};

/** In the context of `account` in `region`: how an owner's records are read. */
const at = (ctx: RequestContext, account: string, region: string): RequestContext => ({
  ...ctx,
  accountId: account,
  region,
  partition: partitionOf(account, region),
});

/** An AMI as a node: a link to its page when it is a stored AMI, Amazon's otherwise (the catalog has no page). */
function imageNode(ctx: RequestContext, relation: Link["relation"], id: string, region: string): Link {
  const seen = visibleImage(at(ctx, ctx.accountId, region), id, region);
  const stored = seen && amis.get(inPartition(ctx, partitionOf(seen.owner, region)), id);
  if (!stored) return { relation, id, region, label: seen ? "Amazon's AMI" : "no longer there", name: seen?.Name };
  return {
    relation,
    id,
    kind: amis.type,
    account: stored.owner,
    region,
    label: "AMI",
    name: stored.Name,
    state: stateAt(stored.schedule, ctx.now),
  };
}

function parents(ctx: RequestContext, r: AmiRecord): Link[] {
  if (r.SourceImageId) return [imageNode(ctx, "parent", r.SourceImageId, r.SourceImageRegion ?? r.region)];
  if (!r.SourceInstanceId) return [];
  const owner = at(ctx, r.owner, r.region);
  const instance = instances.get(owner, r.SourceInstanceId);
  const made: Link = instance
    ? {
        relation: "source-instance",
        id: instance.InstanceId,
        kind: instances.type,
        account: r.owner,
        region: r.region,
        label: "instance",
        state: instanceState(owner, instance),
      }
    : { relation: "source-instance", id: r.SourceInstanceId, label: "instance, no longer there" };
  return instance ? [imageNode(ctx, "parent", instance.ImageId, r.region), made] : [made];
}

/** The accounts an AMI is shared with by id. */
const sharees = (ctx: RequestContext, r: AmiRecord) =>
  listPermissions(ctx, r).flatMap((p) => (p.UserId && p.UserId !== r.owner ? [p.UserId] : []));

function copies(ctx: RequestContext, r: AmiRecord): Link[] {
  const out: Link[] = [];
  for (const account of [r.owner, ...sharees(ctx, r)]) {
    for (const region of REGIONS) {
      if (!samePartition(region, r.region)) continue;
      for (const { value } of amis.lookup(inPartition(ctx, partitionOf(account, region)), "source", { key: r.ImageId })) {
        if (out.length >= LIMIT) return out;
        out.push({
          relation: "copy",
          id: value.ImageId,
          kind: amis.type,
          account,
          region,
          label: account === r.owner ? `copy in ${region}` : `copy by ${account}`,
          name: value.Name,
          state: stateAt(value.schedule, ctx.now),
        });
      }
    }
  }
  return out;
}

function shares(ctx: RequestContext, r: AmiRecord): Link[] {
  return listPermissions(ctx, r)
    .slice(0, LIMIT)
    .map((p): Link => {
      if (p.Group === "all") return { relation: "share", id: "everyone", label: "public" };
      if (p.OrganizationArn) return { relation: "share", id: p.OrganizationArn, label: "organization" };
      if (p.OrganizationalUnitArn) return { relation: "share", id: p.OrganizationalUnitArn, label: "organizational unit" };
      return { relation: "share", id: p.UserId ?? "", label: "account" };
    });
}

function uses(ctx: RequestContext, r: AmiRecord): Link[] {
  const out: Link[] = [];
  // Instances, through their index by AMI, in the owner's account and the accounts it is shared with.
  for (const account of [r.owner, ...sharees(ctx, r)]) {
    const scope = at(ctx, account, r.region);
    for (const { id, value } of instances.lookup(scope, "image", { key: r.ImageId })) {
      if (out.length >= LIMIT) return out;
      const label = `instance${account === r.owner ? "" : ` of ${account}`}`;
      out.push({ relation: "use", id, kind: instances.type, account, region: r.region, label, state: instanceState(scope, value) });
    }
  }
  // Launch templates and AppStream images, through the use records the AMI's owner keeps.
  const owner = inPartition(ctx, partitionOf(r.owner, r.region));
  for (const { id, value } of amiUses.entries(owner, { within: [r.ImageId] })) {
    if (out.length >= LIMIT) return out;
    const [, kind, account, resource] = id.split(" ");
    if (kind === "instance") continue; // listed above, from the instances themselves
    const page = USE_KINDS[kind];
    out.push({
      relation: "use",
      id: resource,
      ...(page ? { kind: page.kind, account, region: value.region } : {}),
      label: `${page?.label ?? kind}${account === r.owner ? "" : ` of ${account}`}`,
      name: value.name || undefined,
    });
  }
  for (const name of parametersNamingImage(owner, r.ImageId)) {
    if (out.length >= LIMIT) break;
    out.push({ relation: "use", id: name, kind: "ssm.parameter", account: r.owner, region: r.region, label: "SSM parameter" });
  }
  return out;
}

function ownSnapshots(ctx: RequestContext, r: AmiRecord): Link[] {
  const owner = at(ctx, r.owner, r.region);
  const out: Link[] = [];
  for (const m of r.BlockDeviceMappings ?? []) {
    const id = m.Ebs?.SnapshotId;
    if (!id || out.length >= LIMIT) continue;
    const snap = snapshots.get(owner, id);
    out.push(
      snap
        ? {
            relation: "snapshot",
            id,
            kind: snapshots.type,
            account: r.owner,
            region: r.region,
            label: `${m.DeviceName ?? "snapshot"}, ${snap.VolumeSize} GiB${snap.lock && isLocked(snap, ctx.now) ? `, locked (${lockStateAt(snap.lock, ctx.now)})` : ""}`,
            state: snapshotState(owner, snap),
          }
        : { relation: "snapshot", id, label: `${m.DeviceName ?? "snapshot"}, not the owner's` },
    );
  }
  return out;
}

/** Everything an AMI's page draws around it. */
export function imageLinks(ctx: RequestContext, r: AmiRecord): Link[] {
  return [...parents(ctx, r), ...copies(ctx, r), ...shares(ctx, r), ...uses(ctx, r), ...ownSnapshots(ctx, r)];
}
