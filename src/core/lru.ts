/** A map that forgets the least recently used entry beyond `max` entries. */
export class Lru<K, V> {
  readonly #map = new Map<K, V>();
  constructor(readonly max: number) {}
  get(key: K): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.max) this.#map.delete(this.#map.keys().next().value as K);
  }
  /** Forgets every entry whose key `drop` says so. */
  deleteWhere(drop: (key: K) => boolean): void {
    for (const k of [...this.#map.keys()]) if (drop(k)) this.#map.delete(k);
  }
  clear(): void {
    this.#map.clear();
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
