// The members of each AppStream record that reads rely on (checked when a state document is imported).
import { listOf, object, type RecordSchema } from "../../state/record-schema";
import { keyed } from "../../state/keyed-schema";
import { builders } from "./image-builders/records";
import { fleets } from "./fleets/records";
import { directoryConfigs } from "./directory-configs/records";
import { entitlements } from "./entitlements/records";
import { images, imageUses, permissions, sharedWithMe } from "./images/records";
import { fleetsOfStack, stacks, stacksOfFleetIndex } from "./stacks/records";
import { stacksOfUser, users, usersOfStack } from "./users/records";
import { usageReportSubscriptions } from "./usage-reports/handlers";

const reason = object({ Code: "string?", Message: "string?" }, true);
const errors = listOf({ ErrorCode: "string?", ErrorMessage: "string?", ErrorTimestamp: "time?" }, true);
const imageRef = { owner: "string", name: "string", arn: "string" } as const;
const fleetStack = { stack: "string", fleet: "string" } as const;
const userStack = { StackName: "string", UserName: "string", AuthenticationType: "string", SendEmailNotification: "boolean?" } as const;

export const appstreamRecords: Record<string, RecordSchema> = {
  [images.type]: keyed(images, {
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
    createdAt: "time",
    releasedAt: "time?",
    schedule: "schedule",
    tags: "stringMap",
    StateChangeReason: reason,
    ImageErrors: errors,
    // Imported from an AMI (imported-images/handlers.ts).
    SourceAmiId: "string?",
    SourceAmiOwner: "string?",
    IamRoleArn: "string?",
  }),
  [permissions.type]: { account: "string", permissions: object({ allowFleet: "boolean?", allowImageBuilder: "boolean?" }) },
  [sharedWithMe.type]: keyed(sharedWithMe, { owner: "string", name: "string" }),
  [builders.type]: keyed(builders, {
    attrs: "object",
    Name: "string",
    Arn: "string",
    ImageArn: "string",
    image: object(imageRef),
    Platform: "string",
    families: "strings?",
    releasedAt: "time?",
    createdAt: "time",
    schedule: "schedule",
    tags: "stringMap",
    StateChangeReason: reason,
    ImageBuilderErrors: errors,
  }),
  [fleets.type]: keyed(fleets, {
    attrs: "object",
    Name: "string",
    Arn: "string",
    image: object(imageRef, true),
    desired: object({ instances: "count?", sessions: "count?" }),
    createdAt: "time",
    schedule: "schedule",
    tags: "stringMap",
    ramp: object({ from: "count", at: "time", stepMs: "count" }, true),
  }),
  [directoryConfigs.type]: keyed(directoryConfigs, {
    DirectoryName: "string",
    OrganizationalUnitDistinguishedNames: "strings",
    AccountName: "string?",
    CertificateBasedAuthProperties: "object?",
    createdAt: "time",
  }),
  [entitlements.type]: keyed(entitlements, {
    Name: "string",
    StackName: "string",
    Description: "string?",
    AppVisibility: "string",
    Attributes: listOf({ Name: "string", Value: "string" }),
    createdAt: "time",
    modifiedAt: "time",
  }),
  [imageUses.type]: { kind: "string", account: "string", resource: "string" },
  [stacks.type]: keyed(stacks, { attrs: "object", Name: "string", Arn: "string", createdAt: "time", tags: "stringMap" }),
  [fleetsOfStack.type]: keyed(fleetsOfStack, fleetStack),
  [stacksOfFleetIndex.type]: keyed(stacksOfFleetIndex, fleetStack),
  [users.type]: keyed(users, {
    UserName: "string",
    AuthenticationType: "string",
    Arn: "string",
    FirstName: "string?",
    LastName: "string?",
    Enabled: "boolean",
    createdAt: "time",
  }),
  [usersOfStack.type]: keyed(usersOfStack, userStack),
  [stacksOfUser.type]: keyed(stacksOfUser, userStack),
  [usageReportSubscriptions.type]: keyed(usageReportSubscriptions, { S3BucketName: "string", createdAt: "time" }),
};
