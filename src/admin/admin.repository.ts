/** SQL of the municipality's settings. */
import { type Q, scoped } from "../db/tenant.ts";

export async function findMunicipality(q: Q, code: string) {
  return scoped(q, code)
    .selectFrom("municipalities")
    .select(["municipality_code", "name"])
    .executeTakeFirst();
}

export async function setMunicipalityName(q: Q, code: string, name: string): Promise<void> {
  await scoped(q, code).updateTable("municipalities").set({ name }).execute();
}
