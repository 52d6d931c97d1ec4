#!/usr/bin/env node
// The `patchwatch` command: runs the TypeScript CLI through tsx, wherever it is called from.
import { register } from "tsx/esm/api";

register();
await import("../workers/cli.ts");
