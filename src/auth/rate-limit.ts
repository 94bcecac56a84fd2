/**
 * Login throttling: growing delays, never a hard block, kept in memory.
 *
 * Failures are counted per account *and source* (the pair), per source over all accounts (one address
 * trying many accounts), and per account over all sources (many addresses trying one account). After a few
 * free failures each further one doubles the wait before the next attempt on that key, up to a ceiling, so
 * guessing gets slow while the right password still gets in after the wait. An account's own count slows
 * only sources that have not signed in to it before: someone failing on purpose from elsewhere cannot keep
 * the account's owner out from the address they use.
 *
 * Why memory and not the database: gyokaku is one process (PGlite even allows only one), failed attempts for
 * unknown addresses and IPs belong to no municipality (every table is keyed by one), and an attacker should
 * not be able to make the database write on every guess. A restart forgets the counts; that gives an attacker
 * one more window at most, and restarts are not theirs to trigger. Run several processes behind a balancer
 * and each counts on its own.
 */
export type Throttle = {
  /** failures without any delay */
  free: number;
  /** the delay after the first failure beyond `free`; each further one doubles it */
  baseMs: number;
  /** the longest delay */
  maxMs: number;
  /** failures older than this are forgotten */
  windowMs: number;
};

const MINUTE = 60_000;
export const PAIR_THROTTLE: Throttle = { free: 3, baseMs: 1_000, maxMs: 15 * MINUTE, windowMs: 60 * MINUTE };
export const SOURCE_THROTTLE: Throttle = {
  free: 20,
  baseMs: 1_000,
  maxMs: 15 * MINUTE,
  windowMs: 60 * MINUTE,
};
export const ACCOUNT_THROTTLE: Throttle = {
  free: 10,
  baseMs: 1_000,
  maxMs: 15 * MINUTE,
  windowMs: 60 * MINUTE,
};

/** The delay owed after `failures` failures: 0 within the free ones, then doubling up to the ceiling. */
export function delayAfter(failures: number, t: Throttle): number {
  if (failures <= t.free) return 0;
  return Math.min(t.maxMs, t.baseMs * 2 ** Math.min(30, failures - t.free - 1));
}

const MAX_KEYS = 10_000;

/** Failures per key within a window, and the time until the key may try again. */
export class FailureCounter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly throttle: Throttle,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.throttle.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Milliseconds until the key may try again; 0 when it may now. */
  retryAfter(key: string): number {
    const list = this.recent(key);
    const wait = delayAfter(list.length, this.throttle);
    return wait === 0 ? 0 : Math.max(0, list[list.length - 1]! + wait - this.now());
  }

  fail(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    // Keep no more failures per key than the ceiling needs, and at most MAX_KEYS keys (oldest first out).
    if (list.length > this.throttle.free + 32) list.shift();
    this.failures.delete(key);
    this.failures.set(key, list);
    if (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

export class LoginLimiter {
  readonly pairs: FailureCounter;
  readonly sources: FailureCounter;
  readonly accounts: FailureCounter;
  /** account → sources that signed in to it (bounded), exempt from the account-wide delay */
  private readonly known = new Map<string, Set<string>>();
  constructor(
    now: () => number = Date.now,
    throttles = { pair: PAIR_THROTTLE, source: SOURCE_THROTTLE, account: ACCOUNT_THROTTLE },
  ) {
    this.pairs = new FailureCounter(throttles.pair, now);
    this.sources = new FailureCounter(throttles.source, now);
    this.accounts = new FailureCounter(throttles.account, now);
  }

  /** Milliseconds to wait before this account may be tried from this address; 0 when allowed. */
  retryAfter(email: string, ip: string): number {
    const account = this.known.get(email)?.has(ip) ? 0 : this.accounts.retryAfter(email);
    return Math.max(this.pairs.retryAfter(`${email}\n${ip}`), this.sources.retryAfter(ip), account);
  }

  failed(email: string, ip: string): void {
    this.pairs.fail(`${email}\n${ip}`);
    this.sources.fail(ip);
    this.accounts.fail(email);
  }

  succeeded(email: string, ip: string): void {
    this.pairs.clear(`${email}\n${ip}`);
    this.accounts.clear(email);
    const set = this.known.get(email) ?? new Set<string>();
    set.add(ip);
    if (set.size > 20) set.delete(set.values().next().value!);
    this.known.delete(email);
    this.known.set(email, set);
    if (this.known.size > MAX_KEYS) this.known.delete(this.known.keys().next().value!);
  }
}
