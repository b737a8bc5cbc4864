import { inject } from "vitest";

// lib/db/client reads DATABASE_URL lazily, on first use.
process.env.DATABASE_URL = inject("databaseUrl");
