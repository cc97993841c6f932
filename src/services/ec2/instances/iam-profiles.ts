// IAM instance profiles on instances ("IAM roles for Amazon EC2", iam-roles-for-amazon-ec2.html, and the API
// references of AssociateIamInstanceProfile, DescribeIamInstanceProfileAssociations,
// DisassociateIamInstanceProfile and ReplaceIamInstanceProfileAssociation). imagelite has no IAM service: a profile
// named by a well-formed name or ARN is taken as it is, its ARN built as arn:<partition>:iam::<account>:instance-profile/<name>
// and its AIPA… id drawn from the ARN. An instance has at most one association (IncorrectState otherwise); it
// is answered "associating" (or "disassociating") and reads back "associated" (or gone), as EC2 settles it.
import { createHash } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { echo } from "../../../errors/echo";
import { hexId } from "../../../util/ids";
import type {
  DescribeIamInstanceProfileAssociationsResult,
  Ec2Handlers,
  IamInstanceProfile,
  IamInstanceProfileAssociation,
  IamInstanceProfileAssociationState,
  IamInstanceProfileSpecification,
} from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { nextToken, pageLimit, startAfter } from "../paging";
import { findInstance, instances, instanceState, saveInstance, type InstanceRecord } from "./records";
import { arn, inPartitionOf } from "../../../util/arn";

/** IAM's rules for a profile name ([\w+=,.@-], 1-128) and for an instance profile ARN with an optional path. */
const NAME = /^[\w+=,.@-]{1,128}$/;
const ARN = /^arn:(?:aws|aws-cn|aws-us-gov):iam::\d{12}:instance-profile\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]{1,128}$/;

const invalidProfile = (what: string, value: string) =>
  err.invalidValue(`Value (${echo(value)}) for parameter iamInstanceProfile.${what} is invalid. Invalid IAM Instance Profile ${what}`);

/** An instance profile as given (Arn or Name), with a stable AIPA… id derived from its ARN. */
export function instanceProfile(ctx: RequestContext, spec: IamInstanceProfileSpecification | undefined): IamInstanceProfile | undefined {
  if (!spec || (!spec.Arn && !spec.Name)) return undefined;
  // An ARN of another partition names no profile EC2 can use here, and is refused as a malformed one is.
  if (spec.Arn !== undefined && (!ARN.test(spec.Arn) || !inPartitionOf(spec.Arn, ctx.region))) throw invalidProfile("arn", spec.Arn);
  if (spec.Name !== undefined && !NAME.test(spec.Name)) throw invalidProfile("name", spec.Name);
  if (spec.Arn && spec.Name && !spec.Arn.endsWith(`/${spec.Name}`)) {
    throw err.invalidCombination("The instance profile name and ARN given name different instance profiles.");
  }
  const Arn = spec.Arn ?? arn("iam", ctx.region, ctx.accountId, `instance-profile/${spec.Name}`);
  const digest = createHash("sha256")
    .update(Arn)
    .digest("base64")
    .replace(/[^A-Za-z0-9]/g, "");
  return { Arn, Id: `AIPA${digest.slice(0, 17).toUpperCase()}` };
}

const ASSOCIATION_ID = /^iip-assoc-([0-9a-f]{8}|[0-9a-f]{17})$/;

const associationNotFound = (id: string) =>
  new ServiceError("InvalidAssociationID.NotFound", `An association with ID '${echo(id)}' does not exist.`);

function view(r: InstanceRecord, State: IamInstanceProfileAssociationState = "associated"): IamInstanceProfileAssociation {
  return {
    AssociationId: r.iamAssociation!.AssociationId,
    InstanceId: r.InstanceId,
    IamInstanceProfile: r.IamInstanceProfile,
    State,
    Timestamp: new Date(r.iamAssociation!.at),
  };
}

/** The instance whose profile association has this id. */
function byAssociation(ctx: RequestContext, id: string): InstanceRecord {
  if (!ASSOCIATION_ID.test(id)) throw associationNotFound(id);
  const r = instances.find(ctx, "association", id);
  if (!r || !r.iamAssociation || instanceState(ctx, r) === "terminated") throw associationNotFound(id);
  return r;
}

function requireProfile(ctx: RequestContext, spec: IamInstanceProfileSpecification): IamInstanceProfile {
  const profile = instanceProfile(ctx, spec);
  if (!profile) throw err.missingParameter("IamInstanceProfile");
  return profile;
}

export const iamProfileHandlers: Pick<
  Ec2Handlers,
  | "AssociateIamInstanceProfile"
  | "DescribeIamInstanceProfileAssociations"
  | "DisassociateIamInstanceProfile"
  | "ReplaceIamInstanceProfileAssociation"
> = {
  AssociateIamInstanceProfile(ctx, input) {
    const r = findInstance(ctx, input.InstanceId);
    const profile = requireProfile(ctx, input.IamInstanceProfile);
    const state = instanceState(ctx, r);
    if (state !== "running" && state !== "stopped" && state !== "pending" && state !== "stopping") {
      throw err.incorrectInstanceState(`The instance '${r.InstanceId}' is not in a valid state for this operation.`);
    }
    if (r.iamAssociation) {
      throw new ServiceError("IncorrectState", `There is an existing association for instance ${r.InstanceId}`);
    }
    r.IamInstanceProfile = profile;
    r.iamAssociation = { AssociationId: hexId("iip-assoc"), at: ctx.now };
    saveInstance(ctx, r);
    return { IamInstanceProfileAssociation: view(r, "associating") };
  },

  DescribeIamInstanceProfileAssociations(ctx, input): DescribeIamInstanceProfileAssociationsResult {
    const ids = input.AssociationIds ?? [];
    if (ids.length && input.MaxResults !== undefined) {
      throw err.invalidCombination("The parameter associationIds cannot be used with the parameter maxResults");
    }
    const matches = compileFilters<InstanceRecord>(input.Filters, {
      fields: { "instance-id": (r) => r.InstanceId, state: () => "associated" },
    });
    if (ids.length) {
      return {
        IamInstanceProfileAssociations: [...new Set(ids)]
          .map((id) => byAssociation(ctx, id))
          .filter(matches)
          .map((r) => view(r)),
      };
    }
    const associated = (r: InstanceRecord) => !!r.iamAssociation && instanceState(ctx, r) !== "terminated" && matches(r);
    // An instance id filter reads those instances alone.
    const named = input.Filters?.find((f) => f.Name === "instance-id")?.Values;
    if (named?.length && input.MaxResults === undefined && !input.NextToken) {
      const found = [...new Set(named)].flatMap((id) => {
        const r = instances.get(ctx, id);
        return r ? [r] : [];
      });
      return { IamInstanceProfileAssociations: found.filter(associated).map((r) => view(r)) };
    }
    const page = instances.page(ctx, {
      after: startAfter(ctx, input.NextToken),
      limit: pageLimit(input.MaxResults, 5, 1000),
      filter: associated,
    });
    return {
      IamInstanceProfileAssociations: page.items.map((e) => view(e.value)),
      NextToken: page.next ? nextToken(ctx, page.next) : undefined,
    };
  },

  DisassociateIamInstanceProfile(ctx, { AssociationId }) {
    const r = byAssociation(ctx, AssociationId);
    const out = view(r, "disassociating");
    r.iamAssociation = undefined;
    r.IamInstanceProfile = undefined;
    saveInstance(ctx, r);
    return { IamInstanceProfileAssociation: out };
  },

  ReplaceIamInstanceProfileAssociation(ctx, input) {
    const r = byAssociation(ctx, input.AssociationId);
    r.IamInstanceProfile = requireProfile(ctx, input.IamInstanceProfile);
    r.iamAssociation = { AssociationId: hexId("iip-assoc"), at: ctx.now };
    saveInstance(ctx, r);
    return { IamInstanceProfileAssociation: view(r, "associating") };
  },
};
