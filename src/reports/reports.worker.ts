/** A report's xlsx made in a worker thread (src/core/workers/pool.ts), so a large report never blocks requests. */
import { serveTasks } from "../core/workers/serve.ts";
import { reportXlsx } from "./reports.xlsx.ts";

serveTasks({ reportXlsx });
