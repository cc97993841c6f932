// How an error message repeats what the caller sent: lists as `[a, b]` and maps as `{k=v}` (the Java
// rendering AWS messages show), and never more than a short prefix, so that a huge value cannot make a
// huge error. Rendering stops as soon as the prefix is full, however large the value.

/** Characters of a caller's value an error message repeats at most; a longer value ends in "...". */
const MAX_ECHO = 256;

/** The first `max` code units of `s`, without splitting a surrogate pair. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

export function echo(value: unknown, max = MAX_ECHO): string {
  let text = "";
  /** Appends, and tells whether there is still room. */
  const add = (s: string): boolean => {
    text += s.length > max ? s.slice(0, max + 1) : s;
    return text.length <= max;
  };
  const write = (v: unknown): boolean => {
    if (v === null || v === undefined) return add("null");
    if (Buffer.isBuffer(v)) return add(v.subarray(0, max + 1).toString());
    if (Array.isArray(v)) {
      if (!add("[")) return false;
      for (let i = 0; i < v.length; i++) if ((i > 0 && !add(", ")) || !write(v[i])) return false;
      return add("]");
    }
    if (typeof v === "object" && !(v instanceof Date)) {
      if (!add("{")) return false;
      let first = true;
      for (const k in v) {
        if ((!first && !add(", ")) || !add(`${cut(k, max + 1)}=`) || !write((v as Record<string, unknown>)[k])) return false;
        first = false;
      }
      return add("}");
    }
    return add(String(v));
  };
  return write(value) ? text : `${cut(text, max)}...`;
}
