// The answer to a request signed for a service imagelite does not serve: a client that sends every service to
// imagelite's endpoint (AWS_ENDPOINT_URL) and calls, say, rbin, iam or s3. One error names the service, in the
// wire format the request speaks, so that the SDK reads its code and message instead of an EC2 error about a
// missing Action.
//
// 400 UnknownService. A real AWS endpoint that receives a request signed for another service answers 403
// "Credential should be scoped to correct service", which sends people to check credentials that are fine;
// the mistake is the client's endpoint, a client error that no SDK retries, as 400 is. The code is the one the
// in-process API uses for a service it does not know (Gateway.invoke).
import { ServiceError } from "../errors/service-error";
import { cut } from "../errors/echo";
import type { RawRequest, RawResponse } from "../protocols/protocol";
import { readForm } from "../protocols/query";
import { escapeXml } from "../protocols/xml";

/** Signing names of the REST APIs that speak XML (S3 and its variants, Route 53, CloudFront); every other REST API speaks JSON. */
const REST_XML = new Set(["s3", "s3-outposts", "s3-object-lambda", "s3express", "route53", "cloudfront"]);

/** How the request speaks: AWS JSON (X-Amz-Target), a query API (Action), or REST with a JSON or an XML body. */
export type Wire = "json" | "query" | "rest-json" | "rest-xml";

export function wireOf(req: RawRequest, signingName: string): Wire {
  const contentType = req.headers["content-type"] ?? "";
  if (req.headers["x-amz-target"] !== undefined || contentType.startsWith("application/x-amz-json")) return "json";
  if (req.query.has("Action") || contentType.startsWith("application/x-www-form-urlencoded")) return "query";
  return REST_XML.has(signingName) || /[/+]xml\b/.test(contentType) ? "rest-xml" : "rest-json";
}

/** The name as it may be shown: a credential scope's service is [a-z0-9-], a presigned URL's could be anything. */
export function serviceLabel(signingName: string): string {
  return cut(signingName, 64).replace(/[^A-Za-z0-9._-]/g, "?");
}

export interface UnservedAnswer {
  error: ServiceError;
  response: RawResponse;
  /** What the log names as the operation: the target's or the Action's, else the method and path. */
  operation: string;
}

/** `served`: the signing names imagelite answers, for the message. */
export function answerUnserved(req: RawRequest, signingName: string, served: string[], requestId: string): UnservedAnswer {
  const name = serviceLabel(signingName);
  const error = new ServiceError("UnknownService", `imagelite does not serve ${name}; it serves ${served.join(", ")}.`, 400);
  const wire = wireOf(req, signingName);
  const target = req.headers["x-amz-target"];
  const action = wire === "query" ? readForm(req.query, req.method === "POST" ? req.body.toString("utf8") : undefined).get("Action") : null;
  const operation = cut(
    (target !== undefined ? target.slice(target.lastIndexOf(".") + 1) : (action ?? `${req.method} ${req.path}`)).replace(/\s/g, " "),
    200,
  );
  return { error, response: render(error, wire, req, requestId), operation };
}

function render(error: ServiceError, wire: Wire, req: RawRequest, requestId: string): RawResponse {
  const headers: Record<string, string> = { "x-amzn-requestid": requestId };
  if (wire === "query" || wire === "rest-xml") {
    // The query APIs' error document; REST-XML clients (S3's too) read the same Error element.
    headers["content-type"] = "text/xml";
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>Sender</Type><Code>${error.code}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
    return { status: error.status, headers, body };
  }
  // AWS JSON answers in the version the request used; REST-JSON clients read the code from x-amzn-ErrorType.
  const contentType = req.headers["content-type"] ?? "";
  const json10 = contentType.startsWith("application/x-amz-json-1.0");
  headers["content-type"] = wire === "json" ? `application/x-amz-json-${json10 ? "1.0" : "1.1"}` : "application/json";
  headers["x-amzn-errortype"] = error.code;
  return { status: error.status, headers, body: JSON.stringify({ __type: error.code, message: error.message }) };
}
