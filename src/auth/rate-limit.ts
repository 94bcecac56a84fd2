/**
 * Login rate limiting, per account and per IP address, kept in memory.
 * Why memory and not the database: gyokaku is one process (PGlite even allows only one), failed attempts for
 * unknown addresses and IPs belong to no municipality (every table is keyed by one), and an attacker should
 * not be able to make the database write on every guess. A restart forgets the counts; that gives an attacker
 * one more window at most, and restarts are not theirs to trigger. Run several processes behind a balancer
 * and each counts on its own: the limits then multiply by the number of processes.
 */
export type Limit = { max: number; windowMs: number };

export const ACCOUNT_LIMIT: Limit = { max: 5, windowMs: 15 * 60_000 };
export const IP_LIMIT: Limit = { max: 20, windowMs: 15 * 60_000 };

/** Failures within a sliding window; a key with `max` failures is refused until the oldest one ages out. */
export class FailureCounter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit: Limit,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.limit.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Milliseconds until the key may try again; 0 when it may now. */
  retryAfter(key: string): number {
    const list = this.recent(key);
    if (list.length < this.limit.max) return 0;
    return list[list.length - this.limit.max]! + this.limit.windowMs - this.now();
  }

  fail(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.failures.set(key, list);
    // Bound the memory an attacker can make us use: forget the oldest keys beyond 10,000.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

export class LoginLimiter {
  readonly accounts: FailureCounter;
  readonly ips: FailureCounter;
  constructor(now: () => number = Date.now, account = ACCOUNT_LIMIT, ip = IP_LIMIT) {
    this.accounts = new FailureCounter(account, now);
    this.ips = new FailureCounter(ip, now);
  }

  /** Milliseconds to wait before this account may be tried from this address; 0 when allowed. */
  retryAfter(email: string, ip: string): number {
    return Math.max(this.accounts.retryAfter(email), this.ips.retryAfter(ip));
  }

  failed(email: string, ip: string): void {
    this.accounts.fail(email);
    this.ips.fail(ip);
  }

  succeeded(email: string): void {
    this.accounts.clear(email);
  }
}
