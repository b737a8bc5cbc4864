// Runs in the browser before the app's own modules (Next's client instrumentation hook).
// Zod probes whether it may compile validators with `new Function` when a schema is built; under our
// CSP (no 'unsafe-eval', see lib/http/content-security-policy.ts) that probe is a CSP violation
// report on every page that ships a schema. Its interpreter works without eval, so say so up front.
import { config } from "zod";

config({ jitless: true });
