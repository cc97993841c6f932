// A sorted list that stays cheap to change when it is large: its items are kept in chunks of a bounded size,
// so that an insert or a removal moves at most one chunk's items (a single sorted array moves half of them:
// loading 100,000 records one by one would then move billions). Reads start at the first item at or above a
// bound and go on in order.

const MAX_CHUNK = 512;

export class SortedChunks<T> {
  private chunks: T[][] = [];
  private count = 0;

  /** `compare(a, b)` orders items: negative when a sorts first, 0 when they are the same item. */
  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.count;
  }

  /** The chunk that holds, or would hold, the first item that `below` rejects (the first whose last item it rejects). */
  private chunkOf(below: (x: T) => boolean): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = this.chunks[mid];
      if (below(c[c.length - 1])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private static position<T>(chunk: T[], below: (x: T) => boolean): number {
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (below(chunk[mid])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where an item goes: its chunk, and its place in it (the chunk of the greatest items for one above all). */
  private place(item: T): [number, number] {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = chunks[mid];
      if (this.compare(c[c.length - 1], item) < 0) lo = mid + 1;
      else hi = mid;
    }
    const chunk = chunks[lo];
    let a = 0;
    let b = chunk.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.compare(chunk[mid], item) < 0) a = mid + 1;
      else b = mid;
    }
    return [lo, a];
  }

  /** Adds an item; returns false (and changes nothing) when the same item is there already. */
  insert(item: T): boolean {
    if (!this.chunks.length) {
      this.chunks.push([item]);
      this.count++;
      return true;
    }
    const [ci, at] = this.place(item);
    const chunk = this.chunks[ci];
    if (at < chunk.length && this.compare(chunk[at], item) === 0) return false;
    chunk.splice(at, 0, item);
    this.count++;
    if (chunk.length > MAX_CHUNK) this.chunks.splice(ci + 1, 0, chunk.splice(MAX_CHUNK / 2));
    return true;
  }

  /** Removes the item that compares equal to this one; returns whether there was one. */
  remove(item: T): boolean {
    if (!this.chunks.length) return false;
    const [ci, at] = this.place(item);
    const chunk = this.chunks[ci];
    if (at >= chunk.length || this.compare(chunk[at], item) !== 0) return false;
    chunk.splice(at, 1);
    this.count--;
    if (!chunk.length) this.chunks.splice(ci, 1);
    return true;
  }

  /** The items from the first one that `below` rejects on, in order (below must hold for a leading run only). */
  *from(below: (x: T) => boolean): Generator<T> {
    let ci = this.chunkOf(below);
    if (ci >= this.chunks.length) return;
    let at = SortedChunks.position(this.chunks[ci], below);
    // Not for a reader that changes the list between items: the store reads whole batches before it writes.
    for (;;) {
      const chunk = this.chunks[ci];
      if (!chunk) return;
      if (at >= chunk.length) {
        ci++;
        at = 0;
        continue;
      }
      yield chunk[at++];
    }
  }

  /** Every item, in order. */
  *all(): Generator<T> {
    for (const chunk of this.chunks) yield* chunk;
  }
}
