// Raw HTTP for hostile tests: requests that the SDKs never send, and sockets that misbehave.
import { connect } from "node:net";
import type { Answer, Proto } from "../fuzz/envelopes";

/** Credential scopes that name the account, region and service (auth mode "scope"). */
export const SCOPE: Record<Proto, string> = {
  json: "AWS4-HMAC-SHA256 Credential=111111111111/20261123/us-east-1/appstream/aws4_request, SignedHeaders=host, Signature=abc",
  ssm: "AWS4-HMAC-SHA256 Credential=111111111111/20261123/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=abc",
  ec2: "AWS4-HMAC-SHA256 Credential=111111111111/20261123/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=abc",
  query: "AWS4-HMAC-SHA256 Credential=111111111111/20261123/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=abc",
};

export const FORM = "application/x-www-form-urlencoded; charset=utf-8";
export const JSON_TYPE = "application/x-amz-json-1.1";
export const TARGET = "PhotonAdminProxyService";

export async function post(endpoint: string, body: string | Buffer, headers: Record<string, string>, path = "/"): Promise<Answer> {
  const res = await fetch(endpoint + path, { method: "POST", headers, body });
  const h: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    h[k] = v;
  });
  return { status: res.status, headers: h, body: await res.text() };
}

export const appstream = (endpoint: string, op: string, body: string | Buffer, extra: Record<string, string> = {}) =>
  post(endpoint, body, { "content-type": JSON_TYPE, "x-amz-target": `${TARGET}.${op}`, authorization: SCOPE.json, ...extra });

export const query = (endpoint: string, proto: "ec2" | "query", body: string | Buffer, extra: Record<string, string> = {}) =>
  post(endpoint, body, { "content-type": FORM, authorization: SCOPE[proto], ...extra });

/**
 * Writes bytes to a fresh connection and collects what comes back until the server closes it or
 * `waitMs` pass. `closed` tells whether the server ended the connection.
 */
export function exchange(
  port: number,
  chunks: (string | Buffer)[],
  waitMs: number,
): Promise<{ text: string; closed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, "127.0.0.1");
    let text = "";
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on("data", (d) => {
      text += d.toString("latin1");
    });
    socket.on("end", () => finish(true));
    socket.on("close", () => finish(true));
    socket.on("error", () => finish(true));
    socket.on("connect", () => {
      for (const c of chunks) socket.write(c);
    });
  });
}
