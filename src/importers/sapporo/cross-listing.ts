/**
 * 再掲: the same item printed under two parents. The extraction spells the copies slightly differently
 * (`デジタルC o E` / `デジタルCDE`), so items are compared after normalisation with a small edit distance.
 * The first occurrence is the original (it also carries the footnotes that define its terms); the later one
 * keeps its place, title and 所管 and points to the original with crossListingOf, without its own indicator.
 */
import type { Finding } from "../../core/findings.ts";
import type { IndicatorInput } from "./indicators.ts";

export type Listed = {
  key: string;
  title: string;
  description?: string | undefined;
  line: number;
  crossListingOf?: string | undefined;
  indicators: IndicatorInput[];
};

/** NFKC, without spaces, brackets 「」 and footnote marks: what two copies of a title share. */
export function normalize(text: string): string {
  // Footnote marks first: NFKC would turn ¹⁸¹ into 181.
  return text
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, "")
    .normalize("NFKC")
    .replace(/[\s「」『』]/g, "");
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Equal but for a few characters the extraction misread (one in ten at most). */
export function nearlyEqual(a: string, b: string): boolean {
  const x = normalize(a);
  const y = normalize(b);
  return editDistance(x, y) <= Math.max(1, Math.floor(Math.max(x.length, y.length) / 10));
}

function valuesOf(item: Listed): string {
  const ind = item.indicators[0];
  return normalize([...(ind?.baselines ?? []), ...(ind?.targets ?? [])].map((v) => v.text).join("|"));
}

/** Marks later copies as 再掲 of the first; returns the findings. Items are in document order. */
export function markCrossListings(items: Listed[], file: string): Finding[] {
  const findings: Finding[] = [];
  const leaves = items.filter((i) => i.indicators.length > 0);
  for (const [n, copy] of leaves.entries()) {
    const original = leaves.slice(0, n).find((o) => o.crossListingOf === undefined && isCopy(o, copy));
    if (!original) continue;
    copy.crossListingOf = original.key;
    findings.push({
      file,
      line: copy.line,
      code: "item.cross-listing",
      subject: `取組「${copy.title}」`,
      message: `${original.key}（行 ${original.line}）の再掲として読みました。指標は元の取組にだけ置きます`,
      severity: "info",
    });
    if (copy.title !== original.title) {
      findings.push({
        file,
        line: copy.line,
        code: "item.cross-listing-differs",
        subject: `取組「${copy.title}」の題名`,
        expected: original.title,
        found: copy.title,
        message: "再掲の題名が元の取組と少し違います（抽出の読み誤りと見られます）",
        severity: "warning",
      });
    }
    copy.indicators = [];
    copy.description = undefined;
  }
  return findings;
}

function isCopy(original: Listed, copy: Listed): boolean {
  const a = original.indicators[0];
  const b = copy.indicators[0];
  return (
    a !== undefined &&
    b !== undefined &&
    nearlyEqual(original.title, copy.title) &&
    nearlyEqual(a.name, b.name) &&
    valuesOf(original) === valuesOf(copy)
  );
}

/**
 * Two different items measured by the same indicator (1-III-2 and 1-III-3 share one): worth a look, and
 * when only one copy has values the other probably lost them in the extraction.
 */
export function sharedIndicators(items: Listed[], file: string): Finding[] {
  const findings: Finding[] = [];
  const leaves = items.filter((i) => i.indicators.length > 0 && i.crossListingOf === undefined);
  for (const [n, later] of leaves.entries()) {
    const earlier = leaves
      .slice(0, n)
      .find((e) => normalize(e.indicators[0]!.name) === normalize(later.indicators[0]!.name));
    if (!earlier) continue;
    const a = valuesOf(earlier);
    const b = valuesOf(later);
    findings.push({
      file,
      line: later.line,
      code: "indicator.shared",
      subject: `指標「${later.indicators[0]!.name}」`,
      message:
        a === b
          ? `取組 ${earlier.key}（行 ${earlier.line}）と ${later.key} が同じ名前の指標・同じ値を使っています`
          : `取組 ${earlier.key}（行 ${earlier.line}）と ${later.key} が同じ名前の指標を使い、値が違います`,
      expected: a === b ? undefined : describe(earlier),
      found: a === b ? undefined : describe(later),
      severity: "info",
    });
  }
  return findings;
}

function describe(item: Listed): string {
  const ind = item.indicators[0]!;
  const text = (vs: { text: string }[] | undefined) => vs?.map((v) => v.text || "（なし）").join("、") ?? "";
  return `${item.key}: ${text(ind.baselines)} → ${text(ind.targets)}`;
}
