/**
 * 類似団体: the peer groups of the national survey 「類似団体別職員数の状況」 (総務省). Cities other than
 * 指定都市・中核市・施行時特例市 (一般市) fall into 16 groups by population band × industry structure,
 * towns and villages (町村) into 15. Population is the 住民基本台帳 population on 1 January of the survey
 * year; industry structure is the share of employed people by sector from the latest census (国勢調査).
 * The bands and thresholds are data; every classification keeps the scheme and the base year it used.
 */
import { ratio } from "./exact.ts";

export type MunicipalityKind = "city" | "town";

export type PopulationBand = { label: string; min: number; below?: number };

/**
 * An industry type: conditions on the share of secondary+tertiary industry and of tertiary industry,
 * in percent (≥ min, < below).
 */
export type IndustryType = {
  code: string;
  label: string;
  secondaryTertiary: { min?: number; below?: number };
  tertiary: { min?: number; below?: number };
};

export type PeerScheme = {
  id: string;
  name: string;
  kind: MunicipalityKind;
  kindLabel: string;
  populationBands: PopulationBand[];
  industryTypes: IndustryType[];
};

export const CITY_PEER_SCHEME: PeerScheme = {
  id: "ruiji-shokuin-city",
  name: "類似団体別職員数の状況（一般市 16類型）",
  kind: "city",
  kindLabel: "一般市",
  populationBands: [
    { label: "I", min: 0, below: 50_000 },
    { label: "II", min: 50_000, below: 100_000 },
    { label: "III", min: 100_000, below: 150_000 },
    { label: "IV", min: 150_000 },
  ],
  industryTypes: [
    {
      code: "3",
      label: "Ⅱ次・Ⅲ次90%以上、Ⅲ次65%以上",
      secondaryTertiary: { min: 90 },
      tertiary: { min: 65 },
    },
    {
      code: "2",
      label: "Ⅱ次・Ⅲ次90%以上、Ⅲ次65%未満",
      secondaryTertiary: { min: 90 },
      tertiary: { below: 65 },
    },
    {
      code: "1",
      label: "Ⅱ次・Ⅲ次90%未満、Ⅲ次55%以上",
      secondaryTertiary: { below: 90 },
      tertiary: { min: 55 },
    },
    {
      code: "0",
      label: "Ⅱ次・Ⅲ次90%未満、Ⅲ次55%未満",
      secondaryTertiary: { below: 90 },
      tertiary: { below: 55 },
    },
  ],
};

export const TOWN_PEER_SCHEME: PeerScheme = {
  id: "ruiji-shokuin-town",
  name: "類似団体別職員数の状況（町村 15類型）",
  kind: "town",
  kindLabel: "町村",
  populationBands: [
    { label: "I", min: 0, below: 5_000 },
    { label: "II", min: 5_000, below: 10_000 },
    { label: "III", min: 10_000, below: 15_000 },
    { label: "IV", min: 15_000, below: 20_000 },
    { label: "V", min: 20_000 },
  ],
  industryTypes: [
    {
      code: "2",
      label: "Ⅱ次・Ⅲ次80%以上、Ⅲ次60%以上",
      secondaryTertiary: { min: 80 },
      tertiary: { min: 60 },
    },
    {
      code: "1",
      label: "Ⅱ次・Ⅲ次80%以上、Ⅲ次60%未満",
      secondaryTertiary: { min: 80 },
      tertiary: { below: 60 },
    },
    { code: "0", label: "Ⅱ次・Ⅲ次80%未満", secondaryTertiary: { below: 80 }, tertiary: {} },
  ],
};

export const PEER_SCHEMES: PeerScheme[] = [CITY_PEER_SCHEME, TOWN_PEER_SCHEME];

export function peerScheme(idOrKind: string): PeerScheme | null {
  return PEER_SCHEMES.find((s) => s.id === idOrKind || s.kind === idOrKind) ?? null;
}

/** Employed people by sector (第1次・第2次・第3次産業就業者数; 分類不能 left out), or the shares in percent. */
export type IndustryStructure =
  | { primary: number; secondary: number; tertiary: number }
  | { secondaryTertiaryPercent: number; tertiaryPercent: number };

export type PeerGroup = {
  scheme: string;
  kind: MunicipalityKind;
  /** "II-3" */
  group: string;
  /** "Ⅱ－３", as national spreadsheets print it */
  fullWidth: string;
  band: PopulationBand;
  industry: IndustryType;
};

/** Whether value/total·100 satisfies { min, below } exactly (counts compared as integers, no float). */
function within(part: number, total: number, cond: { min?: number; below?: number }): boolean {
  const share = ratio(Math.round(part * 1e6), Math.round(total * 1e6));
  const ge = (pct: number) => {
    const p = ratio(Math.round(pct * 1e6), 100_000_000);
    return share.num * p.den >= p.num * share.den;
  };
  if (cond.min !== undefined && !ge(cond.min)) return false;
  if (cond.below !== undefined && ge(cond.below)) return false;
  return true;
}

/**
 * The peer group of a municipality.
 * @example classifyPeerGroup(CITY_PEER_SCHEME, 97_999, { secondaryTertiaryPercent: 97, tertiaryPercent: 80 }).group === "II-3"
 */
export function classifyPeerGroup(
  scheme: PeerScheme,
  population: number,
  industry: IndustryStructure,
): PeerGroup {
  if (!(population > 0)) throw new RangeError(`人口は正の数でなければなりません（${population}）`);
  const band = scheme.populationBands.find(
    (b) => population >= b.min && (b.below === undefined || population < b.below),
  )!;
  const [st, t, total] =
    "primary" in industry
      ? [
          industry.secondary + industry.tertiary,
          industry.tertiary,
          industry.primary + industry.secondary + industry.tertiary,
        ]
      : [industry.secondaryTertiaryPercent, industry.tertiaryPercent, 100];
  if (!(total > 0)) throw new RangeError("就業者数の合計が 0 です");
  const type = scheme.industryTypes.find(
    (it) => within(st, total, it.secondaryTertiary) && within(t, total, it.tertiary),
  );
  if (!type) throw new Error(`産業構造の区分が決まりません（Ⅱ次・Ⅲ次 ${st}、Ⅲ次 ${t}、計 ${total}）`);
  const group = `${band.label}-${type.code}`;
  return {
    scheme: scheme.id,
    kind: scheme.kind,
    group,
    fullWidth: fullWidthGroup(group),
    band,
    industry: type,
  };
}

const ROMAN: Record<string, string> = { I: "Ⅰ", II: "Ⅱ", III: "Ⅲ", IV: "Ⅳ", V: "Ⅴ" };

/** @example fullWidthGroup("II-3") === "Ⅱ－３" */
export function fullWidthGroup(group: string): string {
  const [band = "", type = ""] = group.split("-");
  return `${ROMAN[band] ?? band}－${type.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}`;
}

/**
 * A group label as printed anywhere ("Ⅱ－３", "II-3", "Ⅱ-3", "ＩＩ－３") → "II-3"; null if it is none.
 * @example parseGroupLabel("Ⅱ－３") === "II-3"
 */
export function parseGroupLabel(label: string): string | null {
  const t = label
    .normalize("NFKC")
    .replace(/[‐‑‒–—―−ー－]/g, "-")
    .replace(/\s+/g, "");
  const m = /^(IV|V|I{1,3})-([0-3])$/.exec(t);
  return m ? `${m[1]}-${m[2]}` : null;
}
