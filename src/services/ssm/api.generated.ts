// Generated from models/ssm.json by scripts/generate-types.js. Do not edit.
/* eslint-disable */
import type { RequestContext } from "../../gateway/context";

export interface AddTagsToResourceRequest {
  ResourceId: string;
  ResourceType: ResourceTypeForTagging;
  Tags: TagList;
}
export interface AddTagsToResourceResult {
}
export interface DeleteParameterRequest {
  Name: string;
}
export interface DeleteParameterResult {
}
export interface DeleteParametersRequest {
  Names: ParameterNameList;
}
export interface DeleteParametersResult {
  DeletedParameters?: ParameterNameList;
  InvalidParameters?: ParameterNameList;
}
export interface DeleteResourcePolicyRequest {
  PolicyHash: string;
  PolicyId: string;
  ResourceArn: string;
}
export interface DeleteResourcePolicyResponse {
}
export interface DescribeParametersRequest {
  Filters?: ParametersFilterList;
  MaxResults?: number;
  NextToken?: string;
  ParameterFilters?: ParameterStringFilterList;
  Shared?: boolean;
}
export interface DescribeParametersResult {
  NextToken?: string;
  Parameters?: ParameterMetadataList;
}
export interface GetParameterHistoryRequest {
  MaxResults?: number;
  Name: string;
  NextToken?: string;
  WithDecryption?: boolean;
}
export interface GetParameterHistoryResult {
  NextToken?: string;
  Parameters?: ParameterHistoryList;
}
export interface GetParameterRequest {
  Name: string;
  WithDecryption?: boolean;
}
export interface GetParameterResult {
  Parameter?: Parameter;
}
export interface GetParametersByPathRequest {
  MaxResults?: number;
  NextToken?: string;
  ParameterFilters?: ParameterStringFilterList;
  Path: string;
  Recursive?: boolean;
  WithDecryption?: boolean;
}
export interface GetParametersByPathResult {
  NextToken?: string;
  Parameters?: ParameterList;
}
export interface GetParametersRequest {
  Names: ParameterNameList;
  WithDecryption?: boolean;
}
export interface GetParametersResult {
  InvalidParameters?: ParameterNameList;
  Parameters?: ParameterList;
}
export interface GetResourcePoliciesRequest {
  MaxResults?: number;
  NextToken?: string;
  ResourceArn: string;
}
export interface GetResourcePoliciesResponse {
  NextToken?: string;
  Policies?: GetResourcePoliciesResponseEntries;
}
export type GetResourcePoliciesResponseEntries = GetResourcePoliciesResponseEntry[];
export interface GetResourcePoliciesResponseEntry {
  Policy?: string;
  PolicyHash?: string;
  PolicyId?: string;
}
export interface HierarchyLevelLimitExceededException {
  message?: string;
}
export interface HierarchyTypeMismatchException {
  message?: string;
}
export interface IncompatiblePolicyException {
  message?: string;
}
export interface InternalServerError {
  Message?: string;
}
export interface InvalidAllowedPatternException {
  message?: string;
}
export interface InvalidFilterKey {
}
export interface InvalidFilterOption {
  message?: string;
}
export interface InvalidFilterValue {
  Message?: string;
}
export interface InvalidKeyId {
  message?: string;
}
export interface InvalidNextToken {
  Message?: string;
}
export interface InvalidPolicyAttributeException {
  message?: string;
}
export interface InvalidPolicyTypeException {
  message?: string;
}
export interface InvalidResourceId {
}
export interface InvalidResourceType {
}
export type KeyList = string[];
export interface LabelParameterVersionRequest {
  Labels: ParameterLabelList;
  Name: string;
  ParameterVersion?: number;
}
export interface LabelParameterVersionResult {
  InvalidLabels?: ParameterLabelList;
  ParameterVersion?: number;
}
export interface ListTagsForResourceRequest {
  ResourceId: string;
  ResourceType: ResourceTypeForTagging;
}
export interface ListTagsForResourceResult {
  TagList?: TagList;
}
export interface MalformedResourcePolicyDocumentException {
  Message?: string;
}
export interface Parameter {
  ARN?: string;
  DataType?: string;
  LastModifiedDate?: Date;
  Name?: string;
  Selector?: string;
  SourceResult?: string;
  Type?: ParameterType;
  Value?: string;
  Version?: number;
}
export interface ParameterAlreadyExists {
  message?: string;
}
export interface ParameterHistory {
  AllowedPattern?: string;
  DataType?: string;
  Description?: string;
  KeyId?: string;
  Labels?: ParameterLabelList;
  LastModifiedDate?: Date;
  LastModifiedUser?: string;
  Name?: string;
  Policies?: ParameterPolicyList;
  Tier?: ParameterTier;
  Type?: ParameterType;
  Value?: string;
  Version?: number;
}
export type ParameterHistoryList = ParameterHistory[];
export interface ParameterInlinePolicy {
  PolicyStatus?: string;
  PolicyText?: string;
  PolicyType?: string;
}
export type ParameterLabelList = string[];
export interface ParameterLimitExceeded {
  message?: string;
}
export type ParameterList = Parameter[];
export interface ParameterMaxVersionLimitExceeded {
  message?: string;
}
export interface ParameterMetadata {
  ARN?: string;
  AllowedPattern?: string;
  DataType?: string;
  Description?: string;
  KeyId?: string;
  LastModifiedDate?: Date;
  LastModifiedUser?: string;
  Name?: string;
  Policies?: ParameterPolicyList;
  Tier?: ParameterTier;
  Type?: ParameterType;
  Version?: number;
}
export type ParameterMetadataList = ParameterMetadata[];
export type ParameterNameList = string[];
export interface ParameterNotFound {
  message?: string;
}
export interface ParameterPatternMismatchException {
  message?: string;
}
export type ParameterPolicyList = ParameterInlinePolicy[];
export interface ParameterStringFilter {
  Key: string;
  Option?: string;
  Values?: ParameterStringFilterValueList;
}
export type ParameterStringFilterList = ParameterStringFilter[];
export type ParameterStringFilterValueList = string[];
export type ParameterTier = "Standard" | "Advanced" | "Intelligent-Tiering";
export type ParameterType = "String" | "StringList" | "SecureString";
export interface ParameterVersionLabelLimitExceeded {
  message?: string;
}
export interface ParameterVersionNotFound {
  message?: string;
}
export interface ParametersFilter {
  Key: ParametersFilterKey;
  Values: ParametersFilterValueList;
}
export type ParametersFilterKey = "Name" | "Type" | "KeyId";
export type ParametersFilterList = ParametersFilter[];
export type ParametersFilterValueList = string[];
export interface PoliciesLimitExceededException {
  message?: string;
}
export interface PutParameterRequest {
  AllowedPattern?: string;
  DataType?: string;
  Description?: string;
  KeyId?: string;
  Name: string;
  Overwrite?: boolean;
  Policies?: string;
  Tags?: TagList;
  Tier?: ParameterTier;
  Type?: ParameterType;
  Value: string;
}
export interface PutParameterResult {
  Tier?: ParameterTier;
  Version?: number;
}
export interface PutResourcePolicyRequest {
  Policy: string;
  PolicyHash?: string;
  PolicyId?: string;
  ResourceArn: string;
}
export interface PutResourcePolicyResponse {
  PolicyHash?: string;
  PolicyId?: string;
}
export interface RemoveTagsFromResourceRequest {
  ResourceId: string;
  ResourceType: ResourceTypeForTagging;
  TagKeys: KeyList;
}
export interface RemoveTagsFromResourceResult {
}
export interface ResourceNotFoundException {
  Message?: string;
}
export interface ResourcePolicyConflictException {
  Message?: string;
}
export interface ResourcePolicyInvalidParameterException {
  Message?: string;
  ParameterNames?: ResourcePolicyParameterNamesList;
}
export interface ResourcePolicyLimitExceededException {
  Limit?: number;
  LimitType?: string;
  Message?: string;
}
export interface ResourcePolicyNotFoundException {
  Message?: string;
}
export type ResourcePolicyParameterNamesList = string[];
export type ResourceTypeForTagging = "Document" | "ManagedInstance" | "MaintenanceWindow" | "Parameter" | "PatchBaseline" | "OpsItem" | "OpsMetadata" | "Automation" | "Association";
export interface Tag {
  Key: string;
  Value: string;
}
export type TagList = Tag[];
export interface TooManyTagsError {
}
export interface TooManyUpdates {
  Message?: string;
}
export interface UnsupportedParameterType {
  message?: string;
}

/** The operations imagelite serves for ssm: each handler gets the parsed, validated input. */
export interface SsmHandlers {
  AddTagsToResource(ctx: RequestContext, input: AddTagsToResourceRequest): AddTagsToResourceResult;
  DeleteParameter(ctx: RequestContext, input: DeleteParameterRequest): DeleteParameterResult;
  DeleteParameters(ctx: RequestContext, input: DeleteParametersRequest): DeleteParametersResult;
  DeleteResourcePolicy(ctx: RequestContext, input: DeleteResourcePolicyRequest): DeleteResourcePolicyResponse;
  DescribeParameters(ctx: RequestContext, input: DescribeParametersRequest): DescribeParametersResult;
  GetParameter(ctx: RequestContext, input: GetParameterRequest): GetParameterResult;
  GetParameterHistory(ctx: RequestContext, input: GetParameterHistoryRequest): GetParameterHistoryResult;
  GetParameters(ctx: RequestContext, input: GetParametersRequest): GetParametersResult;
  GetParametersByPath(ctx: RequestContext, input: GetParametersByPathRequest): GetParametersByPathResult;
  GetResourcePolicies(ctx: RequestContext, input: GetResourcePoliciesRequest): GetResourcePoliciesResponse;
  LabelParameterVersion(ctx: RequestContext, input: LabelParameterVersionRequest): LabelParameterVersionResult;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceRequest): ListTagsForResourceResult;
  PutParameter(ctx: RequestContext, input: PutParameterRequest): PutParameterResult;
  PutResourcePolicy(ctx: RequestContext, input: PutResourcePolicyRequest): PutResourcePolicyResponse;
  RemoveTagsFromResource(ctx: RequestContext, input: RemoveTagsFromResourceRequest): RemoveTagsFromResourceResult;
}
