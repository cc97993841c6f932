// What every wire protocol provides to the gateway: find the operation, parse its input from bytes,
// and render an output or an error. A protocol never knows what a fleet or an AMI is.
import type { Operation, ServiceModel } from "../model/model";
import type { ServiceError } from "../errors/service-error";

export interface RawRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Protocol {
  /** Reads the operation name from the request, or undefined when the request names none. */
  operationName(req: RawRequest, form?: URLSearchParams): string | undefined;
  /** The error for a request that names no operation, in the words of the service it is for. */
  missingOperation(service: { unknownOperation(name: string): ServiceError }): ServiceError;
  /** Bytes → input object with the model's member names. Throws ServiceError for a malformed request. */
  parse(req: RawRequest, operation: Operation, model: ServiceModel, form?: URLSearchParams): Record<string, unknown>;
  serialize(output: unknown, operation: Operation, model: ServiceModel, requestId: string): RawResponse;
  serializeError(error: ServiceError, model: ServiceModel, requestId: string): RawResponse;
}
