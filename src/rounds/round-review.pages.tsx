/** The reviewer's panel of an item: the saved answer's warnings, approving (with a reason over warnings), returning. */
import { CsrfField, type FieldErrors, PostButton, TextArea } from "../core/ui/forms.tsx";
import { itemHref } from "./round-common.tsx";
import type { ItemDetail } from "./rounds.service.ts";

export function ReviewPanel({ d, errors }: { d: ItemDetail; errors: FieldErrors }) {
  const action = `${itemHref(d.round.id, d.status.item.key)}/review`;
  const f = d.findings;
  const shared = d.parts.length > 1;
  const part: Record<string, string> = shared ? { part: d.part.departmentKey } : {};
  return (
    <section class="panel" aria-labelledby="review-title">
      <h2 id="review-title">確認（行革担当）{shared && `: ${d.deptName(d.part.departmentKey)}の回答`}</h2>
      {(f.errors.length > 0 || f.warnings.length > 0) && (
        <div class="comment" role="note" aria-label="値の注意">
          {f.errors.length > 0 && (
            <>
              <strong>受け付けられない値（承認できません。差し戻してください）:</strong>
              <ul>
                {f.errors.map((w) => (
                  <li>✖ {w}</li>
                ))}
              </ul>
            </>
          )}
          {f.warnings.length > 0 && (
            <>
              <strong>注意が {f.warnings.length} 件あります（承認するには理由が必要です）:</strong>
              <ul>
                {f.warnings.map((w) => (
                  <li>⚠ {w}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {d.can.approve && f.warnings.length === 0 && f.errors.length === 0 && (
        <PostButton
          action={action}
          label="承認する"
          hidden={{ version: d.part.version, decision: "approve", ...part }}
          kind="primary"
        />
      )}
      {d.can.approve && f.warnings.length > 0 && f.errors.length === 0 && (
        <form method="post" action={action} novalidate>
          <CsrfField />
          <input type="hidden" name="version" value={String(d.part.version)} />
          <input type="hidden" name="decision" value="approve" />
          {shared && <input type="hidden" name="part" value={d.part.departmentKey} />}
          <TextArea
            name="reason"
            label="注意を確認したうえで承認する理由（履歴に残ります）"
            error={errors.reason}
            rows={2}
          />
          <button type="submit" class="button button-primary">
            理由を付けて承認する
          </button>
        </form>
      )}
      {d.can.return && (
        <form method="post" action={action} novalidate>
          <CsrfField />
          <input type="hidden" name="version" value={String(d.part.version)} />
          <input type="hidden" name="decision" value="return" />
          {shared && <input type="hidden" name="part" value={d.part.departmentKey} />}
          <TextArea
            name="comment"
            label="差し戻す理由（所管課に表示されます）"
            error={errors.comment}
            rows={3}
          />
          <button type="submit" class="button button-warning">
            差し戻す
          </button>
        </form>
      )}
    </section>
  );
}
