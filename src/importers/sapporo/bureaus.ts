/**
 * 所管 cells of the Sapporo action plan: `総) 行政部、 デ) スマートシティ推進部 ほか`.
 * The prefix before `)` abbreviates the bureau (局). Chapter 3 has no legend of the abbreviations, so the
 * table below comes from the public list of Sapporo's bureaus (令和5年度の組織); every abbreviation used in
 * the seed is in it and confirmed by the department it prefixes (保) 保健所, 子) 児童相談所, 消) 予防部 …).
 */
export const BUREAUS: Readonly<Record<string, string>> = {
  危: "危機管理局",
  政: "まちづくり政策局",
  総: "総務局",
  デ: "デジタル戦略推進局",
  財: "財政局",
  市: "市民文化局",
  ス: "スポーツ局",
  保: "保健福祉局",
  子: "子ども未来局",
  経: "経済観光局",
  環: "環境局",
  都: "都市局",
  建: "建設局",
  下: "下水道河川局",
  水: "水道局",
  交: "交通局",
  病: "病院局",
  消: "消防局",
  教: "教育委員会",
};

export type DepartmentRef = {
  /** The bureau's name, or undefined for a department written without prefix (人事委員会事務局). */
  bureau?: string | undefined;
  /** The abbreviation as written when it is not in BUREAUS. */
  unknownAbbreviation?: string | undefined;
  name: string;
};

export type DepartmentCell = {
  refs: DepartmentRef[];
  /** `ほか`: the cell names only some of the departments. */
  others: boolean;
};

/** @example parseDepartments("総）行政部、 デ）情報システム部 ほか") → 2 refs, others: true */
export function parseDepartments(cell: string): DepartmentCell {
  let others = false;
  const refs: DepartmentRef[] = [];
  for (const raw of cell.normalize("NFKC").split(/[、,]/)) {
    let part = raw.trim();
    if (/\s*ほか$/.test(part)) {
      others = true;
      part = part.replace(/\s*ほか$/, "").trim();
    }
    if (part === "") continue;
    const m = /^(\S{1,2})\)\s*(.+)$/.exec(part);
    if (!m) {
      refs.push({ name: part });
      continue;
    }
    const abbreviation = m[1]!;
    const bureau = BUREAUS[abbreviation];
    refs.push(
      bureau ? { bureau, name: m[2]!.trim() } : { unknownAbbreviation: abbreviation, name: m[2]!.trim() },
    );
  }
  return { refs, others };
}

/** 局, 部, 所, 事務局 … from the name's ending. */
export function departmentKind(name: string): string | undefined {
  return /(事務局|委員会|局|部|所|室|課|センター)$/.exec(name)?.[1];
}
