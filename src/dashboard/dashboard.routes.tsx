/** HTTP adapter for the dashboard and the 和暦/西暦 display switch. */
import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { invalid } from "../core/errors.ts";
import { isHttps, safeNext } from "../core/http.ts";
import { type AuthEnv, currentUser, ERA_COOKIE } from "../core/request.ts";
import { htmlBytes, htmlWithKeptPart } from "../core/ui/kept-part.ts";
import { type FormBody, field } from "../core/validation.ts";
import type { DB } from "../db/database.ts";
import { cachedPlanPart } from "../plans/plans.service.ts";
import { BehindPart, DashboardBody, DashboardPage, ResultsPart } from "./dashboard.pages.tsx";
import { askedVariant, getDashboard, stateVersionKey } from "./dashboard.service.ts";
import {
  bodyByState,
  keepBodyByState,
  keptMunicipalityBytes,
  keptMunicipalityHtml,
} from "./dashboard-cache.ts";

// The results are kept as bytes with the plan page's parts (a few kilobytes here): put into the page as text.
const utf8 = new TextDecoder();

export function dashboardRoutes(db: DB) {
  const app = new Hono<AuthEnv>();

  app.get("/dashboard", async (c) => {
    const user = currentUser(c);
    const query = { plan: c.req.query("plan"), fy: c.req.query("fy"), level: c.req.query("level") };
    const era = c.get("era");
    const url = new URL(c.req.url);
    const frame = <DashboardPage back={url.pathname + url.search} />;
    // The body as kept under the municipality's state version, read with the session: no query of its own.
    const byState = stateVersionKey(c.get("municipalityState"));
    const asked = askedVariant(user, query, era);
    const known = byState === null ? undefined : bodyByState(user.municipalityCode, byState, asked);
    if (known) return htmlWithKeptPart(c, frame, known);
    const d = await getDashboard(db, user, query);
    const { plan, planRef, fiscalYear } = d;
    // The body is the same for every reader who chose the same until what the page is made from changes: kept
    // as bytes (and deflated once) under the state the query read. Inside it, the results and the departments
    // behind schedule are kept by what they alone are made from (the plan's data version, the open rounds), so
    // a new change in the list below does not tally the plan again.
    const body = await keptMunicipalityBytes(
      user.municipalityCode,
      d.stateKey,
      JSON.stringify([planRef?.id ?? null, fiscalYear, d.level, era, d.canEdit]),
      async () => {
        const results =
          plan && planRef && fiscalYear !== null
            ? utf8.decode(
                await cachedPlanPart(planRef, `dashboard|${fiscalYear}|${d.level}|${era}`, async () =>
                  String(
                    await (
                      <ResultsPart p={plan} fiscalYear={fiscalYear} level={d.level} r={await d.results()} />
                    ).toString(),
                  ),
                ),
              )
            : "";
        const behind = await keptMunicipalityHtml(
          user.municipalityCode,
          d.behindKey,
          `behind|${era}`,
          async () => String(await (<BehindPart behind={await d.behind()} />).toString()),
        );
        return htmlBytes(
          String(await (<DashboardBody d={d} results={results} behind={behind} />).toString()),
        );
      },
    );
    // kept by state version only where the query's state keeps it too (every plan and round has its version)
    if (byState !== null && d.stateKey !== null) keepBodyByState(user.municipalityCode, byState, asked, body);
    return htmlWithKeptPart(c, frame, body);
  });

  // A display preference, kept in a cookie for a year; a form post so that it works without JavaScript.
  app.post("/settings/era", async (c) => {
    currentUser(c);
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const era = field(body, "era");
    if (era !== "wareki" && era !== "seireki")
      throw invalid({ era: "和暦か西暦かを選んでください。" }, "和暦か西暦かを選んでください。");
    setCookie(c, ERA_COOKIE, era, {
      path: "/",
      sameSite: "Lax",
      httpOnly: true,
      secure: isHttps(c),
      maxAge: 365 * 24 * 60 * 60,
    });
    return c.redirect(safeNext(field(body, "back")), 303);
  });

  return app;
}
