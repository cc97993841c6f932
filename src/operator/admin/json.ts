// JSON answers of the admin routes: errors carry a code and a message, like the services' own.
import type { RawResponse } from "../../protocols/protocol";

export const json = (status: number, body: unknown): RawResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

import { ControlError as AdminError } from "../control/control-error";

export { AdminError };

export const adminError = (e: AdminError): RawResponse => json(e.status, { code: e.code, message: e.message });

export function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString("utf8").trim();
  if (text === "") return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new AdminError(400, "InvalidJson", "The request body is not valid JSON.");
  }
  if (v === null || typeof v !== "object" || Array.isArray(v))
    throw new AdminError(400, "InvalidJson", "The request body must be a JSON object.");
  return v as Record<string, unknown>;
}
