/**
 * The staffing files in a worker thread (src/core/workers/pool.ts, issue 17.2): reading and checking an uploaded
 * file (Chitose's text, the template, a 類似団体別職員数 table, a staffing document as JSON), writing the template
 * and making a report's xlsx, so a large or hostile file never blocks the server's other requests. Called
 * through staffing.off-thread.ts.
 */
import { serveTasks } from "../core/workers/serve.ts";
import { reportXlsx } from "./staffing.export-xlsx.ts";
import { isPeerTableWorkbook, readPeerTableWorkbook } from "./staffing.peer-table-workbook.ts";
import { readStaffingFile } from "./staffing.read-file.ts";
import { writeStaffingWorkbook } from "./staffing.template.ts";
import { readStaffingWorkbookPlain } from "./staffing.template-read.ts";

serveTasks({
  async readStaffingXlsx(path: string, bytes: Uint8Array) {
    if (await isPeerTableWorkbook(bytes)) return { peerTable: await readPeerTableWorkbook(path, bytes) };
    return { template: await readStaffingWorkbookPlain(path, bytes) };
  },
  readStaffingFile,
  reportXlsx,
  writeStaffingWorkbook,
});
