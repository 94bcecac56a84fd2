#!/usr/bin/env node
// The gyokaku command: runs the TypeScript sources through the tsx loader (no build step). The project's
// tsconfig.json is named explicitly: tsx would otherwise look for one from the current folder, and pages
// (.tsx) need its JSX settings wherever the command is run from.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../src/cli/main.ts");
