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

/** Writes the elements of a value's members; made once per shape and flavour, then reused. */
export type MembersWriter = (value: Record<string, unknown>) => string;
type ValueWriter = (v: unknown) => string;

/** Per flavour, the writer of each structure's members; an entry exists before its members are compiled (recursive shapes). */
const compiled = new WeakMap<XmlFlavour, WeakMap<Shape, { write: MembersWriter }>>();

/** The writer of a structure's members, compiled on first use. Members are written in model order; null and undefined ones are left out. */
export function membersWriter(shape: Shape, flavour: XmlFlavour): MembersWriter {
  return structureEntry(shape, flavour).write;
}

function structureEntry(shape: Shape, flavour: XmlFlavour): { write: MembersWriter } {
  let byShape = compiled.get(flavour);
  if (!byShape) compiled.set(flavour, (byShape = new WeakMap()));
  let entry = byShape.get(shape);
  if (entry) return entry;
  const pending: { write: MembersWriter } = { write: () => "" };
  byShape.set(shape, pending);
  const names = Object.keys(shape.members);
  const writers = names.map((name) => {
    const member = shape.members[name];
    return memberWriter(member, member.locationName ?? name, flavour);
  });
  pending.write = readMembers(names, writers);
  entry = pending;
  return entry;
}

/**
 * A function that reads each member by its name written out (`v["ImageId"]`), so that every read has a
 * place in the code of its own that V8 can specialize for the objects it meets there, which a loop over the
 * names (`v[names[i]]`) cannot. The names are model member names, quoted as JSON string literals.
 */
function readMembers(names: string[], writers: ValueWriter[]): MembersWriter {
  const body = names.map((name, i) => `x = v[${JSON.stringify(name)}]; if (x !== undefined && x !== null) out += w[${i}](x);`).join("\n");
  return new Function("w", `return function writeMembers(v) { let out = "", x;\n${body}\nreturn out; };`)(writers) as MembersWriter;
}

/** Writes a value of a member as the element `tag` (or, for a flattened list, as one element per item). */
function memberWriter(member: Member, tag: string, flavour: XmlFlavour): ValueWriter {
  const shape = member.shape;
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  switch (shape.type) {
    case "structure": {
      const body = structureEntry(shape, flavour);
      return (v) => open + body.write(v as Record<string, unknown>) + close;
    }
    case "list": {
      const item = shape.member!;
      const flat = member.flattened || shape.flattened;
      const writeItem = memberWriter(item, flat ? tag : (item.locationName ?? flavour.defaultListItem), flavour);
      return (v) => {
        let out = flat ? "" : open;
        for (const x of v as unknown[]) out += writeItem(x);
        return flat ? out : out + close;
      };
    }
    case "map": {
      const k = shape.key!.locationName ?? "key";
      const keyOpen = `<entry><${k}>`;
      const keyClose = `</${k}>`;
      const writeValue = memberWriter(shape.value!, shape.value!.locationName ?? "value", flavour);
      return (v) => {
        let out = open;
        for (const [mk, mv] of Object.entries(v as Record<string, unknown>))
          out += keyOpen + escapeXml(mk) + keyClose + writeValue(mv) + "</entry>";
        return out + close;
      };
    }
    case "timestamp":
      return (v) => open + (v instanceof Date ? v : new Date(v as string)).toISOString() + close;
    case "blob":
      return (v) => open + Buffer.from(v as Uint8Array).toString("base64") + close;
    case "boolean":
      return (v) => (v ? `${open}true${close}` : `${open}false${close}`);
    default:
      // A number's text never needs escaping.
      return (v) => open + (typeof v === "number" ? String(v) : escapeXml(String(v))) + close;
  }
}

/** Appends the elements of a value's members to `out`. */
export function writeMembers(shape: Shape, value: Record<string, unknown>, flavour: XmlFlavour, out: string[]): void {
  out.push(membersWriter(shape, flavour)(value));
}
