import os from "node:os";
import path from "node:path";

import { defineConfig } from "@playwright/test";

// The browser tests run Patchwatch exactly as `npm start` does, on a private data
// directory and port, and drive Debian's chromium (Playwright's own browser download
// is not used).
const port = Number(process.env.E2E_PORT ?? 3917);
// Set once in the runner, so test workers (other processes) find the same directory.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `patchwatch-e2e-${process.pid}`);
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  workers: 1,
  // After the server is up: the applier's first round over the sample, so that no test races it.
  globalSetup: "./e2e/support/wait-for-first-apply-round.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // `npm start` with the sample's ltp tree replaced by a local stand-in built from sample
    // patches, so the applier runs for real (e2e/support/serve-with-sample-upstream.ts).
    command: "node --import tsx e2e/support/serve-with-sample-upstream.ts",
    url: `http://127.0.0.1:${port}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      ...(process.env as Record<string, string>),
      PORT: String(port),
      PATCHWATCH_DATA: dataDir,
      DATABASE_URL: "",
    },
  },
});
