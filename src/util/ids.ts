// Identifiers in the shapes the services use.
import { randomBytes, randomUUID } from "node:crypto";

export const requestId = (): string => randomUUID();

/** `ami-` + 17 hex digits, `import-ami-` + 17, `amiur-` + 17, ... */
export const hexId = (prefix: string, digits = 17): string =>
  `${prefix}-${randomBytes(Math.ceil(digits / 2))
    .toString("hex")
    .slice(0, digits)}`;
