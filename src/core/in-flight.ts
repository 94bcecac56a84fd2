/**
 * Concurrent requests for the same thing share one piece of work: the first caller starts it, callers that come
 * while it runs get the same promise, and the next caller after it settled starts a new one. Nothing is kept
 * beyond the work's own run, so an answer is never older than the moment its work started (under 32 concurrent
 * readers of a public page, one look-up answers all that arrived while it ran, instead of 32 look-ups in a queue).
 * Keys are per owner (e.g. the database handle), so two databases in one process never share work.
 */
export function inFlight<O extends object, V>(): (
  owner: O,
  key: string,
  work: () => Promise<V>,
) => Promise<V> {
  const running = new WeakMap<O, Map<string, Promise<V>>>();
  return (owner, key, work) => {
    let mine = running.get(owner);
    if (!mine) {
      mine = new Map();
      running.set(owner, mine);
    }
    const found = mine.get(key);
    if (found) return found;
    const started = work().finally(() => mine.delete(key));
    mine.set(key, started);
    return started;
  };
}
