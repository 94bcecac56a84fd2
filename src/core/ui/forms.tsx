/**
 * Form parts shared by the pages of accounts, rounds, editing and the dashboard, after GOV.UK Frontend:
 * every field has a label, hints and errors are tied to it with aria-describedby, and an error summary with
 * role="alert" at the top links to each field. Everything works without JavaScript.
 */
import type { Child } from "hono/jsx";
import { CSRF_FIELD, requestAuth } from "../request.ts";

/** The hidden synchroniser token; every form that changes something contains it. */
export function CsrfField({ token }: { token?: string | null | undefined }) {
  const value = token ?? requestAuth().csrfToken ?? "";
  return <input type="hidden" name={CSRF_FIELD} value={value} />;
}

export type FieldErrors = Readonly<Record<string, string>>;

/** id of a field's element from its name (names may contain dots and colons). */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_.-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}`)}`;
}

/** 「入力内容に問題があります」 with a link to each field; focusable so that it can be announced. */
export function ErrorSummary({ errors, title }: { errors: FieldErrors; title?: string }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{title ?? "入力内容に問題があります"}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>{name === "_form" ? message : <a href={`#${fieldId(name)}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

/** A notice after a change: 保存しました. role=status so that screen readers read it politely. */
export function Notice({ children, kind = "success" }: { children: Child; kind?: "success" | "warning" }) {
  return (
    <div class={`notice notice-${kind}`} role="status">
      {children}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: Child;
  hint?: Child;
  error?: string | undefined;
  /** extra ids (the understood-as text) to describe the field */
  describedBy?: string[];
  children?: Child;
};

function describedBy(name: string, hint: unknown, error: string | undefined, extra: string[] = []) {
  const ids = [
    ...(hint ? [`${fieldId(name)}-hint`] : []),
    ...(error ? [`${fieldId(name)}-error`] : []),
    ...extra,
  ];
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function FieldFrame({ name, label, hint, error, children }: FieldProps) {
  return (
    <div class={`field${error ? " field-error" : ""}`}>
      <label for={fieldId(name)}>{label}</label>
      {hint && (
        <div class="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p class="error-message" id={`${fieldId(name)}-error`}>
          <span class="visually-hidden">エラー: </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    value?: string | null | undefined;
    type?: string;
    autocomplete?: string;
    required?: boolean;
    inputmode?: "text" | "decimal" | "numeric" | "email" | "tel" | "url" | "search" | "none";
    size?: number;
    list?: string;
  },
) {
  const { name, value, type = "text", autocomplete, required, inputmode, size, list } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        value={value ?? ""}
        autocomplete={autocomplete}
        required={required}
        inputmode={inputmode}
        size={size}
        list={list}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(name, props.hint, props.error, props.describedBy)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { value?: string | null | undefined; rows?: number }) {
  const { name, value, rows = 5 } = props;
  return (
    <FieldFrame {...props}>
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(name, props.hint, props.error, props.describedBy)}
      >
        {value ?? ""}
      </textarea>
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & { value?: string | undefined; options: { value: string; label: string }[] },
) {
  const { name, value, options } = props;
  return (
    <FieldFrame {...props}>
      <select
        id={fieldId(name)}
        name={name}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(name, props.hint, props.error, props.describedBy)}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A file input with its label, hint and error; `multiple` for several files, `accept` as the browser's filter. */
export function FileField(props: FieldProps & { accept: string; multiple?: boolean }) {
  const { name, accept, multiple } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={fieldId(name)}
        name={name}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(name, props.hint, props.error, props.describedBy)}
      />
    </FieldFrame>
  );
}

/** A button that posts a small form (logout, approve, lock), with the CSRF token. */
export function PostButton({
  action,
  label,
  hidden = {},
  kind = "secondary",
  ariaLabel,
  small = false,
}: {
  action: string;
  label: string;
  hidden?: Record<string, string | number>;
  kind?: "primary" | "secondary" | "warning";
  /** a longer name for screen readers where the visible label is short (上へ → 「…」を上へ) */
  ariaLabel?: string;
  small?: boolean;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField />
      {Object.entries(hidden).map(([k, v]) => (
        <input type="hidden" name={k} value={String(v)} />
      ))}
      <button
        type="submit"
        class={`button button-${kind}${small ? " button-small" : ""}`}
        aria-label={ariaLabel}
      >
        {label}
      </button>
    </form>
  );
}
