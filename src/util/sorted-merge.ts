// Reads that gather one result list from several id-ordered sources (own records, grants, the public index,
// a catalog) without loading any source whole: a k-way merge that yields each id once, in order, so that a
// page costs O(page × sources) and a page token (the last id served) resumes exactly.

/** Index records in id order, resolved to the records they name; those that resolve to nothing are skipped. */
export function* resolved<I, T>(entries: Iterable<{ id: string; value: I }>, resolve: (id: string, v: I) => T | undefined): Generator<T> {
  for (const { id, value } of entries) {
    const rec = resolve(id, value);
    if (rec !== undefined) yield rec;
  }
}

/** The union of id-ordered sources, in id order, each id once (the first source to hold it wins). */
export function* mergeById<T>(sources: Iterator<T>[], idOf: (item: T) => string): Generator<T> {
  const heads = sources.map((s) => s.next());
  let last: string | undefined;
  for (;;) {
    let best = -1;
    heads.forEach((h, i) => {
      if (!h.done && (best < 0 || idOf(h.value) < idOf(heads[best].value as T))) best = i;
    });
    if (best < 0) return;
    const item = heads[best].value as T;
    heads[best] = sources[best].next();
    const id = idOf(item);
    if (id !== last) yield item;
    last = id;
  }
}
