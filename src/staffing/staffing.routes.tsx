/**
 * HTTP adapter for staffing (定数管理): validates the path and query, calls the service, renders.
 * Paths are absolute under /staffing; mount with `app.route("/", staffingRoutes(db))`.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { authorize, invalid, isAppError } from "../core/errors.ts";
import { canEditStaffing, canView } from "../core/policy.ts";
import { type AuthEnv, currentUser } from "../core/request.ts";
import type { StaffingDocument } from "../core/staffing-document/index.ts";
import { staffingFindings } from "../core/staffing-document/index.ts";
import type { DB } from "../db/database.ts";
import { codeProblem } from "../domain/municipality-code.ts";
import { REPORT_KINDS, renderReport, reportView } from "./staffing.export.tsx";
import { navYears } from "./staffing.nav-years.ts";
import { writeStaffingWorkbookOffThread } from "./staffing.off-thread.ts";
import {
  DiagnosisPage,
  HeadcountPage,
  PopulationPage,
  type ReportKind,
  RetirementPage,
  STAFFING_BASE,
  StaffingListPage,
  StaffingNotFoundPage,
  StaffingOverviewPage,
} from "./staffing.pages.tsx";
import { NoPlanPage, PlanPage } from "./staffing.plan.page.tsx";
import {
  diagnosisView,
  type HiringPlan,
  headcountView,
  latestFiscalYear,
  planView,
} from "./staffing.reports.ts";
import { getStaffingFor, listPeerTables, listStaffingFor, saveHiringPlan } from "./staffing.service.ts";
import { emptyStaffingDocument } from "./staffing.template.ts";

const fiscalYear = z.coerce.number().int().min(1900).max(2200);
const headcount = z.coerce.number().int().min(0).max(1_000_000);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The hiring plan entered in the retirement page's form: h2026=25&l2026=3 … */
function hiringFromQuery(query: Record<string, string>): HiringPlan | undefined {
  const plan = new Map<number, { fiscalYear: number; hires: number; otherLeavers?: number }>();
  let any = false;
  for (const [k, v] of Object.entries(query)) {
    const m = /^([hl])(\d{4})$/.exec(k);
    if (!m || v.trim() === "") continue;
    const n = headcount.safeParse(v);
    if (!n.success) continue;
    any = true;
    const fy = Number(m[2]);
    const row = plan.get(fy) ?? { fiscalYear: fy, hires: 0 };
    if (m[1] === "h") row.hires = n.data;
    else row.otherLeavers = n.data;
    plan.set(fy, row);
  }
  return any || "start" in query ? [...plan.values()].sort((a, b) => a.fiscalYear - b.fiscalYear) : undefined;
}

/**
 * The hiring plan posted from the retirement page: fy and, for each of the ten years after it, h{year}
 * (hires on 1 April) and l{year} (other leavers). Every bad field is named; an empty field is no plan.
 */
function hiringFromForm(body: Record<string, unknown>) {
  const fy = fiscalYear.safeParse(body.fy);
  if (!fy.success) throw invalid({ fy: "年度がありません" }, "採用計画を保存できません: 年度がありません。");
  const years = Array.from({ length: 10 }, (_, i) => fy.data + 1 + i);
  const problems: Record<string, string> = {};
  const rows: { fiscalYear: number; hires: number; otherLeavers?: number }[] = [];
  for (const y of years) {
    const read = (name: string, what: string) => {
      const raw = typeof body[name] === "string" ? (body[name] as string).trim() : "";
      if (raw === "") return undefined;
      const n = headcount.safeParse(raw.normalize("NFKC").replace(/,/g, ""));
      if (n.success && /^\d+$/.test(raw.normalize("NFKC").replace(/,/g, ""))) return n.data;
      problems[name] = `${y}年度の${what}「${raw}」は 0 以上の整数ではありません`;
      return undefined;
    };
    const hires = read(`h${y}`, "採用数");
    const other = read(`l${y}`, "定年以外の退職者数");
    if (hires !== undefined || other !== undefined)
      rows.push({
        fiscalYear: y,
        hires: hires ?? 0,
        ...(other !== undefined ? { otherLeavers: other } : {}),
      });
  }
  if (Object.keys(problems).length > 0)
    throw invalid(problems, `採用計画を保存できません: ${Object.values(problems).join("。")}。`);
  return { fy: fy.data, years, rows };
}

export function staffingRoutes(db: DB) {
  const app = new Hono<AuthEnv>();
  const notFound = (message: string) => <StaffingNotFoundPage message={message} />;

  /** Loads the municipality's document, or answers 404 with a page that says why. */
  const load = async (c: Context<AuthEnv>): Promise<StaffingDocument | string> => {
    const code = c.req.param("code") ?? "";
    if (codeProblem(code)) return `団体コード「${code}」は正しくありません。`;
    return (
      (await getStaffingFor(db, currentUser(c), code)) ??
      `団体コード ${code} の定数管理のデータはありません。`
    );
  };
  const fyOf = (q: string | undefined) => (q === undefined ? undefined : fiscalYear.safeParse(q).data);

  app.get(STAFFING_BASE, async (c) =>
    c.html(<StaffingListPage rows={await listStaffingFor(db, currentUser(c))} />),
  );

  app.get(`${STAFFING_BASE}/template.xlsx`, async (c) => {
    const empty = emptyStaffingDocument();
    c.header("Content-Type", XLSX);
    c.header("Content-Disposition", attachment("定数管理テンプレート.xlsx"));
    return c.body(new Uint8Array(await writeStaffingWorkbookOffThread(empty)));
  });

  app.get(`${STAFFING_BASE}/:code`, async (c) => {
    const doc = await load(c);
    if (typeof doc === "string") return c.html(notFound(doc), 404);
    return c.html(
      <StaffingOverviewPage
        view={headcountView(doc)}
        diagnosis={diagnosisView(doc, undefined, await listPeerTables(db))}
        findings={staffingFindings(doc)}
      />,
    );
  });

  app.get(`${STAFFING_BASE}/:code/template.xlsx`, async (c) => {
    const doc = await load(c);
    if (typeof doc === "string") return c.html(notFound(doc), 404);
    c.header("Content-Type", XLSX);
    c.header(
      "Content-Disposition",
      attachment(`${doc.municipality.code}-${doc.municipality.name}-定数管理.xlsx`),
    );
    return c.body(new Uint8Array(await writeStaffingWorkbookOffThread(doc)));
  });

  app.post(`${STAFFING_BASE}/:code/retirement/hiring`, async (c) => {
    const code = c.req.param("code");
    if (codeProblem(code)) return c.html(notFound(`団体コード「${code}」は正しくありません。`), 404);
    const user = currentUser(c);
    // Another municipality's staffing is not there for them; a user who may not edit is refused before any
    // input is looked at.
    if (!canView(user, { municipalityCode: code }))
      return c.html(notFound(`団体コード ${code} の定数管理のデータはありません。`), 404);
    authorize(
      canEditStaffing(user, { municipalityCode: code }),
      "採用計画を保存できるのは行革担当と管理者です。",
    );
    const plan = hiringFromForm(await c.req.parseBody());
    await saveHiringPlan(db, user, code, plan.years, plan.rows);
    return c.redirect(`${STAFFING_BASE}/${code}/retirement?fy=${plan.fy}&saved=1`, 303);
  });

  app.get(`${STAFFING_BASE}/:code/:report`, async (c) => {
    const m = /^(headcount|population|diagnosis|retirement|plan)(?:\.(xlsx|pdf))?$/.exec(
      c.req.param("report"),
    );
    if (!m) return c.html(notFound("そのページはありません。"), 404);
    const kind = m[1] as ReportKind;
    const doc = await load(c);
    if (typeof doc === "string") return c.html(notFound(doc), 404);
    const fy = fyOf(c.req.query("fy"));
    const peerTables = kind === "diagnosis" || kind === "population" ? await listPeerTables(db) : [];
    // The years the tabs carry: a tab never leads to a year its page has no data for.
    const nav = async (shown: number | undefined) =>
      navYears(
        doc,
        shown,
        shown === undefined || peerTables.length > 0 ? peerTables : await listPeerTables(db),
      );
    try {
      if (m[2]) {
        const format = m[2] as "xlsx" | "pdf";
        const out = await renderReport(doc, kind, format, fy, { peerTables });
        c.header("Content-Type", out.contentType);
        c.header(
          "Content-Disposition",
          attachment(`${doc.municipality.code}-${kind}${fy ? `-${fy}` : ""}.${format}`),
        );
        return c.body(new Uint8Array(out.bytes));
      }
      if (kind === "retirement") {
        const query = c.req.query();
        const hiring = hiringFromQuery(query);
        const start = query.start ? headcount.safeParse(query.start).data : undefined;
        const v = reportView(doc, kind, fy ?? latestFiscalYear(doc), {
          ...(hiring ? { hiring } : {}),
          ...(start !== undefined ? { startHeadcount: start } : {}),
        });
        const view = v.view as Parameters<typeof RetirementPage>[0]["view"];
        return c.html(
          <RetirementPage
            view={view}
            canSave={canEditStaffing(currentUser(c), { municipalityCode: doc.municipality.code })}
            saved={query.saved === "1"}
            entered={hiring !== undefined}
            nav={await nav(view.fiscalYear)}
          />,
        );
      }
      if (kind === "plan" && !planView(doc))
        return c.html(
          <NoPlanPage
            m={doc.municipality}
            canImport={canEditStaffing(currentUser(c), { municipalityCode: doc.municipality.code })}
          />,
        );
      const v = reportView(doc, kind, fy, { peerTables });
      switch (v.kind) {
        case "headcount":
          return c.html(<HeadcountPage view={v.view} fy={fy} nav={await nav(fy)} />);
        case "population":
          return c.html(<PopulationPage view={v.view} />);
        case "diagnosis":
          return c.html(<DiagnosisPage view={v.view} nav={await nav(v.view.fiscalYear)} />);
        case "plan":
          return c.html(<PlanPage view={v.view} />);
        default:
          return c.html(notFound("そのページはありません。"), 404);
      }
    } catch (e) {
      if (isAppError(e, "not_found")) return c.html(notFound(e.message), 404);
      throw e;
    }
  });

  return app;
}

export { REPORT_KINDS };
