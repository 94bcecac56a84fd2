/**
 * `gyokaku backup --out FILE` and `gyokaku restore FILE [--replace]`: thin adapters over the backup service
 * (src/backup/). The whole database, every municipality; the format is described in src/backup/backup.format.ts.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import { backupToFile, restoreFromFile } from "../../backup/backup.service.ts";
import { notFound, usage } from "../../core/errors.ts";
import { databaseOptionsFromEnv } from "../../db/database.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";
import type { CommandIo } from "../io.ts";

const count = (n: number) => n.toLocaleString("ja-JP");

/** A backup never creates an empty embedded database where none was (a mistyped or forgotten --data). */
function refuseMissingDataDirectory(data: string | undefined): void {
  const options = databaseOptionsFromEnv(data);
  if (options.kind === "pglite" && options.dataDir && !existsSync(options.dataDir))
    throw notFound(
      `データディレクトリ ${options.dataDir} がありません。サーバーと同じデータディレクトリを --data で指定してください。`,
    );
}

export async function backupCommand(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parse(argv, { out: { type: "string" }, data: { type: "string" } });
  if (!values.out)
    throw usage("--out FILE が必要です（例: gyokaku backup --out gyokaku-2026-12-07.jsonl.gz）");
  const out = values.out;
  // Written beside the file and renamed when complete: a backup cut short never takes the file's name.
  const partial = `${out}.partial`;
  refuseMissingDataDirectory(values.data);
  await withDatabase(values.data, async (db, open) => {
    try {
      const header = await backupToFile(db, "all", partial);
      renameSync(partial, out);
      const rows = header.tables.reduce((n, t) => n + t.rows, 0);
      io.error(
        `書き出しました: ${out}（${open.describe}、団体 ${header.municipalities.length}、表 ${header.tables.length}、${count(rows)} 行、形式 第${header.version}版）`,
      );
    } catch (e) {
      rmSync(partial, { force: true });
      throw e;
    }
  });
}

export async function restoreCommand(argv: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parse(argv, { replace: { type: "boolean" }, data: { type: "string" } });
  const [file, ...more] = positionals;
  if (!file || more.length > 0)
    throw usage("復元するバックアップファイルを一つ指定してください: gyokaku restore FILE");
  if (!existsSync(file)) throw notFound(`${file}: ファイルがありません`);
  await withDatabase(values.data, async (db, open) => {
    io.error(`${file} を ${open.describe} に復元します（すべてを一つのトランザクションで）…`);
    const result = await restoreFromFile(db, file, {
      replace: values.replace === true,
      onProgress: (p) => {
        if (p.done === p.rows) io.error(`  ${p.table}: ${count(p.rows)} 行`);
      },
    });
    const h = result.header;
    io.log(
      `復元しました: ${h.municipalities.map((m) => `${m.code} ${m.name}`).join("、")}（表 ${result.tables.length}、${count(result.rows)} 行、${h.created} に gyokaku ${h.gyokaku} で作成）`,
    );
  });
}
