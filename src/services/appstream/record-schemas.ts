// The members of each AppStream record that reads rely on (checked when a state document is imported).
import { listOf, object, type RecordSchema } from "../../state/record-schema";
import { builders } from "./builder-records";
import { fleets } from "./fleet-records";
import { directoryConfigs } from "./directory-config-records";
import { entitlements } from "./entitlement-records";
import { images, imageUses, permissions, sharedWithMe } from "./image-records";
import { fleetsOfStack, stacks, stacksOfFleetIndex } from "./stack-records";
import { stacksOfUser, users, usersOfStack } from "./user-records";
import { usageReportSubscriptions } from "./usage-report-subscriptions";

const reason = object({ Code: "string?", Message: "string?" }, true);
const errors = listOf({ ErrorCode: "string?", ErrorMessage: "string?", ErrorTimestamp: "number?" }, true);
const imageRef = { owner: "string", name: "string", arn: "string" } as const;
const fleetStack = { stack: "string", fleet: "string" } as const;
const userStack = { StackName: "string", UserName: "string", AuthenticationType: "string", SendEmailNotification: "boolean?" } as const;

export const appstreamRecords: Record<string, RecordSchema> = {
  [images.type]: {
    Name: "string",
    Arn: "string",
    owner: "string",
    region: "string",
    BaseImageArn: "string?",
    DisplayName: "string?",
    Description: "string?",
    Platform: "string",
    SupportedInstanceFamilies: "strings?",
    AppstreamAgentVersion: "string?",
    ImageBuilderName: "string?",
    ImageType: "string?",
    createdAt: "number",
    releasedAt: "number?",
    schedule: "schedule",
    tags: "stringMap",
    StateChangeReason: reason,
    ImageErrors: errors,
    // Imported from an AMI (imported-images.ts).
    SourceAmiId: "string?",
    SourceAmiOwner: "string?",
    IamRoleArn: "string?",
  },
  [permissions.type]: { account: "string", permissions: object({ allowFleet: "boolean?", allowImageBuilder: "boolean?" }) },
  [sharedWithMe.type]: { owner: "string", name: "string" },
  [builders.type]: {
    attrs: "object",
    Name: "string",
    Arn: "string",
    ImageArn: "string",
    image: object(imageRef),
    Platform: "string",
    families: "strings?",
    releasedAt: "number?",
    createdAt: "number",
    schedule: "schedule",
    tags: "stringMap",
    StateChangeReason: reason,
    ImageBuilderErrors: errors,
  },
  [fleets.type]: {
    attrs: "object",
    Name: "string",
    Arn: "string",
    image: object(imageRef, true),
    desired: object({ instances: "number?", sessions: "number?" }),
    createdAt: "number",
    schedule: "schedule",
    tags: "stringMap",
    ramp: object({ from: "number", at: "number", stepMs: "number" }, true),
  },
  [directoryConfigs.type]: {
    DirectoryName: "string",
    OrganizationalUnitDistinguishedNames: "strings",
    AccountName: "string?",
    CertificateBasedAuthProperties: "object?",
    createdAt: "number",
  },
  [entitlements.type]: {
    Name: "string",
    StackName: "string",
    Description: "string?",
    AppVisibility: "string",
    Attributes: listOf({ Name: "string", Value: "string" }),
    createdAt: "number",
    modifiedAt: "number",
  },
  [imageUses.type]: { kind: "string", account: "string", resource: "string" },
  [stacks.type]: { attrs: "object", Name: "string", Arn: "string", createdAt: "number", tags: "stringMap" },
  [fleetsOfStack.type]: fleetStack,
  [stacksOfFleetIndex.type]: fleetStack,
  [users.type]: {
    UserName: "string",
    AuthenticationType: "string",
    Arn: "string",
    FirstName: "string?",
    LastName: "string?",
    Enabled: "boolean",
    createdAt: "number",
  },
  [usersOfStack.type]: userStack,
  [stacksOfUser.type]: userStack,
  [usageReportSubscriptions.type]: { S3BucketName: "string", createdAt: "number" },
};
