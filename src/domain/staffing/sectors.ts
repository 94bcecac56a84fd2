/**
 * 部門: the 16 sectors of the national staffing survey (地方公共団体定員管理調査) for municipalities, and the
 * subtotals its diagnosis table (定員管理診断表) prints. Kept as data: code reads the scheme, never names a
 * sector. The survey also has 警察 (prefectures only), which municipalities never staff.
 */

export type Account = "普通会計" | "公営企業等会計";

export type Sector = {
  /** The name as the survey prints it; the identifier in documents and the database. */
  name: string;
  account: Account;
  /** 一般行政 / 特別行政 (教育, 消防) / 公営企業等 */
  division: "一般行政" | "特別行政" | "公営企業等";
  /** 福祉関係 (民生, 衛生) inside 一般行政 */
  welfare: boolean;
  /** Other spellings seen in documents (after spaces are removed). */
  aliases: string[];
};

/** A subtotal row: the sum of its parts (sectors or other subtotals). */
export type SectorTotal = {
  name: string;
  parts: string[];
  /**
   * Whether the peer comparison applies: the diagnosis compares 普通会計 only, since the public
   * enterprises (病院, 水道 …) differ too much between municipalities.
   */
  compared: boolean;
};

export type SectorScheme = {
  id: string;
  name: string;
  sectors: Sector[];
  totals: SectorTotal[];
  /** Row order of the diagnosis table: sector and subtotal names. */
  layout: string[];
};

const s = (
  name: string,
  account: Account,
  division: Sector["division"],
  welfare = false,
  aliases: string[] = [],
): Sector => ({ name, account, division, welfare, aliases });

export const NATIONAL_SECTOR_SCHEME: SectorScheme = {
  id: "teiin-kanri-chosa",
  name: "地方公共団体定員管理調査の部門（市区町村）",
  sectors: [
    s("議会", "普通会計", "一般行政"),
    s("総務・企画", "普通会計", "一般行政", false, ["総務企画", "総務"]),
    s("税務", "普通会計", "一般行政"),
    s("民生", "普通会計", "一般行政", true),
    s("衛生", "普通会計", "一般行政", true),
    s("労働", "普通会計", "一般行政"),
    s("農林水産", "普通会計", "一般行政"),
    s("商工", "普通会計", "一般行政"),
    s("土木", "普通会計", "一般行政"),
    s("教育", "普通会計", "特別行政"),
    s("消防", "普通会計", "特別行政"),
    s("病院", "公営企業等会計", "公営企業等"),
    s("水道", "公営企業等会計", "公営企業等"),
    s("下水道", "公営企業等会計", "公営企業等"),
    s("交通", "公営企業等会計", "公営企業等"),
    s("その他", "公営企業等会計", "公営企業等", false, ["その他会計"]),
  ],
  totals: [
    {
      name: "一般行政計",
      parts: ["議会", "総務・企画", "税務", "民生", "衛生", "労働", "農林水産", "商工", "土木"],
      compared: true,
    },
    { name: "普通会計計", parts: ["一般行政計", "教育", "消防"], compared: true },
    { name: "公営企業等会計計", parts: ["病院", "水道", "下水道", "交通", "その他"], compared: false },
    { name: "合計", parts: ["普通会計計", "公営企業等会計計"], compared: false },
  ],
  layout: [
    "議会",
    "総務・企画",
    "税務",
    "民生",
    "衛生",
    "労働",
    "農林水産",
    "商工",
    "土木",
    "一般行政計",
    "教育",
    "消防",
    "普通会計計",
    "病院",
    "水道",
    "下水道",
    "交通",
    "その他",
    "公営企業等会計計",
    "合計",
  ],
};

export const SECTOR_SCHEMES: SectorScheme[] = [NATIONAL_SECTOR_SCHEME];

/** Removes the spaces documents put between characters (「総 務 ・ 企 画」, 「農 林 水 産」). */
export function compactLabel(label: string): string {
  return label.replace(/[\s\u3000]+/g, "").normalize("NFKC");
}

const TOTAL_ALIASES: Record<string, string> = {
  一般行政部門: "一般行政計",
  一般行政: "一般行政計",
  普通会計: "普通会計計",
  普通会計部門: "普通会計計",
  公営企業等会計: "公営企業等会計計",
  公営企業等会計部門: "公営企業等会計計",
  計: "合計",
};

/**
 * The sector a label names, or null. Spaces and full-width forms are ignored.
 * @example findSector(NATIONAL_SECTOR_SCHEME, "総 務 ・ 企 画")?.name === "総務・企画"
 */
export function findSector(scheme: SectorScheme, label: string): Sector | null {
  const c = compactLabel(label);
  return scheme.sectors.find((x) => compactLabel(x.name) === c || x.aliases.includes(c)) ?? null;
}

/** @example findSectorTotal(NATIONAL_SECTOR_SCHEME, "普通会計")?.name === "普通会計計" */
export function findSectorTotal(scheme: SectorScheme, label: string): SectorTotal | null {
  const c = compactLabel(label);
  const name = TOTAL_ALIASES[c] ?? c;
  return scheme.totals.find((t) => compactLabel(t.name) === name) ?? null;
}

export function sectorScheme(id: string): SectorScheme | null {
  return SECTOR_SCHEMES.find((x) => x.id === id) ?? null;
}

/** The sectors a subtotal covers, however deep its parts go. */
export function sectorsOf(scheme: SectorScheme, total: string): string[] {
  const t = scheme.totals.find((x) => x.name === total);
  if (!t) return scheme.sectors.some((x) => x.name === total) ? [total] : [];
  return t.parts.flatMap((p) => sectorsOf(scheme, p));
}
