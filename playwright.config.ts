// Browser tests against a production build served by the app's own server (scripts/serve.ts), on a fresh database prepared by
// scripts/test.ts (E2E_DATABASE_URL), which also starts the job worker that does the imports and runs the
// app queues, in Debian's Chromium (Playwright cannot download browsers here).
import { defineConfig } from "@playwright/test";

// E2E_PORT and E2E_DIST_DIR let two checkouts (or two people) run browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".data/test-results/playwright.json" }]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "node --import tsx scripts/serve.ts",
    url: `http://localhost:${port}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-test",
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      // As behind one reverse proxy: the throttling specs give each simulated client its own
      // X-Forwarded-For, so their failures do not close 127.0.0.1 for the other specs.
      TRUST_PROXY: "1",
    },
  },
});
