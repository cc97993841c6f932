// EC2's kinds of resource in the dashboard (operator/admin/resource-view.ts): each rendered by the view its describe
// call uses, as the owner sees it, under the title the table of EC2 resource types gives it (resource-types.ts).
import { view, type ResourceView, type Share } from "../../operator/admin/resource-view";
import { stateAt } from "../../state/lifecycle";
import type { CreateVolumePermission, LaunchPermission } from "./api.generated";
import { EC2_RESOURCE_TYPES } from "./resource-types";
import { amis } from "./images/access";
import { imageView } from "./images/view";
import { imageLinks } from "./images/lineage";
import { listPermissions } from "./images/launch-permissions";
import { snapshotState } from "./snapshots/records";
import { snapshots } from "./snapshots/access";
import { snapshotView } from "./snapshots/handlers";
import { listVolumePermissions } from "./snapshots/permissions";
import { instances, instanceState } from "./instances/records";
import { instanceView } from "./instances/view";
import { volumes, volumeState, volumeView } from "./volumes/records";
import { launchTemplates, templateView } from "./launch-templates/records";
import { importTasks, statusOf, taskState, taskView } from "./import/records";
import { storeState, storeTasks, storeTaskView } from "./store-tasks/records";
import { exportState, exportStatus, exportTasks, exportTaskView } from "./export-tasks/records";
import { snapshotTasks, snapshotTaskState, snapshotTaskView } from "./import/snapshot-tasks";
import { fastLaunchSettings, stepOf, view as fastLaunchView } from "./fast-launch/records";
import { reportState, reportView, usageReports } from "./usage-reports/records";
import { keyPairs } from "./key-pairs/records";
import { keyPairView } from "./key-pairs/handlers";
import { securityGroups, subnets, vpcs, vpcState } from "./network/records";
import { groupView } from "./network/security-groups";
import { internetGateways } from "./internet-gateways/records";
import { gatewayView } from "./internet-gateways/handlers";
import { routeTables } from "./route-tables/records";
import { routeTableView } from "./route-tables/handlers";
import { networkAcls } from "./network-acls/records";
import { aclView } from "./network-acls/handlers";
import { activeAssociation, addresses } from "./addresses/records";
import { addressView } from "./addresses/handlers";
import { describedSubnet } from "./network/subnets";
import { attachmentOf, networkInterfaces } from "./network-interfaces/records";
import { networkInterfaceView } from "./network-interfaces/view";
import { fleets, fleetState, fleetView, spotRequests } from "./fleets/records";
import { requestView, stateOf as spotState } from "./fleets/spot";
import { vpcView } from "./network/vpcs";

/** Launch permissions and create-volume permissions name a group (all), an account, an organization or an OU. */
function shares(list: (LaunchPermission | CreateVolumePermission)[], permission: string): Share[] {
  return list.map((p): Share => {
    const l = p as LaunchPermission;
    if (l.Group === "all") return { principal: "all", kind: "public", permissions: [permission] };
    if (l.OrganizationArn) return { principal: l.OrganizationArn, kind: "organization", permissions: [permission] };
    if (l.OrganizationalUnitArn) return { principal: l.OrganizationalUnitArn, kind: "ou", permissions: [permission] };
    return { principal: l.UserId ?? "", kind: "account", permissions: [permission] };
  });
}

export const ec2DashboardViews: ResourceView[] = [
  view({
    collection: amis,
    label: EC2_RESOURCE_TYPES.image.label,
    name: (r) => r.Name,
    state: (ctx, r) => stateAt(r.schedule, ctx.now),
    created: (r) => r.createdAt,
    render: imageView,
    schedule: (r) => r.schedule,
    sharing: (ctx, r) => shares(listPermissions(ctx, r), "launch"),
    links: imageLinks,
  }),
  view({
    collection: snapshots,
    label: EC2_RESOURCE_TYPES.snapshot.label,
    name: (r) => r.Description,
    state: snapshotState,
    created: (r) => r.createdAt,
    render: snapshotView,
    schedule: (r) => r.schedule,
    sharing: (ctx, r) => shares(listVolumePermissions(ctx, r), "createVolume"),
  }),
  view({
    collection: instances,
    label: EC2_RESOURCE_TYPES.instance.label,
    state: instanceState,
    created: (r) => r.launchedAt,
    render: instanceView,
    schedule: (r) => r.schedule,
  }),
  view({
    collection: volumes,
    label: EC2_RESOURCE_TYPES.volume.label,
    state: volumeState,
    created: (r) => r.createdAt,
    render: volumeView,
    schedule: (r) => r.schedule,
  }),
  view({
    collection: launchTemplates,
    label: EC2_RESOURCE_TYPES["launch-template"].label,
    name: (r) => r.LaunchTemplateName,
    created: (r) => r.createdAt,
    render: templateView,
  }),
  view({
    collection: importTasks,
    label: EC2_RESOURCE_TYPES["import-image-task"].label,
    name: (r) => r.Description,
    state: (ctx, r) => statusOf(taskState(ctx, r)).status,
    created: (r) => r.createdAt,
    render: (ctx, r) => taskView(ctx, r),
    schedule: (r) => r.schedule,
  }),
  view({
    collection: snapshotTasks,
    label: EC2_RESOURCE_TYPES["import-snapshot-task"].label,
    name: (r) => r.Description ?? r.Url ?? `s3://${r.UserBucket?.S3Bucket}/${r.UserBucket?.S3Key}`,
    state: (ctx, r) => statusOf(snapshotTaskState(ctx, r)).status,
    created: (r) => r.createdAt,
    render: (ctx, r) => snapshotTaskView(ctx, r),
    schedule: (r) => r.schedule,
  }),
  view({
    collection: exportTasks,
    label: EC2_RESOURCE_TYPES["export-image-task"].label,
    name: (r) => r.Description ?? r.ImageId,
    state: (ctx, r) => exportStatus(exportState(ctx, r)).status,
    created: (r) => r.createdAt,
    render: (ctx, r) => exportTaskView(ctx, r),
    schedule: (r) => r.schedule,
  }),
  view({
    collection: storeTasks,
    label: "Store tasks",
    name: (r) => `${r.AmiId} → s3://${r.Bucket}/${r.S3objectKey}`,
    state: storeState,
    created: (r) => r.createdAt,
    render: storeTaskView,
    schedule: (r) => r.schedule,
  }),
  view({
    collection: fastLaunchSettings,
    label: "Fast launch",
    state: (ctx, r) => stepOf(ctx, r).state,
    created: (r) => r.schedule[0]?.at,
    render: (ctx, r) => fastLaunchView(ctx, r),
    schedule: (r) => r.schedule,
  }),
  view({
    collection: usageReports,
    label: EC2_RESOURCE_TYPES["image-usage-report"].label,
    name: (r) => r.ImageId,
    state: reportState,
    created: (r) => r.createdAt,
    render: reportView,
    schedule: (r) => r.schedule,
  }),
  view({
    collection: keyPairs,
    label: EC2_RESOURCE_TYPES["key-pair"].label,
    name: (r) => r.KeyPairId,
    created: (r) => r.createdAt,
    render: (ctx, r) => keyPairView(ctx, r, true),
  }),
  view({
    collection: securityGroups,
    label: EC2_RESOURCE_TYPES["security-group"].label,
    name: (r) => r.GroupName,
    render: groupView,
  }),
  view({
    collection: internetGateways,
    label: EC2_RESOURCE_TYPES["internet-gateway"].label,
    name: (r) => r.VpcId,
    state: (_, r) => (r.VpcId ? "attached" : "detached"),
    render: gatewayView,
  }),
  view({
    collection: routeTables,
    label: EC2_RESOURCE_TYPES["route-table"].label,
    name: (r) => r.VpcId,
    render: routeTableView,
  }),
  view({
    collection: networkAcls,
    label: EC2_RESOURCE_TYPES["network-acl"].label,
    name: (r) => r.VpcId,
    render: aclView,
  }),
  view({
    collection: addresses,
    label: EC2_RESOURCE_TYPES["elastic-ip"].label,
    name: (r) => r.PublicIp,
    state: (ctx, r) => (activeAssociation(ctx, r) ? "associated" : "unassociated"),
    render: addressView,
  }),
  view({
    collection: vpcs,
    label: EC2_RESOURCE_TYPES.vpc.label,
    name: (r) => r.CidrBlock,
    state: vpcState,
    render: vpcView,
  }),
  view({
    collection: subnets,
    label: EC2_RESOURCE_TYPES.subnet.label,
    name: (r) => `${r.CidrBlock} ${r.AvailabilityZone}`,
    render: describedSubnet,
  }),
  view({
    collection: networkInterfaces,
    label: EC2_RESOURCE_TYPES["network-interface"].label,
    name: (r) => r.Description || r.PrivateIpAddress,
    state: (ctx, r) => (attachmentOf(ctx, r) ? "in-use" : "available"),
    created: (r) => r.createdAt,
    render: networkInterfaceView,
  }),
  view({
    collection: fleets,
    label: EC2_RESOURCE_TYPES.fleet.label,
    name: (r) => r.Type,
    state: fleetState,
    created: (r) => r.createdAt,
    render: fleetView,
  }),
  view({
    collection: spotRequests,
    label: EC2_RESOURCE_TYPES["spot-instances-request"].label,
    name: (r) => r.InstanceId,
    state: (ctx, r) => spotState(ctx, r).state,
    created: (r) => r.createdAt,
    render: requestView,
  }),
];
