import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

/** The modules that spawn processes: git, the tester's process-group runner, and `npm start`'s build of the web app. */
const SPAWNERS = ["lib/git/**", "lib/tester/run-script.ts", "workers/start.ts"];

/**
 * The Prisma client behind a `Db` handle is lib/db's own: code above it calls a repository,
 * and a test that plants or inspects rows takes `t.prisma` (lib/db/test-support).
 */
const PRISMA_ACCESSOR = {
  group: ["**/db/client"],
  importNames: ["prisma"],
  message: "Only lib/db's repositories query through Prisma: call a repository (tests: t.prisma).",
};

// ESLint applies the last block that matches a file, so the domain's block, the strictest, comes last.
const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    ignores: ["node_modules/**", ".next/**", ".next-*/**", "data/**", "lib/db/generated/**", "next-env.d.ts"],
  },
  {
    // Everything outside lib/db, tests and benchmarks included; the blocks below repeat it.
    files: ["lib/**", "app/**", "workers/**", "bin/**", "bench/**", "e2e/**"],
    ignores: ["lib/db/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [PRISMA_ACCESSOR] }] },
  },
  {
    // Processes are spawned by lib/git alone (git, and the tester's scripts through its
    // process-group runner); workers/start.ts builds and serves the web app.
    files: ["lib/**", "app/**", "workers/**"],
    ignores: [...SPAWNERS, "lib/db/**", "**/*.test.ts", "**/test-support/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["child_process", "node:child_process"], message: "Only lib/git spawns processes." },
            {
              group: ["@prisma/*", "pg", "**/db/generated/**"],
              message: "Only lib/db talks to PostgreSQL: call a repository.",
            },
            PRISMA_ACCESSOR,
          ],
        },
      ],
    },
  },
  {
    files: ["lib/db/**"],
    ignores: ["**/*.test.ts", "**/test-support/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["child_process", "node:child_process"], message: "Only lib/git spawns processes." },
          ],
        },
      ],
    },
  },
  {
    // The pure domain: data in, values out. No database, no framework, no processes, and
    // nothing of the layers above it (docs/architecture.md).
    files: [
      "lib/mail/**",
      "lib/series/**",
      "lib/diff/**",
      "lib/mbox/**",
      "lib/notify/**",
      "lib/query/**",
      "lib/maintainers/**",
      "lib/checks/**",
      "lib/text/**",
      "lib/routes.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@prisma/*", "pg", "pg-boss", "**/db/**", "**/queue/**"],
              message: "The domain reads no database: a flow loads the facts and hands them in.",
            },
            {
              group: ["**/flows/**", "**/views/**", "**/http/**", "**/ui/**", "**/atom/**"],
              message: "The domain imports no layer above it.",
            },
            { group: ["next", "next/*", "react", "react-dom"], message: "The domain stays framework-free." },
            { group: ["child_process", "node:child_process"], message: "Only lib/git spawns processes." },
          ],
        },
      ],
    },
  },
];
export default config;
