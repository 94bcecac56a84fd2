/**
 * Tests that need a program of the system (Chromium for PDF and the browser tests, LibreOffice Calc for the
 * CSV check). Where the program is absent the test is skipped with the reason and the command that installs
 * it. CI sets GYOKAKU_REQUIRE_ALL=1: there a missing program fails the test file instead, so CI never skips.
 */
import { spawnSync } from "node:child_process";
import { findChromium } from "../core/pdf/chromium.ts";

type Program = "chromium" | "libreoffice";

const INSTALL: Record<Program, string> = {
  chromium:
    "apt-get install chromium（Debian/Ubuntu）、dnf install chromium（RHEL, EPEL）、または CHROMIUM_PATH",
  libreoffice:
    "apt-get install libreoffice-calc（Debian/Ubuntu）、dnf install libreoffice-calc（RHEL）、または SOFFICE",
};

function missing(program: Program): string | null {
  if (program === "chromium") {
    const found = findChromium();
    return found.ok ? null : found.problem;
  }
  const soffice = process.env.SOFFICE ?? "soffice";
  return spawnSync(soffice, ["--version"], { encoding: "utf8" }).status === 0
    ? null
    : `${soffice} がありません`;
}

export const requireAll = () => process.env.GYOKAKU_REQUIRE_ALL === "1";

/**
 * For node:test's `skip`: false when the program is there; the reason and the install command when it is
 * not — or, with GYOKAKU_REQUIRE_ALL=1, an error instead of a skip.
 */
export function needs(program: Program): string | false {
  const problem = missing(program);
  if (!problem) return false;
  const reason = `${program} is not installed: ${problem} — install: ${INSTALL[program]}`;
  if (requireAll()) throw new Error(`GYOKAKU_REQUIRE_ALL=1 and ${reason}`);
  return reason;
}
