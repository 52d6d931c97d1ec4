import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    ignores: ["node_modules/**", ".next/**", ".next-*/**", "data/**", "lib/db/generated/**", "next-env.d.ts"],
  },
  {
    // The domain stays framework-free: no Prisma, no Next.js, no child processes.
    files: [
      "lib/mail/**",
      "lib/series/**",
      "lib/diff/**",
      "lib/mbox/**",
      "lib/notify/**",
      "lib/query/**",
      "lib/maintainers/**",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@prisma/*", "**/db/**", "next", "next/*"], message: "lib/ domain modules stay pure." },
            { group: ["child_process", "node:child_process"], message: "Only lib/git spawns processes." },
          ],
        },
      ],
    },
  },
];
export default config;
