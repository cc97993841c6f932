// What a response must look like for each protocol: a success, or a well-formed error in the service's own
// envelope. Returns a description of the first problem, or undefined when the response is acceptable.
export type Proto = "json" | "ssm" | "ec2" | "query";

/** AppStream and SSM both speak AWS JSON 1.1. */
export const isJson = (proto: Proto): boolean => proto === "json" || proto === "ssm";

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const REQUEST_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const EC2_ERROR = new RegExp(
  `^<Response><Errors><Error><Code>([^<]+)</Code><Message>([^<]*)</Message></Error></Errors><RequestID>${REQUEST_ID}</RequestID></Response>$`,
);
const STS_ERROR = new RegExp(
  `^<ErrorResponse xmlns="https://sts\\.amazonaws\\.com/doc/2011-06-15/"><Error><Type>(Sender|Receiver)</Type><Code>([^<]+)</Code><Message>([^<]*)</Message></Error><RequestId>${REQUEST_ID}</RequestId></ErrorResponse>$`,
);

/** Characters XML 1.0 allows (an SDK's XML parser rejects any other, even as a character reference). */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const ENTITY = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

/** A small well-formedness check: allowed characters, balanced tags, only known entities in text. */
export function xmlProblem(xml: string): string | undefined {
  if (!XML_CHARS.test(xml)) return "character not allowed in XML 1.0";
  const body = xml.startsWith("<?xml") ? xml.slice(xml.indexOf("?>") + 2) : xml;
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  let roots = 0;
  while ((m = re.exec(body))) {
    if (m[6]) return `stray '<' at ${m.index}`;
    if (m[5] !== undefined) {
      if (stack.length === 0 && m[5].trim() !== "") return "text outside the root element";
      for (let i = m[5].indexOf("&"); i >= 0; i = m[5].indexOf("&", i + 1)) {
        if (!ENTITY.test(m[5].slice(i))) return `bare '&' in text near ${JSON.stringify(m[5].slice(i, i + 12))}`;
      }
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) return `unbalanced </${m[2]}>`;
    } else if (!m[4]) {
      if (stack.length === 0) roots++;
      stack.push(m[2]);
    }
  }
  if (stack.length) return `unclosed <${stack[stack.length - 1]}>`;
  if (roots !== 1) return `${roots} root elements`;
  return undefined;
}

export function envelopeProblem(proto: Proto, r: Answer): string | undefined {
  if (r.status >= 500) return `status ${r.status}`;
  if (r.status !== 200 && (r.status < 400 || r.status > 499)) return `unexpected status ${r.status}`;
  if (isJson(proto)) {
    let doc: unknown;
    try {
      doc = JSON.parse(r.body);
    } catch {
      return "body is not JSON";
    }
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return "JSON body is not an object";
    if (r.status === 200) return undefined;
    const { __type, message } = doc as { __type?: unknown; message?: unknown };
    if (typeof __type !== "string" || !__type) return "error without __type";
    if (typeof message !== "string") return "error without message";
    if (r.headers["x-amzn-errortype"] !== __type) return "x-amzn-errortype differs from __type";
    return undefined;
  }
  const xmlIssue = xmlProblem(r.body);
  if (xmlIssue) return `malformed XML: ${xmlIssue}`;
  if (proto === "ec2") {
    if (!r.body.startsWith(XML_DECL)) return "EC2 answer without the XML declaration";
    const rest = r.body.slice(XML_DECL.length);
    if (r.status === 200)
      return /^<\w+Response xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/[0-9-]+\/?"><requestId>/.test(rest)
        ? undefined
        : "EC2 result envelope";
    return EC2_ERROR.test(rest) ? undefined : "EC2 error envelope";
  }
  if (r.status === 200)
    return /^<\w+Response xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><\w+Result>/.test(r.body)
      ? undefined
      : "STS result envelope";
  return STS_ERROR.test(r.body) ? undefined : "STS error envelope";
}

/** The error code of an answer (JSON __type or XML Code), for tallies and assertions. */
export function errorCode(r: Answer): string | undefined {
  if (r.status === 200) return undefined;
  try {
    return (JSON.parse(r.body) as { __type?: string }).__type;
  } catch {
    /* XML */
  }
  return /<Code>([^<]*)<\/Code>/.exec(r.body)?.[1];
}
