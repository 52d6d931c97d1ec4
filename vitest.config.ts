import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // A test that needs a database says so in its name: *.db.test.ts.
          include: ["lib/**/*.test.ts", "workers/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["lib/**/*.db.test.ts", "workers/**/*.db.test.ts"],
          globalSetup: ["lib/db/test-support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One PostgreSQL server per run; files take turns so timings stay sane on 2 cores.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
