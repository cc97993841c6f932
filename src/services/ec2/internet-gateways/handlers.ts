// CreateInternetGateway, AttachInternetGateway, DetachInternetGateway, DeleteInternetGateway and
// DescribeInternetGateways (the API reference page of each; "Internet gateways", VPC_Internet_Gateway.html).
// A gateway attaches to one VPC, and a VPC takes one gateway; it detaches only while no Elastic IP is mapped to
// an instance of the VPC, and is deleted only once detached. An attachment is shown in the state `available`,
// as EC2 shows it (outside the model's AttachmentStatus).
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers, InternetGateway, InternetGatewayAttachment } from "../api.generated";
import { findVpc } from "../network/records";
import { dropTags, putTags, tagList, tagsFor } from "../tags/records";
import { describeIndexed } from "../vpc-defaults/describe";
import { ensureAllVpcDefaults, ensureVpcDefaults } from "../vpc-defaults/records";
import * as err from "../vpc-defaults/errors";
import { mappedAddressIn } from "../addresses/records";
import { findInternetGateway, gatewayOf, internetGateways, type InternetGatewayRecord } from "./records";

const ATTACHED = "available" as InternetGatewayAttachment["State"];

export const gatewayView = (ctx: RequestContext, r: InternetGatewayRecord): InternetGateway => ({
  InternetGatewayId: r.InternetGatewayId,
  OwnerId: ctx.accountId,
  Attachments: r.VpcId ? [{ State: ATTACHED, VpcId: r.VpcId }] : [],
  Tags: tagList(ctx, r.InternetGatewayId) ?? [],
});

export const internetGatewayHandlers: Pick<
  Ec2Handlers,
  "CreateInternetGateway" | "AttachInternetGateway" | "DetachInternetGateway" | "DeleteInternetGateway" | "DescribeInternetGateways"
> = {
  CreateInternetGateway(ctx, input) {
    const tags = tagsFor(input.TagSpecifications, "internet-gateway");
    const gw: InternetGatewayRecord = { InternetGatewayId: hexId("igw") };
    internetGateways.put(ctx, gw);
    if (tags.length) putTags(ctx, gw.InternetGatewayId, "internet-gateway", tags, true);
    return { InternetGateway: gatewayView(ctx, gw) };
  },

  AttachInternetGateway(ctx, input) {
    ensureAllVpcDefaults(ctx);
    const gw = findInternetGateway(ctx, input.InternetGatewayId);
    const vpc = findVpc(ctx, input.VpcId);
    ensureVpcDefaults(ctx, vpc);
    if (gw.VpcId) throw err.alreadyAttached(`resource ${gw.InternetGatewayId} is already attached to network ${gw.VpcId}`);
    const other = gatewayOf(ctx, vpc.VpcId);
    if (other) throw err.alreadyAttached(`Network ${vpc.VpcId} already has an internet gateway attached`);
    internetGateways.put(ctx, { ...gw, VpcId: vpc.VpcId });
    return {};
  },

  DetachInternetGateway(ctx, input) {
    ensureAllVpcDefaults(ctx);
    const gw = findInternetGateway(ctx, input.InternetGatewayId);
    findVpc(ctx, input.VpcId);
    if (gw.VpcId !== input.VpcId) throw err.gatewayNotAttached(gw.InternetGatewayId, input.VpcId);
    if (mappedAddressIn(ctx, input.VpcId)) {
      throw err.dependencyViolation(
        `Network ${input.VpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`,
      );
    }
    internetGateways.put(ctx, { ...gw, VpcId: undefined });
    return {};
  },

  DeleteInternetGateway(ctx, input) {
    ensureAllVpcDefaults(ctx);
    const gw = findInternetGateway(ctx, input.InternetGatewayId);
    if (gw.VpcId) throw err.hasDependencies("internetGateway", gw.InternetGatewayId);
    internetGateways.delete(ctx, gw.InternetGatewayId);
    dropTags(ctx, gw.InternetGatewayId);
    return {};
  },

  DescribeInternetGateways(ctx, input) {
    ensureAllVpcDefaults(ctx);
    const { items, NextToken } = describeIndexed(ctx, {
      collection: internetGateways,
      tagType: "internet-gateway",
      idOf: (r) => r.InternetGatewayId,
      indexed: { "internet-gateway-id": "id", "attachment.vpc-id": "vpc" },
      fields: {
        "internet-gateway-id": (r) => r.InternetGatewayId,
        "attachment.vpc-id": (r) => r.VpcId,
        "attachment.state": (r) => (r.VpcId ? "available" : undefined),
        "owner-id": () => ctx.accountId,
      },
      ids: input.InternetGatewayIds,
      find: (id) => findInternetGateway(ctx, id),
      Filters: input.Filters,
      MaxResults: input.MaxResults,
      NextToken: input.NextToken,
      paging: { min: 5, max: 1000 },
    });
    return { InternetGateways: items.map((r) => gatewayView(ctx, r)), NextToken };
  },
};
