// Amazon Resource Names: arn:aws:<service>:<region>:<account>:<resource>.
export interface Arn {
  service: string;
  region: string;
  account: string;
  resource: string;
}

export const arn = (service: string, region: string, account: string, resource: string): string =>
  `arn:aws:${service}:${region}:${account}:${resource}`;

export function parseArn(s: string): Arn | undefined {
  const parts = s.split(":");
  if (parts.length < 6 || parts[0] !== "arn" || !parts[1].startsWith("aws")) return undefined;
  return { service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(":") };
}
