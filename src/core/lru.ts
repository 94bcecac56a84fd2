/**
 * A map that forgets the least recently used entry beyond `max` entries, and, given `weigh`, beyond a total
 * weight of `maxWeight` (an entry heavier than that alone is not kept).
 */
export class Lru<K, V> {
  readonly #map = new Map<K, V>();
  readonly #weights = new Map<K, number>();
  #weight = 0;
  constructor(
    readonly max: number,
    readonly options: { weigh?: (value: V) => number; maxWeight?: number } = {},
  ) {}
  get(key: K): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.delete(key);
    this.#map.set(key, value);
    if (this.options.weigh) {
      const w = this.options.weigh(value);
      this.#weights.set(key, w);
      this.#weight += w;
    }
    const maxWeight = this.options.maxWeight ?? Number.POSITIVE_INFINITY;
    while (this.#map.size > this.max || (this.#weight > maxWeight && this.#map.size > 0))
      this.delete(this.#map.keys().next().value as K);
  }
  delete(key: K): void {
    this.#map.delete(key);
    this.#weight -= this.#weights.get(key) ?? 0;
    this.#weights.delete(key);
  }
  /** Forgets every entry whose key `drop` says so. */
  deleteWhere(drop: (key: K) => boolean): void {
    for (const k of [...this.#map.keys()]) if (drop(k)) this.delete(k);
  }
  clear(): void {
    this.#map.clear();
    this.#weights.clear();
    this.#weight = 0;
  }
  /** The total weight of the entries kept (0 without `weigh`). */
  get weight(): number {
    return this.#weight;
  }
  get size(): number {
    return this.#map.size;
  }
}

/**
 * Freezes a value and everything reachable from it (objects and arrays; a Map's or Set's entries are frozen,
 * though the collection itself still could be changed): a value shared by every request from a cache must
 * never be changed by one of them, and in strict mode (every module) an attempt throws instead of silently
 * changing what the next request is served.
 */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== "object" || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Map) {
    for (const [k, v] of value) {
      deepFreeze(k, seen);
      deepFreeze(v, seen);
    }
  } else if (value instanceof Set) {
    for (const v of value) deepFreeze(v, seen);
  } else if (!ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) deepFreeze(v, seen);
  }
  if (!ArrayBuffer.isView(value)) Object.freeze(value);
  return value;
}
