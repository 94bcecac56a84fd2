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

/** For node:test: `test("…", { skip: seedsSkip("000_") }, …)` is skipped with the reason when the seed is absent. */
export function seedsSkip(prefix: string): string | false {
  return seedPath(prefix) ? false : `seed ${prefix}… not found in ../shared/seeds (set GYOKAKU_SEEDS)`;
}

export { repoRoot, seedsDir };
