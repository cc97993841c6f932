// How the AppStream user pool is kept: one record per user, keyed (authentication type, user name), and each
// user ↔ stack assignment as two index records, one per direction (a stack's users, a user's stacks).
import { collection, type Scope } from "../../../state/collection";
import { schema, typed, type RecordOf } from "../../../state/record-schema";
import type { AuthenticationType } from "../api.generated";

const userSchema = schema({
  UserName: "string",
  AuthenticationType: typed<AuthenticationType>("string"),
  Arn: "string",
  FirstName: "string?",
  LastName: "string?",
  Enabled: "boolean",
  createdAt: "time",
  /** When the user first signed in (a session of theirs became ACTIVE, streaming/sessions.ts): CONFIRMED from then on. */
  confirmedAt: "time?",
});
export type UserRecord = RecordOf<typeof userSchema>;

export const users = collection<UserRecord, [auth: string, user: string]>({
  type: "appstream.user",
  schema: userSchema,
  key: (r) => [r.AuthenticationType, r.UserName],
});

const userStackSchema = schema({
  StackName: "string",
  UserName: "string",
  AuthenticationType: typed<AuthenticationType>("string"),
  SendEmailNotification: "boolean?",
});
export type UserStackRecord = RecordOf<typeof userStackSchema>;

/** Keyed (stack, authentication type, user). */
export const usersOfStack = collection<UserStackRecord, [stack: string, auth: string, user: string]>({
  type: "appstream.stack-user",
  schema: userStackSchema,
  key: (r) => [r.StackName, r.AuthenticationType, r.UserName],
});

/** Keyed (authentication type, user, stack). */
export const stacksOfUser = collection<UserStackRecord, [auth: string, user: string, stack: string]>({
  type: "appstream.user-stack",
  schema: userStackSchema,
  key: (r) => [r.AuthenticationType, r.UserName, r.StackName],
});

export function putUserStack(s: Scope, r: UserStackRecord): void {
  usersOfStack.put(s, r);
  stacksOfUser.put(s, r);
}

export function deleteUserStack(s: Scope, r: UserStackRecord): void {
  usersOfStack.delete(s, [r.StackName, r.AuthenticationType, r.UserName]);
  stacksOfUser.delete(s, [r.AuthenticationType, r.UserName, r.StackName]);
}
