import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

/** The modules that spawn processes: git, the tester's process-group runner, and `npm start`'s build of the web app. */
const SPAWNERS = ["lib/git/**", "lib/tester/run-script.ts", "workers/start.ts"];

// ESLint applies the last block that matches a file, so the domain's block, the strictest, comes last.
const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    ignores: ["node_modules/**", ".next/**", ".next-*/**", "data/**", "lib/db/generated/**", "next-env.d.ts"],
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
