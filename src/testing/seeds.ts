/** Where the seed documents are: ../shared/seeds beside the repository, or GYOKAKU_SEEDS. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, seedsDir } from "../demo/seeds.ts";

/** The path of the seed whose name starts with prefix ("000_"), or null when the seeds are absent. */
export function seedPath(prefix: string): string | null {
  const dir = seedsDir();
  if (!dir) return null;
  const name = readdirSync(dir).find((f) => f.startsWith(prefix));
  return name ? join(dir, name) : null;
}

export function readSeed(prefix: string): { path: string; text: string } | null {
  const path = seedPath(prefix);
  return path ? { path, text: readFileSync(path, "utf8") } : null;
}

/**
 * For node:test: `test("…", { skip: seedsSkip("000_") }, …)` is skipped with the reason when the seed is
 * absent — unless GYOKAKU_REQUIRE_ALL=1 (CI, which has the seeds): there a missing seed is an error.
 */
export function seedsSkip(prefix: string): string | false {
  if (seedPath(prefix)) return false;
  const reason = `seed ${prefix}… not found in ../shared/seeds (set GYOKAKU_SEEDS)`;
  if (process.env.GYOKAKU_REQUIRE_ALL === "1") throw new Error(`GYOKAKU_REQUIRE_ALL=1 and ${reason}`);
  return reason;
}

export { repoRoot, seedsDir };
