// npm run bench -- <name> [options]: one benchmark per file in scripts/bench, chosen by name.
const BENCHMARKS: Record<string, string> = {
  import: "./bench/import-bench.ts",
  reconcile: "./bench/reconcile-bench.ts",
  workspace: "./bench/workspace-bench.ts",
  audit: "./bench/audit-bench.ts",
  export: "./bench/export-bench.ts",
  receivables: "./bench/receivables-bench.ts",
  reports: "./bench/reports-bench.ts",
  analysis: "./bench/analysis-bench.ts",
};

const benchmark = process.argv[2];
const file = benchmark ? BENCHMARKS[benchmark] : undefined;
if (!file) {
  console.error(`Usage: npm run bench -- <${Object.keys(BENCHMARKS).join("|")}> [options]`);
  process.exit(2);
}
await import(file);
export {};
