/** A fingerprint of a list of changes: what a preview showed is what is stored, or the import is refused. */
import { createHash } from "node:crypto";
import { content, type PlanChange } from "./diff.ts";

export function changesDigest(changes: readonly PlanChange[]): string {
  return createHash("sha256").update(content(changes)).digest("hex").slice(0, 32);
}
