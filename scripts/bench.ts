// npm run bench -- <name> [options]: one benchmark per file in scripts/bench, chosen by name.
const BENCHMARKS: Record<string, string> = {
  import: "./bench/import-bench.ts",
};

const name = process.argv[2];
const file = name ? BENCHMARKS[name] : undefined;
if (!file) {
  console.error(`Usage: npm run bench -- <${Object.keys(BENCHMARKS).join("|")}> [options]`);
  process.exit(2);
}
await import(file);
