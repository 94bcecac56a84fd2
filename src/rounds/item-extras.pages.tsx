/** The parts of the item page added by issue 13: the conversation and the evidence files. */
import { CsrfField, type FieldErrors, fieldId, PostButton, TextArea } from "../core/ui/forms.tsx";
import { formatTime } from "../core/ui/history.tsx";
import type { Conversation } from "./conversation.service.ts";
import { MAX_COMMENT_CHARS } from "./conversation.service.ts";
import type { EvidenceList } from "./evidence.service.ts";
import { MAX_EVIDENCE_BYTES } from "./evidence.service.ts";

export type ItemExtrasProps = {
  href: string;
  conversation: Conversation;
  evidence: EvidenceList;
  errors?: FieldErrors | undefined;
  /** the comment the user wrote, kept when it could not be saved */
  draft?: string | undefined;
};

const kb = (n: number) => `${Math.max(1, Math.ceil(n / 1024)).toLocaleString("ja-JP")} KB`;

export function ItemExtras({ href, conversation, evidence, errors = {}, draft }: ItemExtrasProps) {
  return (
    <>
      <section aria-labelledby="evidence-title">
        <h2 id="evidence-title">根拠資料</h2>
        {evidence.files.length === 0 ? (
          <p class="empty">添付された根拠資料はありません。</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">ファイル</th>
                <th scope="col">大きさ</th>
                <th scope="col">添付した人</th>
                <th scope="col">日時</th>
                <th scope="col">公開</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {evidence.files.map((f) => (
                <tr>
                  <td>
                    <a href={`${href}/evidence/${f.id}`} download>
                      {f.fileName}
                    </a>
                  </td>
                  <td class="num">{kb(f.size)}</td>
                  <td>{f.uploadedBy}</td>
                  <td>{formatTime(f.uploadedAt)}</td>
                  <td>{f.public ? "公開" : "内部のみ"}</td>
                  <td>
                    {f.canRemove && (
                      <PostButton
                        action={`${href}/evidence/${f.id}/delete`}
                        label="削除"
                        ariaLabel={`「${f.fileName}」を削除`}
                        kind="warning"
                        small
                      />
                    )}
                    {evidence.canPublish && (
                      <PostButton
                        action={`${href}/evidence/${f.id}/public`}
                        label={f.public ? "内部のみにする" : "公開する"}
                        ariaLabel={`「${f.fileName}」を${f.public ? "内部のみにする" : "公開する"}`}
                        hidden={{ public: f.public ? "0" : "1" }}
                        small
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {evidence.canAttach && (
          <form method="post" action={`${href}/evidence`} enctype="multipart/form-data" class="panel">
            <CsrfField />
            <div class={`field${errors.file ? " field-error" : ""}`}>
              <label for={fieldId("file")}>根拠資料を添付</label>
              <div class="hint" id={`${fieldId("file")}-hint`}>
                PDF、Office 文書（Word・Excel・PowerPoint）、画像（PNG・JPEG・GIF）、CSV。1 ファイル{" "}
                {MAX_EVIDENCE_BYTES / 1024 / 1024} MB
                まで。公開ページには載りません（行革担当が公開にしたものを除く）。
              </div>
              {errors.file && (
                <p class="error-message" id={`${fieldId("file")}-error`}>
                  <span class="visually-hidden">エラー: </span>
                  {errors.file}
                </p>
              )}
              <input
                id={fieldId("file")}
                name="file"
                type="file"
                accept=".pdf,.docx,.xlsx,.pptx,.doc,.xls,.ppt,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.csv"
                aria-invalid={errors.file ? "true" : undefined}
                aria-describedby={`${fieldId("file")}-hint${errors.file ? ` ${fieldId("file")}-error` : ""}`}
              />
            </div>
            <button type="submit" class="button button-secondary">
              添付する
            </button>
          </form>
        )}
      </section>
      <section aria-labelledby="conversation-title">
        <h2 id="conversation-title">コメント（所管課と行革担当のやりとり）</h2>
        {conversation.messages.length === 0 ? (
          <p class="empty">コメントはまだありません。</p>
        ) : (
          <ol class="conversation">
            {conversation.messages.map((m) => (
              <li class={`message ${m.fromOffice ? "message-office" : "message-department"}`}>
                <p class="message-meta">
                  <strong>{m.authorName}</strong>（{m.fromOffice ? "行革担当" : "所管課"}）{" "}
                  <time datetime={m.at.toISOString()}>{formatTime(m.at)}</time>
                  {m.kind === "return" && <span class="flag"> 差戻しの理由</span>}
                </p>
                <p style="white-space: pre-line; margin: 0">{m.body}</p>
              </li>
            ))}
          </ol>
        )}
        {conversation.canWrite && (
          <form method="post" action={`${href}/comments`} novalidate>
            <CsrfField />
            <TextArea
              name="body"
              label="コメントを書く"
              hint={`相手（所管課または行革担当）に通知されます。${MAX_COMMENT_CHARS.toLocaleString("ja-JP")}文字まで。`}
              value={draft}
              error={errors.body}
              rows={4}
            />
            <button type="submit" class="button button-secondary">
              コメントを送る
            </button>
          </form>
        )}
      </section>
    </>
  );
}
