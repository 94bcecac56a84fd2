// Makes the bundled demo data (src/demo/data/*.json) from the seed documents: npm run demo:data
// The project may hold facts and figures from the seeds (names, numbers, structure) but not their prose,
// so descriptions, texts, narratives and activity texts are left out.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Item, PlanDocument } from "../src/core/plan-document/schema.ts";
import { parseStaffingDocument } from "../src/core/staffing-document/index.ts";
import { demoDir, demoStaffingDir, seedDocuments, seedStaffingDocuments } from "../src/demo/demo.service.ts";

function stripItem(item: Item): Item {
  const { description: _d, ...rest } = item;
  return {
    ...rest,
    texts: {},
    // Attributes are short facts (手法: フォアキャスト), but some readers keep cells as written there: keep the short ones.
    attributes: Object.fromEntries(Object.entries(item.attributes).filter(([, v]) => v.length <= 20)),
    progress: item.progress.map(({ narrative: _n, nextYearPlan: _p, ...p }) => p),
    activities: item.activities.map((a) => ({ ...a, text: "" })),
    children: item.children.map(stripItem),
  };
}

function strip(doc: PlanDocument): PlanDocument {
  return {
    ...doc,
    plan: { ...doc.plan, title: `${doc.plan.title}（デモ）` },
    items: doc.items.map(stripItem),
  };
}

const seeds = seedDocuments();
if (!seeds) {
  console.error("../shared/seeds が見つかりません（GYOKAKU_SEEDS で指定できます）");
  process.exit(1);
}
mkdirSync(demoDir, { recursive: true });
for (const f of readdirSync(demoDir)) if (f.endsWith(".json")) rmSync(join(demoDir, f));
for (const doc of seeds.documents) {
  const file = join(demoDir, `${doc.municipality.code}-${doc.plan.key}.json`);
  writeFileSync(file, `${JSON.stringify(strip(doc), null, 1)}\n`);
  console.log(`wrote ${file}`);
}

// Staffing documents hold figures and short labels only: kept whole.
mkdirSync(demoStaffingDir, { recursive: true });
for (const f of readdirSync(demoStaffingDir)) if (f.endsWith(".json")) rmSync(join(demoStaffingDir, f));
for (const raw of seedStaffingDocuments()?.documents ?? []) {
  const doc = parseStaffingDocument(raw);
  const file = join(demoStaffingDir, `${doc.municipality.code}-staffing.json`);
  writeFileSync(file, `${JSON.stringify(doc, null, 1)}\n`);
  console.log(`wrote ${file}`);
}
