// Amazon's public parameters for the latest AMIs ("Calling AMI public parameters in Parameter Store",
// "Query for the latest Amazon Linux AMI IDs using AWS Systems Manager Parameter Store", "Query for the
// Latest Windows AMI Using Systems Manager Parameter Store"): readable by every account in every region,
// never stored. Each names the newest AMI of Amazon's catalog in the region whose name matches its pattern,
// so that new catalog releases move the parameters with them.
import type { RequestContext } from "../../gateway/context";
import { amazonCatalog, type AmiRecord } from "../ec2/shared";

interface PublicDefinition {
  name: string;
  pattern: RegExp;
}

const LINUX = "/aws/service/ami-amazon-linux-latest";
const WINDOWS = "/aws/service/ami-windows-latest";

const al2023 = (suffix: string, arch: string): PublicDefinition => ({
  name: `${LINUX}/al2023-ami-${suffix}-${arch}`,
  pattern: new RegExp(`^al2023-ami-2023\\.[0-9.]+-kernel-6\\.1-${arch}$`),
});
const al2 = (arch: string): PublicDefinition => ({
  name: `${LINUX}/amzn2-ami-kernel-5.10-hvm-${arch}-gp2`,
  pattern: new RegExp(`^amzn2-ami-kernel-5\\.10-hvm-2\\.0\\.[0-9.]+-${arch}-gp2$`),
});
const windows = (base: string): PublicDefinition => ({
  name: `${WINDOWS}/${base}`,
  pattern: new RegExp(`^${base}-[0-9]{4}\\.[0-9]{2}\\.[0-9]{2}$`),
});

export const PUBLIC_PARAMETERS: readonly PublicDefinition[] = [
  al2023("kernel-default", "x86_64"),
  al2023("kernel-default", "arm64"),
  al2023("kernel-6.1", "x86_64"),
  al2023("kernel-6.1", "arm64"),
  al2("x86_64"),
  al2("arm64"),
  ...["2016", "2019", "2022", "2025"].flatMap((v) => [
    windows(`Windows_Server-${v}-English-Full-Base`),
    windows(`Windows_Server-${v}-English-Core-Base`),
  ]),
];

export interface PublicParameter {
  Name: string;
  Value: string;
  /** How many catalog releases the pattern has had: each release was a new version of the parameter. */
  Version: number;
  modifiedAt: number;
  ARN: string;
}

/** Per region catalog of a server (its `--catalog` choice and seeded entries decide what it holds). */
const cache = new WeakMap<object, PublicParameter[]>();

/** The region's public parameters that name an AMI, sorted by name. */
export function publicParameters(ctx: RequestContext, region = ctx.region): PublicParameter[] {
  const served = amazonCatalog(ctx, region);
  let list = cache.get(served);
  if (!list) {
    const amis = served.list;
    list = PUBLIC_PARAMETERS.flatMap((d) => {
      const matches = amis.filter((a) => d.pattern.test(a.Name));
      const newest = matches.reduce<AmiRecord | undefined>((best, a) => (!best || a.createdAt > best.createdAt ? a : best), undefined);
      if (!newest) return [];
      // Public parameters are Amazon's: their ARN has no account ("arn:aws:ssm:us-east-1::parameter/aws/service/...").
      return [
        {
          Name: d.name,
          Value: newest.ImageId,
          Version: matches.length,
          modifiedAt: newest.createdAt,
          ARN: `arn:aws:ssm:${region}::parameter${d.name}`,
        },
      ];
    }).sort((a, b) => (a.Name < b.Name ? -1 : 1));
    cache.set(served, list);
  }
  return list;
}

export const publicParameter = (ctx: RequestContext, name: string): PublicParameter | undefined =>
  publicParameters(ctx).find((p) => p.Name === name);
