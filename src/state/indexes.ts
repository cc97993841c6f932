// Secondary indexes of the store. A record type declares its indexes once (state/collection.ts does it for a
// collection): per index, the keys a record has in it, computed from the record alone. The store derives a
// record's entries itself at every put, in the put's transaction, and drops them with the record, so that no
// write path (a handler, a purge, a state import, a restart on an older file) can leave an index behind its
// records. Entries are (index, key, id) in the record's partition; a lookup reads them in (key, id) order, by
// exact key or by key prefix, with keyset paging. Indexes are derived, never exported: dump() shows records only.
import { createHash } from "node:crypto";

/** The keys a record has in one index: none (undefined, []), one, or several (a tag index: one per tag). */
export type IndexKeys<T> = (value: T) => string | readonly string[] | undefined;

export interface IndexEntry {
  index: string;
  key: string;
}

/** What a store asks about indexes; the stores take the process-wide INDEXES unless given another. */
export interface IndexCatalog {
  /** The entries of a record of `type`, or undefined when the type has no indexes. */
  entries(type: string, value: unknown): IndexEntry[] | undefined;
  /**
   * What the declaration of `type`'s indexes is; a store that kept entries under another signature rebuilds
   * them from the records when it opens. Undefined when the type has no indexes.
   */
  signature(type: string): string | undefined;
  /** Every type with indexes. */
  types(): string[];
}

interface Declared {
  indexes: [string, IndexKeys<unknown>][];
  signature: string;
}

export class Indexes implements IndexCatalog {
  private readonly declared = new Map<string, Declared>();

  /**
   * Declares the indexes of a record type. The signature covers the index names, their derivations' source
   * text and `version`: a change to a derivation rebuilds stored entries by itself; bump `version` when a
   * derivation changes through something its text does not show (a helper it calls).
   */
  define<T>(type: string, indexes: Record<string, IndexKeys<T>>, version = 0): void {
    const list = Object.entries(indexes).sort(([a], [b]) => (a < b ? -1 : 1)) as [string, IndexKeys<unknown>][];
    if (!list.length) return;
    const text = JSON.stringify([version, list.map(([name, f]) => [name, f.toString()])]);
    this.declared.set(type, { indexes: list, signature: createHash("sha256").update(text).digest("base64url").slice(0, 22) });
  }

  entries(type: string, value: unknown): IndexEntry[] | undefined {
    const d = this.declared.get(type);
    if (!d) return undefined;
    const out: IndexEntry[] = [];
    for (const [index, keysOf] of d.indexes) {
      let keys: ReturnType<IndexKeys<unknown>>;
      try {
        keys = keysOf(value);
      } catch {
        continue; // a record that its derivation cannot read (one that breaks its type) has no key in that index
      }
      // Strings only: a key of another kind (from a record that breaks its type) is not indexed.
      if (typeof keys === "string") out.push({ index, key: keys });
      else if (Array.isArray(keys)) for (const key of new Set(keys)) if (typeof key === "string") out.push({ index, key });
    }
    return out;
  }

  signature(type: string): string | undefined {
    return this.declared.get(type)?.signature;
  }

  types(): string[] {
    return [...this.declared.keys()];
  }
}

/** The process-wide catalog: collections declare their indexes here when their modules load. */
export const INDEXES = new Indexes();

// Composite keys. Parts are joined so that the result is unambiguous and sorts as the parts do, part by part;
// the last part is kept as it is, so that a prefix of it is a prefix of the key (tag:Key=val* is a prefix
// lookup of indexKey(key, "val")). Characters below U+0003 are escaped; U+0001 ends every part but the last.
const ESCAPE = "\u0002";
const END = "\u0001";

const escapePart = (part: string) => part.replace(/[\u0000-\u0002]/g, (c) => ESCAPE + String.fromCharCode(c.charCodeAt(0) + 1));

/** One index key made of several values (e.g. a tag's key and value). */
export function indexKey(...parts: string[]): string {
  let out = "";
  for (let i = 0; i < parts.length - 1; i++) out += escapePart(parts[i]) + END;
  return out + (parts.length ? parts[parts.length - 1] : "");
}

/**
 * The least string above every string that starts with `prefix`, in code point order (which is SQLite's
 * byte order of UTF-8); undefined when there is none. The last code point goes up by one, skipping the
 * surrogates; a last U+10FFFF is dropped and the one before goes up instead.
 */
export function prefixSuccessor(prefix: string): string | undefined {
  const points = [...prefix];
  while (points.length) {
    const cp = points.pop()!.codePointAt(0)!;
    if (cp < 0x10ffff) {
      const next = cp + 1 >= 0xd800 && cp + 1 <= 0xdfff ? 0xe000 : cp + 1;
      return points.join("") + String.fromCodePoint(next);
    }
  }
  return undefined;
}
