/** 千歳市 行政改革基本方針 (seed 003_), its staffing tables: text → staffing document. */
export { CHITOSE, detectChitoseStaffing, type ReadResult, readChitoseStaffing } from "./read.ts";
