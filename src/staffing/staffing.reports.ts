/**
 * Presenters: what the staffing pages, the report workbooks and the printed reports show, computed from
 * a staffing document with the domain core, one module per report.
 */
export * from "./staffing.diagnosis.report.ts";
export * from "./staffing.headcount.report.ts";
export * from "./staffing.plan.report.ts";
export * from "./staffing.population.report.ts";
export * from "./staffing.retirement.report.ts";
