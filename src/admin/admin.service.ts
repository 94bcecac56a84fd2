/**
 * Administration in the browser (管理): the page that leads to every administrator's task, and the
 * municipality's settings (its name as every page, report and the public site show it), recorded in the history.
 */
import { z } from "zod";
import { record } from "../audit/audit.service.ts";
import { authorize, notFound } from "../core/errors.ts";
import { type Actor, canManageMunicipality } from "../core/policy.ts";
import { parseInput } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import * as repo from "./admin.repository.ts";

export type MunicipalitySettings = { code: string; name: string };

const settingsSchema = z.object({
  name: z.string().trim().min(1, "団体名を入力してください。").max(50, "団体名は50文字以内にしてください。"),
});

export async function municipalitySettings(db: DB, user: Actor): Promise<MunicipalitySettings> {
  authorize(canManageMunicipality(user, user), "団体の設定を変更できるのは管理者です。");
  const row = await repo.findMunicipality(db, user.municipalityCode);
  if (!row) throw notFound("団体が見つかりません。");
  return { code: row.municipality_code, name: row.name };
}

export async function changeMunicipalitySettings(db: DB, user: Actor, raw: unknown): Promise<void> {
  const before = await municipalitySettings(db, user);
  const input = parseInput(settingsSchema, raw);
  if (input.name === before.name) return;
  await db.transaction().execute(async (trx) => {
    await repo.setMunicipalityName(trx, user.municipalityCode, input.name);
    await record(trx, user, [
      { action: "municipality.update", subject: "団体名", before: before.name, after: input.name },
    ]);
  });
}
