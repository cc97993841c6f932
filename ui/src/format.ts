// How times and numbers read on the page. Times are UTC: the clock may be set anywhere, and UTC reads the
// same on every machine.
const pad = (n: number) => String(n).padStart(2, "0");

export function utcTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function utcDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${utcTime(iso)}`;
}

/** "12 s", "3 min 4 s", "2 h 5 min", "3 d 4 h": a span of time for people. */
export function span(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  if (s < 86400) return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ""}`;
  return `${Math.floor(s / 86400)} d${Math.floor((s % 86400) / 3600) ? ` ${Math.floor((s % 86400) / 3600)} h` : ""}`;
}

export function duration(micros: number): string {
  if (micros < 1000) return `${micros} µs`;
  if (micros < 1_000_000) return `${(micros / 1000).toFixed(micros < 10_000 ? 1 : 0)} ms`;
  return `${(micros / 1_000_000).toFixed(2)} s`;
}

/** Pretty JSON or XML when the text is one of them, the text itself otherwise. */
export function prettyBody(text: string): string {
  const t = text.trim();
  if (t.startsWith("<")) return prettyXml(t) ?? text;
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.stringify(JSON.parse(t), null, 2);
    } catch {
      return text;
    }
  }
  return text;
}

/** The parameters of a query-protocol body (Action=...&Version=...), or undefined when it is not one. */
export function formParams(text: string, contentType: string | undefined): [string, string][] | undefined {
  if (!text || !(contentType ?? "").includes("x-www-form-urlencoded")) return undefined;
  return [...new URLSearchParams(text).entries()];
}

/** XML indented two spaces a level; elements that hold only text stay on one line. Undefined when not XML. */
export function prettyXml(text: string): string | undefined {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) return undefined;
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const lines: string[] = [];
  const walk = (el: Element, depth: number) => {
    const pad = "  ".repeat(depth);
    const attrs = [...el.attributes].map((a) => ` ${a.name}="${escape(a.value)}"`).join("");
    const children = [...el.children];
    const text = el.textContent ?? "";
    if (!children.length) {
      lines.push(text.trim() ? `${pad}<${el.tagName}${attrs}>${escape(text.trim())}</${el.tagName}>` : `${pad}<${el.tagName}${attrs}/>`);
      return;
    }
    lines.push(`${pad}<${el.tagName}${attrs}>`);
    for (const c of children) walk(c, depth + 1);
    lines.push(`${pad}</${el.tagName}>`);
  };
  walk(doc.documentElement, 0);
  return lines.join("\n");
}
