// KMS keys as EBS names them ("Amazon EBS encryption", ebs-encryption.html; CreateVolume's KmsKeyId): a key id,
// a key ARN, an alias name or an alias ARN. imagelite has no KMS: an alias stands for a key whose id is derived
// from the alias, the account and the Region, so that the same alias always names the same key. Volumes and
// snapshots report the key's ARN (arn:<partition>:kms:<region>:<account>:key/<id>), as EBS does; the AWS managed key
// of EBS is `alias/aws/ebs`.
import { createHash } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import * as err from "../errors";
import { arn as arnOf } from "../../../util/arn";
import { partitionOf, samePartition } from "../../../util/regions";

export const AWS_MANAGED_ALIAS = "alias/aws/ebs";

const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const ALIAS = /^alias\/[a-zA-Z0-9/_-]{1,250}$/;
const ARN = /^arn:(aws|aws-cn|aws-us-gov):kms:([a-z0-9-]+):([0-9]{12}):(key\/.+|alias\/.+)$/;

/** What a key specification names: a key (by id) or an alias, in a Region of an account. */
interface KeyName {
  region: string;
  account: string;
  kind: "key" | "alias";
  name: string;
}

function parse(ctx: RequestContext, spec: string): KeyName {
  if (KEY_ID.test(spec)) return { region: ctx.region, account: ctx.accountId, kind: "key", name: spec };
  if (ALIAS.test(spec)) return { region: ctx.region, account: ctx.accountId, kind: "alias", name: spec.slice("alias/".length) };
  const arn = ARN.exec(spec);
  if (arn) {
    const [, partition, region, account, resource] = arn;
    const slash = resource.indexOf("/");
    const kind = resource.slice(0, slash) as "key" | "alias";
    const name = resource.slice(slash + 1);
    const named = (kind === "key" && KEY_ID.test(name)) || (kind === "alias" && ALIAS.test(`alias/${name}`));
    // A key of another partition (arn:aws:kms:... asked in cn-north-1) is no key EBS can use there.
    if (named && partition === partitionOf(region).name && samePartition(region, ctx.region)) return { region, account, kind, name };
  }
  throw err.invalidValue(`Invalid KMS key ID '${spec}'. Specify a key ID, key ARN, alias name or alias ARN.`);
}

/** The id of the key an alias stands for: stable for the alias, the account and the Region. */
function aliasKeyId(k: KeyName): string {
  const h = createHash("sha256").update(`${k.account}/${k.region}/${k.name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Checks a key specification; throws InvalidParameterValue when it names no key. */
export const checkKeySpec = (ctx: RequestContext, spec: string): void => void parse(ctx, spec);

/** The ARN of the key a specification names, as volumes and snapshots report it. */
export function keyArn(ctx: RequestContext, spec: string): string {
  const k = parse(ctx, spec);
  const id = k.kind === "key" ? k.name : aliasKeyId(k);
  return arnOf("kms", k.region, k.account, `key/${id}`);
}

/** The specification in ARN form, an alias staying an alias (what GetEbsDefaultKmsKeyId answers). */
export function specArn(ctx: RequestContext, spec: string): string {
  const k = parse(ctx, spec);
  return arnOf("kms", k.region, k.account, `${k.kind}/${k.name}`);
}
