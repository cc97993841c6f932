// Generated from models/rbin.json by scripts/generate-types.js. Do not edit.
/* eslint-disable */
import type { RequestContext } from "../../gateway/context";

export interface ConflictException {
  Message?: string;
  Reason?: ConflictExceptionReason;
}
export type ConflictExceptionReason = "INVALID_RULE_STATE";
export interface CreateRuleRequest {
  Description?: string;
  ExcludeResourceTags?: ExcludeResourceTags;
  LockConfiguration?: LockConfiguration;
  ResourceTags?: ResourceTags;
  ResourceType: ResourceType;
  RetentionPeriod: RetentionPeriod;
  Tags?: TagList;
}
export interface CreateRuleResponse {
  Description?: string;
  ExcludeResourceTags?: ExcludeResourceTags;
  Identifier?: string;
  LockConfiguration?: LockConfiguration;
  LockState?: LockState;
  ResourceTags?: ResourceTags;
  ResourceType?: ResourceType;
  RetentionPeriod?: RetentionPeriod;
  RuleArn?: string;
  Status?: RuleStatus;
  Tags?: TagList;
}
export interface DeleteRuleRequest {
  Identifier: string;
}
export interface DeleteRuleResponse {
}
export type ExcludeResourceTags = ResourceTag[];
export interface GetRuleRequest {
  Identifier: string;
}
export interface GetRuleResponse {
  Description?: string;
  ExcludeResourceTags?: ExcludeResourceTags;
  Identifier?: string;
  LockConfiguration?: LockConfiguration;
  LockEndTime?: Date;
  LockState?: LockState;
  ResourceTags?: ResourceTags;
  ResourceType?: ResourceType;
  RetentionPeriod?: RetentionPeriod;
  RuleArn?: string;
  Status?: RuleStatus;
}
export interface InternalServerException {
  Message?: string;
}
export interface ListRulesRequest {
  ExcludeResourceTags?: ExcludeResourceTags;
  LockState?: LockState;
  MaxResults?: number;
  NextToken?: string;
  ResourceTags?: ResourceTags;
  ResourceType: ResourceType;
}
export interface ListRulesResponse {
  NextToken?: string;
  Rules?: RuleSummaryList;
}
export interface ListTagsForResourceRequest {
  ResourceArn: string;
}
export interface ListTagsForResourceResponse {
  Tags?: TagList;
}
export interface LockConfiguration {
  UnlockDelay: UnlockDelay;
}
export interface LockRuleRequest {
  Identifier: string;
  LockConfiguration: LockConfiguration;
}
export interface LockRuleResponse {
  Description?: string;
  ExcludeResourceTags?: ExcludeResourceTags;
  Identifier?: string;
  LockConfiguration?: LockConfiguration;
  LockState?: LockState;
  ResourceTags?: ResourceTags;
  ResourceType?: ResourceType;
  RetentionPeriod?: RetentionPeriod;
  RuleArn?: string;
  Status?: RuleStatus;
}
export type LockState = "locked" | "pending_unlock" | "unlocked";
export interface ResourceNotFoundException {
  Message?: string;
  Reason?: ResourceNotFoundExceptionReason;
}
export type ResourceNotFoundExceptionReason = "RULE_NOT_FOUND";
export interface ResourceTag {
  ResourceTagKey: string;
  ResourceTagValue?: string;
}
export type ResourceTags = ResourceTag[];
export type ResourceType = "EBS_SNAPSHOT" | "EC2_IMAGE" | "EBS_VOLUME";
export interface RetentionPeriod {
  RetentionPeriodUnit: RetentionPeriodUnit;
  RetentionPeriodValue: number;
}
export type RetentionPeriodUnit = "DAYS";
export type RuleStatus = "pending" | "available";
export interface RuleSummary {
  Description?: string;
  Identifier?: string;
  LockState?: LockState;
  RetentionPeriod?: RetentionPeriod;
  RuleArn?: string;
}
export type RuleSummaryList = RuleSummary[];
export interface ServiceQuotaExceededException {
  Message?: string;
  Reason?: ServiceQuotaExceededExceptionReason;
}
export type ServiceQuotaExceededExceptionReason = "SERVICE_QUOTA_EXCEEDED";
export interface Tag {
  Key: string;
  Value: string;
}
export type TagKeyList = string[];
export type TagList = Tag[];
export interface TagResourceRequest {
  ResourceArn: string;
  Tags: TagList;
}
export interface TagResourceResponse {
}
export interface UnlockDelay {
  UnlockDelayUnit: UnlockDelayUnit;
  UnlockDelayValue: number;
}
export type UnlockDelayUnit = "DAYS";
export interface UnlockRuleRequest {
  Identifier: string;
}
export interface UnlockRuleResponse {
  Description?: string;
  ExcludeResourceTags?: ExcludeResourceTags;
  Identifier?: string;
  LockConfiguration?: LockConfiguration;
  LockEndTime?: Date;
  LockState?: LockState;
  ResourceTags?: ResourceTags;
  ResourceType?: ResourceType;
  RetentionPeriod?: RetentionPeriod;
  RuleArn?: string;
  Status?: RuleStatus;
}
export interface UntagResourceRequest {
  ResourceArn: string;
  TagKeys: TagKeyList;
}
export interface UntagResourceResponse {
}
export interface UpdateRuleRequest {
  Description?: string;
  ExcludeResourceTags?: ExcludeResourceTags;
  Identifier: string;
  ResourceTags?: ResourceTags;
  ResourceType?: ResourceType;
  RetentionPeriod?: RetentionPeriod;
}
export interface UpdateRuleResponse {
  Description?: string;
  ExcludeResourceTags?: ExcludeResourceTags;
  Identifier?: string;
  LockEndTime?: Date;
  LockState?: LockState;
  ResourceTags?: ResourceTags;
  ResourceType?: ResourceType;
  RetentionPeriod?: RetentionPeriod;
  RuleArn?: string;
  Status?: RuleStatus;
}
export interface ValidationException {
  Message?: string;
  Reason?: ValidationExceptionReason;
}
export type ValidationExceptionReason = "INVALID_PAGE_TOKEN" | "INVALID_PARAMETER_VALUE";

/** The operations imagelite serves for rbin: each handler gets the parsed, validated input. */
export interface RbinHandlers {
  CreateRule(ctx: RequestContext, input: CreateRuleRequest): CreateRuleResponse;
  DeleteRule(ctx: RequestContext, input: DeleteRuleRequest): DeleteRuleResponse;
  GetRule(ctx: RequestContext, input: GetRuleRequest): GetRuleResponse;
  ListRules(ctx: RequestContext, input: ListRulesRequest): ListRulesResponse;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceRequest): ListTagsForResourceResponse;
  LockRule(ctx: RequestContext, input: LockRuleRequest): LockRuleResponse;
  TagResource(ctx: RequestContext, input: TagResourceRequest): TagResourceResponse;
  UnlockRule(ctx: RequestContext, input: UnlockRuleRequest): UnlockRuleResponse;
  UntagResource(ctx: RequestContext, input: UntagResourceRequest): UntagResourceResponse;
  UpdateRule(ctx: RequestContext, input: UpdateRuleRequest): UpdateRuleResponse;
}
