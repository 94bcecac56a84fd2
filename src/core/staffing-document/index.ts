/**
 * The staffing document (定数管理の文書): the exchange format of one municipality's staffing data, shared
 * by the readers (src/importers) and the staffing capability, like src/core/plan-document for plans.
 */
export * from "./checks.ts";
export * from "./document.ts";
export * from "./findings.ts";
export * from "./peer-table.ts";
export * from "./schema.ts";
export * from "./year-labels.ts";
