// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded database.
import { prepareDatabase } from "../lib/db/prepare-database";

const database = await prepareDatabase({ projectRoot: process.cwd() });
console.log(`Migrations applied to ${database.url.replace(/:[^:@/]*@/, ":***@")}`);
await database.stop();
