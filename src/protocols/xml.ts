// Shape-driven XML writing for the query protocols (EC2 and STS).
import type { Member, Shape } from "../model/model";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#13;" };
// XML 1.0 cannot carry control characters, U+FFFE/U+FFFF or lone surrogates, not even as references: an
// echoed request value holding one becomes U+FFFD so that the answer stays parseable by the SDKs.
const SPECIAL = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ESCAPED =
  /[&<>"'\r]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const escapeXml = (s: string): string => (SPECIAL.test(s) ? s.replace(ESCAPED, (c) => ESC[c] ?? "\uFFFD") : s);

export interface XmlFlavour {
  /** Element name of list items when the model names none: EC2 uses `item`, query `member`. */
  defaultListItem: string;
}

function scalar(shape: Shape, v: unknown): string {
  switch (shape.type) {
    case "timestamp":
      return (v instanceof Date ? v : new Date(v as string)).toISOString();
    case "blob":
      return Buffer.from(v as Uint8Array).toString("base64");
    case "boolean":
      return v ? "true" : "false";
    default:
      return escapeXml(String(v));
  }
}

export function writeMembers(shape: Shape, value: Record<string, unknown>, flavour: XmlFlavour, out: string[]): void {
  for (const [name, member] of Object.entries(shape.members)) {
    const v = value[name];
    if (v !== undefined && v !== null) writeMember(member, member.locationName ?? name, v, flavour, out);
  }
}

function writeMember(member: Member, tag: string, v: unknown, flavour: XmlFlavour, out: string[]): void {
  const shape = member.shape;
  switch (shape.type) {
    case "structure":
      out.push(`<${tag}>`);
      writeMembers(shape, v as Record<string, unknown>, flavour, out);
      out.push(`</${tag}>`);
      return;
    case "list": {
      const item = shape.member!;
      const itemTag = item.locationName ?? flavour.defaultListItem;
      const flat = member.flattened || shape.flattened;
      if (!flat) out.push(`<${tag}>`);
      for (const x of v as unknown[]) writeMember(item, flat ? tag : itemTag, x, flavour, out);
      if (!flat) out.push(`</${tag}>`);
      return;
    }
    case "map": {
      out.push(`<${tag}>`);
      const k = shape.key!.locationName ?? "key";
      const val = shape.value!.locationName ?? "value";
      for (const [mk, mv] of Object.entries(v as Record<string, unknown>)) {
        out.push(`<entry><${k}>${escapeXml(mk)}</${k}>`);
        writeMember(shape.value!, val, mv, flavour, out);
        out.push("</entry>");
      }
      out.push(`</${tag}>`);
      return;
    }
    default:
      out.push(`<${tag}>${scalar(shape, v)}</${tag}>`);
  }
}
