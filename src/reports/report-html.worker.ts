/**
 * The reports' HTML made in a worker thread (src/core/workers/pool.ts, issue 17.2): the body of a report page
 * and the print document of the html download and the PDF. The 個票 of a large plan draw hundreds of charts
 * (seconds of CPU), which would otherwise block every other request. Called through html-off-thread.ts.
 */
import { serveTasks } from "../core/workers/serve.ts";
import { printHtml, printHtmlParts } from "./views/report.view.tsx";
import { reportBodyHtml } from "./views/report-body.tsx";

serveTasks({ reportBodyHtml, printHtml, printHtmlParts });
