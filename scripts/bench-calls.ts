// The benchmarks' calls made in process (no sockets): an AWS request through the gateway's whole way.
import type { Gateway } from "../src/gateway/gateway";
import type { RawRequest, RawResponse } from "../src/protocols/protocol";

/**
 * The gateway's answer, which comes at once for a benchmark's app: it verifies no signature (no --auth strict)
 * and injects no latency, so every step of a call is synchronous, and a call timed is a call made.
 */
export function handleAws(gateway: Gateway, req: RawRequest): RawResponse {
  const r = gateway.handle(req);
  if (r instanceof Promise) throw new Error("a benchmark's call met an asynchronous step (--auth strict, an injected latency)");
  return r;
}
