/** Pages of plan editing: the plan's structure, and one item with its indicators and targets. */

import type { Item } from "../core/plan-document/schema.ts";
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  fieldId,
  Notice,
  PostButton,
  SelectField,
  TextArea,
  TextField,
} from "../core/ui/forms.tsx";
import { HistoryList } from "../core/ui/history.tsx";
import { Layout } from "../core/ui/layout.tsx";
import type { ItemEditor, PlanEditor, Preview } from "./editing.service.ts";
import type { EffectTargetPreview } from "./effect-target.service.ts";
import { EffectTargetForm } from "./effect-target-form.tsx";
import { effectValues, FiscalEffectPanel, PlannedValuesForm } from "./effects-form.tsx";
import { IndicatorForm } from "./indicator-form.tsx";
import { STYLE_LABELS } from "./numbering.ts";
import { TargetForm } from "./target-form.tsx";

const label = (i: { number?: string | undefined; title: string }) => `${i.number ?? ""} ${i.title}`.trim();
const editHref = (planId: string, key: string) => `/plans/${planId}/items/${encodeURIComponent(key)}/edit`;

function parentOptions(e: PlanEditor, exclude?: string) {
  const excluded = new Set<string>();
  if (exclude) {
    // the item itself and everything below it
    let inside = false;
    let depth = 0;
    for (const o of e.outline) {
      if (o.key === exclude) {
        inside = true;
        depth = o.depth;
        excluded.add(o.key);
        continue;
      }
      if (inside && o.depth > depth) excluded.add(o.key);
      else inside = false;
    }
  }
  return [
    { value: "", label: "（最上位）" },
    ...e.outline
      .filter((o) => !excluded.has(o.key))
      .map((o) => ({ value: o.key, label: `${"　".repeat(o.depth)}${o.label}` })),
  ];
}

const styleOptions = Object.entries(STYLE_LABELS).map(([value, l]) => ({ value, label: l }));

function TreeEditor({ e, items }: { e: PlanEditor; items: Item[] }) {
  return (
    <ul class="tree">
      {items.map((i, n) => (
        <li class="item">
          <div class="item-head">
            <a href={editHref(e.planId, i.key)}>{label(i)}</a>{" "}
            {n > 0 && (
              <PostButton
                action={`/plans/${e.planId}/items/${encodeURIComponent(i.key)}/move`}
                label="上へ"
                ariaLabel={`「${label(i)}」を上へ`}
                hidden={{ version: e.version, direction: "up" }}
                small
              />
            )}
            {n < items.length - 1 && (
              <PostButton
                action={`/plans/${e.planId}/items/${encodeURIComponent(i.key)}/move`}
                label="下へ"
                ariaLabel={`「${label(i)}」を下へ`}
                hidden={{ version: e.version, direction: "down" }}
                small
              />
            )}
          </div>
          {i.children.length > 0 && <TreeEditor e={e} items={i.children} />}
        </li>
      ))}
    </ul>
  );
}

export function PlanEditPage({
  e,
  errors = {},
  values = {},
  posted,
  notice,
  targetPreview,
}: {
  e: PlanEditor;
  errors?: FieldErrors;
  values?: Record<string, string | string[]>;
  posted?: "add" | "renumber" | "effect-target" | undefined;
  notice?: string | undefined;
  targetPreview?: EffectTargetPreview | undefined;
}) {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  return (
    <Layout
      title={`計画の編集: ${e.doc.plan.title}`}
      breadcrumbs={[
        { href: "/", label: "計画の一覧" },
        { href: `/plans/${e.planId}`, label: e.doc.plan.title },
      ]}
    >
      <ErrorSummary errors={errors} />
      <h1>計画の編集: {e.doc.plan.title}</h1>
      {notice && <Notice>{notice}</Notice>}
      <p class="lead">
        項目の追加・移動・番号の振り直し・名称の変更と、指標・目標の追加ができます。変更はすべて履歴に残ります。
        「上へ」「下へ」は兄弟の中での順番を一つ動かします。項目名を選ぶと、その項目を編集できます。
      </p>
      <ul class="jump-links">
        <li>
          <a href="#add-title">項目を追加</a>
        </li>
        <li>
          <a href="#renumber-title">番号を振り直す</a>
        </li>
        <li>
          <a href="#effect-target-title">財政効果額の目標</a>
        </li>
      </ul>
      <h2>計画の体系</h2>
      <TreeEditor e={e} items={e.doc.items} />
      <section aria-labelledby="add-title">
        <h2 id="add-title">項目を追加</h2>
        <form method="post" action={`/plans/${e.planId}/items`} novalidate class="narrow">
          <CsrfField />
          <input type="hidden" name="version" value={String(e.version)} />
          <SelectField
            name="parent"
            label="親項目"
            value={posted === "add" ? v("parent") : ""}
            options={parentOptions(e)}
            error={posted === "add" ? errors.parent : undefined}
          />
          <TextField
            name="number"
            label="番号"
            hint="例: ①、(3)、4"
            value={posted === "add" ? v("number") : ""}
            error={posted === "add" ? errors.number : undefined}
            size={8}
          />
          <TextField
            name="title"
            label="名称"
            value={posted === "add" ? v("title") : ""}
            error={posted === "add" ? errors.title : undefined}
          />
          <TextArea
            name="description"
            label="取組内容（任意）"
            value={posted === "add" ? v("description") : ""}
            rows={3}
            error={posted === "add" ? errors.description : undefined}
          />
          <fieldset class="field" id={fieldId("departments")}>
            <legend>所管課（照会の対象にするには一つ以上）</legend>
            <div class="checkboxes">
              {e.departments.map((d, i) => (
                <div class="checkbox">
                  <input
                    type="checkbox"
                    id={`add-dept-${i}`}
                    name="departments"
                    value={d.key}
                    checked={
                      posted === "add" &&
                      Array.isArray(values.departments) &&
                      values.departments.includes(d.key)
                    }
                  />
                  <label for={`add-dept-${i}`}>{d.name}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <button type="submit" class="button button-primary">
            項目を追加する
          </button>
        </form>
      </section>
      <section aria-labelledby="renumber-title">
        <h2 id="renumber-title">番号を振り直す</h2>
        <form method="post" action={`/plans/${e.planId}/renumber`} novalidate class="narrow">
          <CsrfField />
          <input type="hidden" name="version" value={String(e.version)} />
          <p class="hint">選んだ項目の直下の項目に、いまの順番どおり番号を付け直します。</p>
          <SelectField
            name="renumberParent"
            label="どの項目の下を振り直すか"
            options={parentOptions(e)}
            value={posted === "renumber" ? v("renumberParent") : ""}
          />
          <SelectField
            name="style"
            label="番号の形式"
            options={styleOptions}
            value={posted === "renumber" ? v("style") : "circled"}
            error={posted === "renumber" ? errors.style : undefined}
          />
          <button type="submit" class="button button-secondary">
            番号を振り直す
          </button>
        </form>
      </section>
      <EffectTargetForm
        planId={e.planId}
        version={e.version}
        stored={e.doc.plan.fiscalEffectTarget}
        values={posted === "effect-target" ? (values as Record<string, string>) : undefined}
        errors={posted === "effect-target" ? errors : {}}
        preview={targetPreview}
      />
    </Layout>
  );
}

export type ItemPosted = {
  form: "update" | "move" | "indicator" | "target" | "effect" | "planned";
  values: Record<string, string>;
  errors: FieldErrors;
  preview?: Preview | undefined;
};

export function ItemEditPage({
  e,
  posted,
  notice,
  effect,
}: {
  e: ItemEditor;
  posted?: ItemPosted | undefined;
  notice?: string | undefined;
  /** the stored 財政効果額 to change (`2025-expenditure_reduction`), put into its form */
  effect?: string | undefined;
}) {
  const item = e.item;
  const p = (form: ItemPosted["form"]) => (posted?.form === form ? posted : undefined);
  const val = (form: ItemPosted["form"], k: string, fallback = "") => p(form)?.values[k] ?? fallback;
  const err = (form: ItemPosted["form"], k: string) => p(form)?.errors[k];
  const base = `/plans/${e.planId}/items/${encodeURIComponent(item.key)}`;
  const period = { start: e.doc.plan.periodStart, end: e.doc.plan.periodEnd };
  const planned = p("planned");
  const targetChoices = item.indicators.flatMap((ind) =>
    (ind.series.length > 0 ? ind.series : [""]).map((s) => ({
      value: JSON.stringify([ind.key, s]),
      label: `${ind.name}${s ? `（${s}）` : ""}`,
    })),
  );
  return (
    <Layout
      title={`項目の編集: ${label(item)}`}
      breadcrumbs={[
        { href: "/", label: "計画の一覧" },
        { href: `/plans/${e.planId}`, label: e.doc.plan.title },
        { href: `/plans/${e.planId}/edit`, label: "計画の編集" },
      ]}
    >
      <ErrorSummary errors={posted?.errors ?? {}} />
      <h1>項目の編集: {label(item)}</h1>
      {notice && <Notice>{notice}</Notice>}
      {e.path.length > 0 && <p class="lead">{e.path.map(label).join(" › ")}</p>}

      <section class="panel" aria-labelledby="update-title">
        <h2 id="update-title">名称と番号</h2>
        <form method="post" action={base} novalidate>
          <CsrfField />
          <input type="hidden" name="version" value={String(e.version)} />
          <TextField
            name="number"
            label="番号"
            value={val("update", "number", item.number ?? "")}
            error={err("update", "number")}
            size={8}
          />
          <TextField
            name="title"
            label="名称"
            value={val("update", "title", item.title)}
            error={err("update", "title")}
          />
          <TextArea
            name="description"
            label="取組内容"
            value={val("update", "description", item.description ?? "")}
            rows={4}
            error={err("update", "description")}
          />
          <button type="submit" class="button button-primary">
            保存する
          </button>
        </form>
      </section>

      <section class="panel" aria-labelledby="move-title">
        <h2 id="move-title">移動</h2>
        <form method="post" action={`${base}/move`} novalidate>
          <CsrfField />
          <input type="hidden" name="version" value={String(e.version)} />
          <SelectField
            name="parent"
            label="親項目"
            value={val("move", "parent", e.parentKey)}
            options={parentOptions(e, item.key)}
            error={err("move", "parent")}
          />
          <TextField
            name="position"
            label="順番"
            hint={`親項目の下で何番目にするか（いまは ${e.siblings} 項目中 ${e.place} 番目）。`}
            value={val("move", "position", String(e.place))}
            error={err("move", "position")}
            inputmode="numeric"
            size={4}
          />
          <button type="submit" class="button button-secondary">
            移動する
          </button>
        </form>
      </section>

      <h2>指標と目標</h2>
      {item.indicators.length === 0 && <p class="empty">指標はまだありません。</p>}
      {item.indicators.map((ind) => (
        <div class="panel">
          <h3>
            指標{ind.number ?? ""} {ind.name}
            {ind.unit ? `（単位: ${ind.unit}）` : ""}
          </h3>
          {ind.series.length > 0 && <p>系列: {ind.series.join("・")}</p>}
          <ul>
            {ind.targets.map((t) => (
              <li>
                目標{t.series ? `（${t.series}）` : ""}: {t.text}
                {t.unreadable && <span class="flag"> ⚠ {t.unreadable}</span>}
              </li>
            ))}
            {ind.targets.length === 0 && <li class="empty">目標なし</li>}
          </ul>
          {(ind.series.length > 0 ? ind.series : [undefined]).map((s) => (
            <PlannedValuesForm
              base={base}
              version={e.version}
              indicator={ind}
              series={s}
              period={period}
              posted={
                planned?.values.plannedFor === ind.key && (planned.values.plannedSeries ?? "") === (s ?? "")
                  ? planned
                  : undefined
              }
            />
          ))}
        </div>
      ))}

      {targetChoices.length > 0 && (
        <TargetForm
          action={`${base}/targets`}
          version={e.version}
          choices={targetChoices}
          values={p("target")?.values ?? {}}
          errors={p("target")?.errors ?? {}}
          preview={p("target")?.preview}
        />
      )}

      <IndicatorForm
        action={`${base}/indicators`}
        version={e.version}
        values={p("indicator")?.values ?? {}}
        errors={p("indicator")?.errors ?? {}}
        preview={p("indicator")?.preview}
      />

      <FiscalEffectPanel
        base={base}
        itemLabel={label(item)}
        version={e.version}
        effects={item.fiscalEffects ?? []}
        period={period}
        values={p("effect")?.values ?? effectValues(item.fiscalEffects ?? [], effect)}
        errors={p("effect")?.errors ?? {}}
      />

      <h2 id="history">履歴</h2>
      <HistoryList events={e.history} within={label(item)} />
    </Layout>
  );
}
