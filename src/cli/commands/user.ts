/** `gyokaku user`: accounts from the command line (the first admin, lists, the demo accounts). */

import {
  createUser,
  generatePassword,
  listUsers,
  resetPassword,
  setAccountDisabled,
} from "../../auth/auth.service.ts";
import { createDemoUsers, demoUsersMessage } from "../../auth/demo-users.service.ts";
import { AppError, usage } from "../../core/errors.ts";
import { ROLE_LABELS } from "../../core/policy.ts";
import { loadDemoIfEmpty } from "../../demo/demo.service.ts";
import type { Role } from "../../domain/roles.ts";
import { parse } from "../args.ts";
import { withDatabase } from "../context.ts";

export const userHelp = `gyokaku user add --email ADDRESS --name NAME --role admin|office|department|viewer
                 [--department KEY]... [--municipality CODE] [--password-stdin] [--data DIR]
  利用者を登録します（最初の管理者もこれで作ります）。役割: admin 管理者、office 行革担当、
  department 所管課（--department で部署キーを一つ以上）、viewer 閲覧者。
  --password-stdin がなければパスワードを作って一度だけ表示します。団体が一つだけなら --municipality は不要。
gyokaku user list [--json] [--data DIR]
  登録されている利用者の一覧。
gyokaku user password --email ADDRESS [--password-stdin] [--data DIR]
  パスワードを設定し直します（忘れたとき、デモ用アカウントを本番で残すときなど）。その利用者のログインはすべて終了します。
  --password-stdin がなければパスワードを作って一度だけ表示します。利用者は画面の自分の名前から自分で変更もできます。
gyokaku user disable|enable --email ADDRESS [--data DIR]
  利用者を無効にします（ログインできず、ログイン中のものも終了します）／有効に戻します。履歴の名前は残ります。
gyokaku user demo [--data DIR]
  デモ用アカウント（役割ごとに一つ、江別市）を作ります。データベースが空ならデモデータも読み込みます。
  Adds users (the first admin too), lists them, resets a password, disables or enables an account, or creates
  the demo accounts.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export async function userCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === "add") return add(rest);
  if (sub === "list") return list(rest);
  if (sub === "demo") return demo(rest);
  if (sub === "password") return password(rest);
  if (sub === "disable" || sub === "enable") return disable(rest, sub === "disable");
  throw usage(
    sub
      ? `知らないサブコマンドです: ${sub}`
      : "add、list、password、disable、enable、demo のどれかを指定してください",
  );
}

async function add(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    department: { type: "string", multiple: true },
    municipality: { type: "string" },
    "password-stdin": { type: "boolean" },
    data: { type: "string" },
  });
  for (const k of ["email", "name", "role"] as const) if (!values[k]) throw usage(`--${k} が必要です`);
  const password = values["password-stdin"] ? await readStdin() : generatePassword();
  await withDatabase(values.data, async (db) => {
    try {
      const u = await createUser(db, {
        email: values.email!,
        name: values.name!,
        role: values.role as Role,
        departments: values.department ?? [],
        password,
        ...(values.municipality ? { municipalityCode: values.municipality } : {}),
      });
      console.log(`登録しました: ${u.email}（${ROLE_LABELS[u.role as Role]}、団体 ${u.municipalityCode}）`);
      if (!values["password-stdin"]) console.log(`初期パスワード: ${password}（この表示きりです）`);
    } catch (e) {
      if (e instanceof AppError) throw usage(Object.values(e.fields).join(" ") || e.message);
      throw e;
    }
  });
}

async function password(argv: string[]): Promise<void> {
  const { values } = parse(argv, {
    email: { type: "string" },
    "password-stdin": { type: "boolean" },
    data: { type: "string" },
  });
  if (!values.email) throw usage("--email が必要です");
  const password = values["password-stdin"] ? await readStdin() : generatePassword();
  await withDatabase(values.data, async (db) => {
    try {
      await resetPassword(db, values.email!, password);
    } catch (e) {
      if (e instanceof AppError) throw usage(Object.values(e.fields).join(" ") || e.message);
      throw e;
    }
    console.log(`パスワードを設定しました: ${values.email}（ログイン中のものは終了しました）`);
    if (!values["password-stdin"]) console.log(`新しいパスワード: ${password}（この表示きりです）`);
  });
}

async function disable(argv: string[], disabled: boolean): Promise<void> {
  const { values } = parse(argv, { email: { type: "string" }, data: { type: "string" } });
  if (!values.email) throw usage("--email が必要です");
  await withDatabase(values.data, async (db) => {
    try {
      await setAccountDisabled(db, values.email!, disabled);
    } catch (e) {
      if (e instanceof AppError) throw usage(Object.values(e.fields).join(" ") || e.message);
      throw e;
    }
    console.log(disabled ? `無効にしました: ${values.email}` : `有効に戻しました: ${values.email}`);
  });
}

async function list(argv: string[]): Promise<void> {
  const { values } = parse(argv, { json: { type: "boolean" }, data: { type: "string" } });
  await withDatabase(values.data, async (db) => {
    const users = await listUsers(db);
    if (values.json) {
      const out = users.map((u) => ({
        municipalityCode: u.municipalityCode,
        email: u.email,
        name: u.name,
        role: u.role,
        departments: u.departments.map((d) => d.key),
        disabled: u.disabled,
      }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    if (users.length === 0) {
      console.log("利用者はまだいません。gyokaku user add で登録できます。");
      return;
    }
    for (const u of users) {
      const depts = u.departments.length > 0 ? `  部署: ${u.departments.map((d) => d.key).join("、")}` : "";
      console.log(
        `${u.municipalityCode} ${u.municipalityName}  ${u.email}  ${u.name}（${ROLE_LABELS[u.role]}）${depts}`,
      );
    }
  });
}

async function demo(argv: string[]): Promise<void> {
  const { values } = parse(argv, { data: { type: "string" } });
  await withDatabase(values.data, async (db) => {
    const loaded = await loadDemoIfEmpty(db);
    if (loaded) console.log(`デモデータを読み込みました（計画 ${loaded.stored.length} 件）`);
    const created = await createDemoUsers(db);
    console.log(
      created.length > 0
        ? demoUsersMessage(created)
        : "デモ用アカウントはすでにあります（または江別市のデータがありません）。",
    );
  });
}
