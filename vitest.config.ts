import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: pure unit tests, and integration tests against a real PostgreSQL (a fresh database
// per run, see tests/integration/global-setup.ts). Browser tests run separately with Playwright.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Tests share one database; files run one after another to keep counts predictable.
          fileParallelism: false,
        },
      },
    ],
  },
});
