// A Map whose values are made on first read, from a known list of keys: the models link a shape or an operation
// only when something asks for it, so that start-up does not build the thousands of shapes a large model has
// (EC2's 1,400) before the first call. Reading every value (values, entries, iteration) makes them all.
export class LazyMap<V> extends Map<string, V> {
  constructor(
    private readonly names: ReadonlySet<string>,
    private readonly make: (name: string) => V,
  ) {
    super();
  }

  override get(name: string): V | undefined {
    const made = super.get(name);
    if (made !== undefined || !this.names.has(name)) return made;
    const value = this.make(name);
    super.set(name, value);
    return value;
  }

  override has(name: string): boolean {
    return this.names.has(name);
  }

  override get size(): number {
    return this.names.size;
  }

  override keys(): MapIterator<string> {
    return this.names.keys();
  }

  override values(): MapIterator<V> {
    return this.all().values();
  }

  override entries(): MapIterator<[string, V]> {
    return this.all().entries();
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, self?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(self, v, k, this);
  }

  /** Every value, made in the order of the keys. */
  private all(): Map<string, V> {
    const all = new Map<string, V>();
    for (const name of this.names) all.set(name, this.get(name)!);
    return all;
  }
}
