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
import type { CommandIo } from "../io.ts";

/** The password given on standard input, without the line end a pipe or a file adds. */
async function readPassword(io: CommandIo): Promise<string> {
  return (await io.readInput()).replace(/\r?\n$/, "");
}

export async function userCommand(argv: string[], io: CommandIo): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === "add") return add(rest, io);
  if (sub === "list") return list(rest, io);
  if (sub === "demo") return demo(rest, io);
  if (sub === "password") return password(rest, io);
  if (sub === "disable" || sub === "enable") return disable(rest, sub === "disable", io);
  throw usage(
    sub
      ? `知らないサブコマンドです: ${sub}`
      : "add、list、password、disable、enable、demo のどれかを指定してください",
  );
}

async function add(argv: string[], io: CommandIo): Promise<void> {
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
  const password = values["password-stdin"] ? await readPassword(io) : generatePassword();
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
      io.log(`登録しました: ${u.email}（${ROLE_LABELS[u.role as Role]}、団体 ${u.municipalityCode}）`);
      if (!values["password-stdin"]) io.log(`初期パスワード: ${password}（この表示きりです）`);
    } catch (e) {
      if (e instanceof AppError) throw usage(Object.values(e.fields).join(" ") || e.message);
      throw e;
    }
  });
}

async function password(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parse(argv, {
    email: { type: "string" },
    municipality: { type: "string" },
    "password-stdin": { type: "boolean" },
    data: { type: "string" },
  });
  if (!values.email) throw usage("--email が必要です");
  const password = values["password-stdin"] ? await readPassword(io) : generatePassword();
  await withDatabase(values.data, async (db) => {
    try {
      await resetPassword(db, values.email!, password, values.municipality);
    } catch (e) {
      if (e instanceof AppError) throw usage(Object.values(e.fields).join(" ") || e.message);
      throw e;
    }
    io.log(`パスワードを設定しました: ${values.email}（ログイン中のものは終了しました）`);
    if (!values["password-stdin"]) io.log(`新しいパスワード: ${password}（この表示きりです）`);
  });
}

async function disable(argv: string[], disabled: boolean, io: CommandIo): Promise<void> {
  const { values } = parse(argv, {
    email: { type: "string" },
    municipality: { type: "string" },
    data: { type: "string" },
  });
  if (!values.email) throw usage("--email が必要です");
  await withDatabase(values.data, async (db) => {
    try {
      await setAccountDisabled(db, values.email!, disabled, values.municipality);
    } catch (e) {
      if (e instanceof AppError) throw usage(Object.values(e.fields).join(" ") || e.message);
      throw e;
    }
    io.log(disabled ? `無効にしました: ${values.email}` : `有効に戻しました: ${values.email}`);
  });
}

async function list(argv: string[], io: CommandIo): Promise<void> {
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
      io.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    if (users.length === 0) {
      io.log("利用者はまだいません。gyokaku user add で登録できます。");
      return;
    }
    for (const u of users) {
      const depts = u.departments.length > 0 ? `  部署: ${u.departments.map((d) => d.key).join("、")}` : "";
      io.log(
        `${u.municipalityCode} ${u.municipalityName}  ${u.email}  ${u.name}（${ROLE_LABELS[u.role]}）${depts}`,
      );
    }
  });
}

async function demo(argv: string[], io: CommandIo): Promise<void> {
  const { values } = parse(argv, { data: { type: "string" } });
  await withDatabase(values.data, async (db) => {
    const loaded = await loadDemoIfEmpty(db);
    if (loaded) io.log(`デモデータを読み込みました（計画 ${loaded.stored.length} 件）`);
    const created = await createDemoUsers(db);
    io.log(
      created.length > 0
        ? demoUsersMessage(created)
        : "デモ用アカウントはすでにあります（または江別市のデータがありません）。",
    );
  });
}
