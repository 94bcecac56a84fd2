/** Where the seed documents are: ../shared/seeds beside the repository, or GYOKAKU_SEEDS. */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function seedsDir(): string | null {
  const dir = process.env.GYOKAKU_SEEDS ?? join(repoRoot, "..", "shared", "seeds");
  return existsSync(dir) ? dir : null;
}

export function seedFiles(): string[] {
  const dir = seedsDir();
  return dir
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .map((f) => join(dir, f))
    : [];
}
