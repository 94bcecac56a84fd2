/**
 * One source of truth for the tables: the migrations build them, and the TypeScript types in src/db/schema.ts
 * (with src/db/tables/*.ts) describe them. This test reads both — the database's catalogue after the
 * migrations, and the types through the TypeScript compiler — and fails when they disagree on a table, a
 * column, its type, whether it may be null, or whether the database fills it in. It runs on the test
 * database (PGlite, or PostgreSQL with GYOKAKU_TEST_DB=postgres), so both are checked in CI.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import ts from "typescript";
import { openTestDatabase } from "../testing/db.ts";
import type { OpenDatabase } from "./database.ts";

type Kind = "string" | "number" | "boolean" | "Date" | "json" | "bytes";
type Column = { kind: Kind; nullable: boolean; filled: boolean };
type Tables = Record<string, Record<string, Column>>;

const SQL_KINDS: Record<string, Kind> = {
  text: "string",
  "character varying": "string",
  character: "string",
  uuid: "string",
  date: "string",
  smallint: "number",
  integer: "number",
  bigint: "number",
  numeric: "number",
  real: "number",
  "double precision": "number",
  boolean: "boolean",
  "timestamp with time zone": "Date",
  "timestamp without time zone": "Date",
  jsonb: "json",
  json: "json",
  bytea: "bytes",
};

/** The tables as the migrated database has them (Kysely's own bookkeeping left out). */
async function databaseTables(open: OpenDatabase): Promise<Tables> {
  const rows = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    is_identity: string;
  }>`select table_name, column_name, data_type, is_nullable, column_default, is_identity
     from information_schema.columns
     where table_schema = 'public' and table_name not like 'kysely_%'
     order by table_name, ordinal_position`.execute(open.db);
  const tables: Tables = {};
  for (const r of rows.rows) {
    const kind = SQL_KINDS[r.data_type];
    assert.ok(kind, `${r.table_name}.${r.column_name}: the test knows the SQL type ${r.data_type}`);
    tables[r.table_name] ??= {};
    tables[r.table_name]![r.column_name] = {
      kind,
      nullable: r.is_nullable === "YES",
      filled: r.column_default !== null || r.is_identity === "YES",
    };
  }
  return tables;
}

/** The tables as src/db/schema.ts's `Database` interface describes them. */
function typeScriptTables(): Tables {
  const file = join(import.meta.dirname, "schema.ts");
  const program = ts.createProgram([file], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const database = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "Database",
  );
  assert.ok(database, "src/db/schema.ts declares the Database interface");
  const dbType = checker.getTypeAtLocation(database.name);

  const kindsOf = (t: ts.Type): Set<Kind> => {
    const parts = (t.isUnion() ? t.types : [t]).filter(
      (p) => !(p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)),
    );
    return new Set(
      parts.map((p): Kind => {
        if (p.flags & ts.TypeFlags.StringLike) return "string";
        if (p.flags & ts.TypeFlags.NumberLike) return "number";
        if (p.flags & ts.TypeFlags.BooleanLike) return "boolean";
        const name = p.getSymbol()?.getName();
        if (name === "Date") return "Date";
        if (name === "Uint8Array" || name === "Buffer") return "bytes";
        return "json";
      }),
    );
  };
  const kindOf = (t: ts.Type, where: string): Kind => {
    const kinds = kindsOf(t);
    assert.equal(kinds.size, 1, `${where}: one kind of value (${[...kinds].join(", ")})`);
    return [...kinds][0]!;
  };
  const hasNull = (t: ts.Type) => (t.isUnion() ? t.types : [t]).some((p) => p.flags & ts.TypeFlags.Null);
  const hasUndefined = (t: ts.Type) =>
    (t.isUnion() ? t.types : [t]).some((p) => p.flags & ts.TypeFlags.Undefined);

  const tables: Tables = {};
  for (const table of checker.getPropertiesOfType(dbType)) {
    const tableType = checker.getTypeOfSymbol(table);
    for (const col of checker.getPropertiesOfType(tableType)) {
      const where = `${table.name}.${col.name}`;
      const declared = checker.getTypeOfSymbol(col);
      // ColumnType<Select, Insert, Update> (and Generated<T>) carry the three types as __select__ … properties;
      // `ColumnType<…> | null` is a nullable one.
      const members = declared.isUnion() ? declared.types : [declared];
      const colType = members.find((m) => m.getProperty("__select__")) ?? declared;
      const select = colType.getProperty("__select__");
      const insert = colType.getProperty("__insert__");
      const selectType = select ? checker.getTypeOfSymbol(select) : colType;
      const insertType = insert ? checker.getTypeOfSymbol(insert) : colType;
      // Json<T>: read as the value, written as its JSON text.
      const insertKinds = kindsOf(insertType);
      const jsonText =
        insert && insertKinds.size === 1 && insertKinds.has("string") && kindOf(selectType, where) === "json";
      tables[table.name] ??= {};
      tables[table.name]![col.name] = {
        kind: jsonText ? "json" : kindOf(selectType, where),
        nullable: hasNull(selectType) || hasNull(declared),
        filled:
          insert !== undefined && hasUndefined(insertType) && !hasNull(selectType) && !hasNull(declared),
      };
    }
  }
  return tables;
}

describe("table types", () => {
  let open: OpenDatabase;
  before(async () => {
    open = await openTestDatabase();
  });
  after(() => open.close());

  test("the TypeScript types of the tables are those the migrations build", async () => {
    const [db, types] = [await databaseTables(open), typeScriptTables()];
    assert.ok(Object.keys(db).length > 20, "the migrated database has its tables");
    assert.deepEqual(Object.keys(types).sort(), Object.keys(db).sort(), "the same tables");
    const differences: string[] = [];
    for (const [table, columns] of Object.entries(db)) {
      const typed = types[table] ?? {};
      for (const name of new Set([...Object.keys(columns), ...Object.keys(typed)])) {
        const [d, t] = [columns[name], typed[name]];
        if (!d) differences.push(`${table}.${name}: in the types, not in the database`);
        else if (!t) differences.push(`${table}.${name}: in the database, not in the types`);
        else {
          if (d.kind !== t.kind) differences.push(`${table}.${name}: database ${d.kind}, types ${t.kind}`);
          if (d.nullable !== t.nullable)
            differences.push(`${table}.${name}: database ${d.nullable ? "" : "NOT "}NULL, types the other`);
          // A column the database fills in (a default) may be left out of an insert only if the types say so;
          // a nullable column needs no Generated<> to be left out.
          if (t.filled && !d.filled)
            differences.push(`${table}.${name}: the types let inserts leave it out, but it has no default`);
        }
      }
    }
    assert.deepEqual(differences, []);
  });

  test("every table carries the municipality first in its primary key, and every foreign key includes it", async () => {
    const keys = await sql<{ table_name: string; constraint_type: string; columns: string }>`
      select tc.table_name, tc.constraint_type,
        string_agg(kcu.column_name, ',' order by kcu.ordinal_position) as columns
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
       and kcu.table_name = tc.table_name
      where tc.table_schema = 'public' and tc.table_name not like 'kysely_%'
        and tc.constraint_type in ('PRIMARY KEY', 'FOREIGN KEY')
      group by tc.table_name, tc.constraint_name, tc.constraint_type`.execute(open.db);
    const tables = Object.keys(await databaseTables(open));
    const primary = new Map(
      keys.rows
        .filter((k) => k.constraint_type === "PRIMARY KEY")
        .map((k) => [k.table_name, k.columns.split(",")]),
    );
    const problems = [
      ...tables
        .filter((t) => primary.get(t)?.[0] !== "municipality_code")
        .map((t) => `${t}: primary key (${primary.get(t)?.join(", ") ?? "none"})`),
      ...keys.rows
        .filter(
          (k) => k.constraint_type === "FOREIGN KEY" && !k.columns.split(",").includes("municipality_code"),
        )
        .map((k) => `${k.table_name}: foreign key (${k.columns}) without municipality_code`),
    ];
    assert.ok(primary.size > 20);
    assert.deepEqual(problems, []);
  });
});
