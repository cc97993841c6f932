// DescribeImages: the public catalog, the caller's own images and the images shared with it, merged in
// name order so that one page costs O(page) whatever each source holds.
import type { RequestContext } from "../../../gateway/context";
import { encodeToken } from "../../../util/pagination";
import { inPartitionOf, parseArn } from "../../../util/arn";
import type { AppStreamHandlers, Image } from "../api.generated";
import { CATALOG, catalogImage, catalogView } from "./catalog";
import * as err from "../errors";
import { images, sharedWithMe } from "./records";
import { appstreamPage, pageSize } from "../paging";
import { getOwnImage, imageView, notFoundMessage, permissionFor, sharedByName, sharedImage } from "./handlers";

/** DescribeImages merges three sources in name order; a page key is `<name> <owner>` (owner "" when public). */
interface Entry {
  key: string;
  render: () => Image;
}

function* catalogEntries(ctx: RequestContext, after: string): Generator<Entry> {
  for (const c of CATALOG) {
    const key = `${c.name} `;
    if (key > after) yield { key, render: () => catalogView(c, ctx.region) };
  }
}

/** The caller's images after `after`: up to limit + 1 of them, which tells whether more follow the page. */
function ownEntries(ctx: RequestContext, after: string, limit: number): Entry[] {
  const from = after ? after.split(" ")[0] : undefined;
  const out: Entry[] = [];
  for (const rec of images.scan(ctx, { from, batch: limit + 2 })) {
    const key = `${rec.Name} ${rec.owner}`;
    // The listing starts at the name of the last image served, which is not part of this page.
    if (key <= after) continue;
    out.push({ key, render: () => imageView(ctx, rec) });
    if (out.length > limit) break;
  }
  return out;
}

function sharedEntries(ctx: RequestContext, after: string, limit: number): Entry[] {
  const out: Entry[] = [];
  // Shares whose image has gone are skipped; read on until the page is full or the index ends.
  for (const { id, value } of sharedWithMe.entries(ctx, { after, batch: limit + 1 })) {
    const s = sharedImage(ctx, value.owner, value.name);
    if (s) out.push({ key: id, render: () => imageView(ctx, s[0], s[1]) });
    if (out.length > limit) break;
  }
  return out;
}

function describeByName(ctx: RequestContext, names: string[]): Image[] {
  return names.map((name) => {
    const own = getOwnImage(ctx, name);
    if (own) return imageView(ctx, own);
    const c = catalogImage(name);
    if (c) return catalogView(c, ctx.region);
    const shared = sharedByName(ctx, name);
    if (shared) return imageView(ctx, shared, permissionFor(ctx, shared.owner, name));
    throw err.notFound(notFoundMessage(ctx, name));
  });
}

function describeByArn(ctx: RequestContext, arns: string[]): Image[] {
  return arns.map((a) => {
    const p = parseArn(a);
    const m =
      p && p.service === "appstream" && p.region === ctx.region && inPartitionOf(a, ctx.region) ? /^image\/(.+)$/.exec(p.resource) : null;
    if (!p || !m) throw err.notFound(`The image ${a} does not exist.`);
    const name = m[1];
    if (p.account === "") {
      const c = catalogImage(name);
      if (c) return catalogView(c, ctx.region);
    } else if (p.account === ctx.accountId) {
      const own = getOwnImage(ctx, name);
      if (own) return imageView(ctx, own);
    } else {
      const s = sharedImage(ctx, p.account, name);
      if (s) return imageView(ctx, s[0], s[1]);
    }
    throw err.notFound(`The image ${a} does not exist.`);
  });
}

export const describeImagesHandlers: Pick<AppStreamHandlers, "DescribeImages"> = {
  DescribeImages(ctx, input) {
    if (input.Names?.length && input.Arns?.length) throw err.invalidCombination("You can specify either Names or Arns, but not both.");
    if (input.Names?.length) return { Images: describeByName(ctx, input.Names).filter((i) => !input.Type || i.Visibility === input.Type) };
    if (input.Arns?.length) return { Images: describeByArn(ctx, input.Arns).filter((i) => !input.Type || i.Visibility === input.Type) };
    const limit = pageSize(input.MaxResults, 25);
    const scope = `DescribeImages ${input.Type ?? ""}`;
    const after = input.NextToken ? appstreamPage.decode(scope, input.NextToken) : "";
    const sources: Entry[][] = [];
    if (!input.Type || input.Type === "PUBLIC") {
      const c: Entry[] = [];
      for (const e of catalogEntries(ctx, after)) {
        if (c.length > limit) break;
        c.push(e);
      }
      sources.push(c);
    }
    if (!input.Type || input.Type === "PRIVATE") sources.push(ownEntries(ctx, after, limit));
    if (!input.Type || input.Type === "SHARED") sources.push(sharedEntries(ctx, after, limit));
    const merged = sources.flat().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const page = merged.slice(0, limit);
    return {
      Images: page.map((e) => e.render()),
      NextToken: merged.length > limit ? encodeToken(scope, page[page.length - 1].key) : undefined,
    };
  },
};
