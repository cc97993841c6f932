// The user pool (CreateUser, DescribeUsers, EnableUser, DisableUser, DeleteUser) and users' stack assignments
// (BatchAssociateUserStack, BatchDisassociateUserStack, DescribeUserStackAssociations), as the AppStream API
// reference describes them. Only USERPOOL users live in the pool ("You must specify USERPOOL"). A new user is
// invited by email and has not signed in, so its Status is UNCONFIRMED ("The user is created but not
// confirmed", API reference, User) until it signs in: here, once a session for its name is ACTIVE
// (streaming/sessions.ts), when it is CONFIRMED.
import type { RequestContext } from "../../../gateway/context";
import { arn } from "../../../util/arn";
import type { AppStreamHandlers, AuthenticationType, User, UserStackAssociation, UserStackAssociationError } from "../api.generated";
import * as err from "../errors";
import { checkQuota } from "../quotas";
import { collectionPage, pageSize } from "../paging";
import { getFleet } from "../fleets/handlers";
import { fleetsOfStack, stacks } from "../stacks/records";
import { deleteUserStack, putUserStack, stacksOfUser, users, usersOfStack, type UserRecord, type UserStackRecord } from "./records";

// Something@domain.tld: user pool names are email addresses (CreateUser: "The email address of the user").
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function requireUserPool(auth: AuthenticationType, operation: string): void {
  if (auth !== "USERPOOL") throw err.invalidCombination(`${operation} supports only the USERPOOL authentication type.`);
}

const userArn = (ctx: RequestContext, name: string) => arn("appstream", ctx.region, ctx.accountId, `user/userpool/${name}`);

function mustGetUser(ctx: RequestContext, name: string, auth: AuthenticationType): UserRecord {
  const rec = users.get(ctx, [auth, name]);
  if (!rec) throw err.notFound(`User ${name} does not exist.`);
  return rec;
}

export const userView = (ctx: RequestContext, r: UserRecord): User => ({
  Arn: r.Arn,
  UserName: r.UserName,
  Enabled: r.Enabled,
  Status: r.confirmedAt !== undefined && r.confirmedAt <= ctx.now ? "CONFIRMED" : "UNCONFIRMED",
  FirstName: r.FirstName,
  LastName: r.LastName,
  CreatedTime: new Date(r.createdAt),
  AuthenticationType: r.AuthenticationType,
});

/** An association as stored and as answered: SendEmailNotification only when it was given. */
const association = (r: UserStackAssociation): UserStackRecord => ({
  StackName: r.StackName,
  UserName: r.UserName,
  AuthenticationType: r.AuthenticationType,
  ...(r.SendEmailNotification !== undefined ? { SendEmailNotification: r.SendEmailNotification } : {}),
});

/** Why an entry of a batch cannot apply, in the service's per-entry shape; undefined when it can. */
function entryError(ctx: RequestContext, a: UserStackAssociation): UserStackAssociationError | undefined {
  if (!stacks.get(ctx, a.StackName)) {
    return { UserStackAssociation: a, ErrorCode: "STACK_NOT_FOUND", ErrorMessage: `Stack ${a.StackName} does not exist.` };
  }
  if (!users.get(ctx, [a.AuthenticationType, a.UserName])) {
    return { UserStackAssociation: a, ErrorCode: "USER_NAME_NOT_FOUND", ErrorMessage: `User ${a.UserName} does not exist.` };
  }
  return undefined;
}

/**
 * "Users in a user pool cannot be assigned to stacks with fleets that are joined to an Active Directory
 * domain" (API reference, BatchAssociateUserStack).
 */
function checkNotDomainJoined(ctx: RequestContext, list: UserStackAssociation[]): void {
  for (const a of list) {
    if (a.AuthenticationType !== "USERPOOL") continue;
    const assoc = fleetsOfStack.first(ctx, { within: [a.StackName] });
    const fleet = assoc && getFleet(ctx, assoc.fleet);
    if (fleet?.attrs.DomainJoinInfo) {
      throw err.notPermitted(
        `User pool users cannot be assigned to stack ${a.StackName}: its fleet ${fleet.Name} is joined to an Active Directory domain.`,
      );
    }
  }
}

function checkBatch(list: UserStackAssociation[]): void {
  const seen = new Set<string>();
  for (const a of list) {
    const key = `${a.StackName} ${a.AuthenticationType} ${a.UserName}`;
    if (seen.has(key)) throw err.invalidCombination(`The association of ${a.UserName} with stack ${a.StackName} is listed more than once.`);
    seen.add(key);
  }
}

export const userHandlers: Pick<
  AppStreamHandlers,
  | "CreateUser"
  | "DescribeUsers"
  | "EnableUser"
  | "DisableUser"
  | "DeleteUser"
  | "BatchAssociateUserStack"
  | "BatchDisassociateUserStack"
  | "DescribeUserStackAssociations"
> = {
  CreateUser(ctx, input) {
    requireUserPool(input.AuthenticationType, "CreateUser");
    if (!EMAIL.test(input.UserName)) throw err.invalidCombination(`The user name ${input.UserName} is not a valid email address.`);
    const existing = users.get(ctx, [input.AuthenticationType, input.UserName]);
    // RESEND sends the welcome email again to a user that exists, for when its temporary password (valid 7 days)
    // ran out before the user set one; the call names the user only: "If you specify RESEND, do not specify the
    // first name or last name of the user" (API reference, CreateUser, MessageAction).
    if (input.MessageAction === "RESEND") {
      if (input.FirstName !== undefined || input.LastName !== undefined) {
        throw err.invalidCombination("Do not specify FirstName or LastName when MessageAction is RESEND.");
      }
      if (!existing) throw err.notPermitted(`User ${input.UserName} does not exist: RESEND applies to an existing user.`);
      return {};
    }
    if (existing) throw err.alreadyExists(`User ${input.UserName} already exists.`);
    checkQuota(ctx, "users");
    users.put(ctx, {
      UserName: input.UserName,
      AuthenticationType: input.AuthenticationType,
      Arn: userArn(ctx, input.UserName),
      FirstName: input.FirstName,
      LastName: input.LastName,
      Enabled: true,
      createdAt: ctx.now,
    });
    return {};
  },

  DescribeUsers(ctx, input) {
    requireUserPool(input.AuthenticationType, "DescribeUsers");
    const page = collectionPage(
      users,
      ctx,
      { within: [input.AuthenticationType], limit: pageSize(input.MaxResults, 50) },
      `DescribeUsers ${input.AuthenticationType}`,
      input.NextToken,
    );
    return { Users: page.items.map((u) => userView(ctx, u)), NextToken: page.nextToken };
  },

  EnableUser(ctx, { UserName, AuthenticationType }) {
    const rec = mustGetUser(ctx, UserName, AuthenticationType);
    rec.Enabled = true;
    users.put(ctx, rec);
    return {};
  },

  DisableUser(ctx, { UserName, AuthenticationType }) {
    const rec = mustGetUser(ctx, UserName, AuthenticationType);
    rec.Enabled = false;
    users.put(ctx, rec);
    return {};
  },

  DeleteUser(ctx, { UserName, AuthenticationType }) {
    mustGetUser(ctx, UserName, AuthenticationType);
    for (const a of [...stacksOfUser.scan(ctx, { within: [AuthenticationType, UserName] })]) deleteUserStack(ctx, a);
    users.delete(ctx, [AuthenticationType, UserName]);
    return {};
  },

  BatchAssociateUserStack(ctx, { UserStackAssociations }) {
    checkBatch(UserStackAssociations);
    checkNotDomainJoined(ctx, UserStackAssociations);
    const errors: UserStackAssociationError[] = [];
    for (const a of UserStackAssociations) {
      const e = entryError(ctx, a);
      if (e) errors.push(e);
      else putUserStack(ctx, association(a));
    }
    return { errors };
  },

  BatchDisassociateUserStack(ctx, { UserStackAssociations }) {
    checkBatch(UserStackAssociations);
    const errors: UserStackAssociationError[] = [];
    for (const a of UserStackAssociations) {
      const e = entryError(ctx, a);
      if (e) errors.push(e);
      else deleteUserStack(ctx, a);
    }
    return { errors };
  },

  DescribeUserStackAssociations(ctx, input) {
    const { StackName, UserName, AuthenticationType } = input;
    if (!StackName && !UserName) throw err.invalidCombination("Specify a stack name, or a user name and its authentication type.");
    if (UserName && !AuthenticationType) throw err.invalidCombination("The authentication type is required with a user name.");
    if (AuthenticationType && !UserName && !StackName)
      throw err.invalidCombination("The user name is required with an authentication type.");
    const limit = pageSize(input.MaxResults, 25);
    if (StackName && UserName) {
      const one = usersOfStack.get(ctx, [StackName, AuthenticationType!, UserName]);
      return { UserStackAssociations: one ? [association(one)] : [] };
    }
    const page = StackName
      ? collectionPage(
          usersOfStack,
          ctx,
          { within: AuthenticationType ? [StackName, AuthenticationType] : [StackName], limit },
          `DescribeUserStackAssociations stack ${StackName} ${AuthenticationType ?? ""}`,
          input.NextToken,
        )
      : collectionPage(
          stacksOfUser,
          ctx,
          { within: [AuthenticationType!, UserName!], limit },
          `DescribeUserStackAssociations user ${AuthenticationType} ${UserName}`,
          input.NextToken,
        );
    return { UserStackAssociations: page.items.map(association), NextToken: page.nextToken };
  },
};
