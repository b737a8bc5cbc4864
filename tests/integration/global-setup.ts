// `npm test` hands the integration tests a fresh database in TEST_DATABASE_URL; run on their own
// (`npx vitest run --project integration`) they make and drop one themselves.
import type { TestProject } from "vitest/node";
import { createTestDatabases } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("databaseUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const databases = await createTestDatabases(process.cwd(), ["integration"]);
  project.provide("databaseUrl", databases.urls[0]!);
  return () => databases.drop();
}
