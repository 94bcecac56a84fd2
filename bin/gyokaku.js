#!/usr/bin/env node
// The gyokaku command: runs the TypeScript sources through the tsx loader (no build step).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
