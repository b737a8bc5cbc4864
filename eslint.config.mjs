import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The layers, held by the linter rather than by memory. Dependencies point down only:
// app/ (routes) → components/ (UI) → lib/ (actions, services) → the pure layers, which know no
// database, no framework and no request. A later `files` block replaces the rule for the files it
// matches, so each block lists every pattern its folder must keep, not just its own additions.

/** lib/ never reaches back up into routes or UI. */
const libStaysBelowTheUi = [
  { group: ["@/app", "@/app/**"], message: "lib/ must not import from app/: move the shared code into lib/." },
  { group: ["@/components", "@/components/**"], message: "lib/ must not import UI components." },
  { regex: "^(\\.\\./)+(app|components)(/|$)", message: "lib/ must not import from app/ or components/." },
];

/** The pure layers (engine, file reading, money, generator) run anywhere: in a test, a CLI, a worker. */
const pureLayerStaysPure = [
  ...libStaysBelowTheUi,
  { group: ["@prisma/*", "pg", "pg-copy-streams"], message: "Pure layer: no database access here; do it in a lib/ service that calls this code." },
  { group: ["next", "next/*", "next-auth", "next-auth/*", "next-intl/server"], message: "Pure layer: no framework or request here; pass what is needed as arguments." },
  {
    // Only pure siblings: anything else in lib/ may pull Prisma or Next in through the back door.
    regex: "^@/lib/(?!(money|match-engine|import|generate|fees)(/|$)|errors$)",
    message: "Pure layer: import only lib/money, lib/match-engine, lib/import, lib/generate, lib/fees and lib/errors.",
  },
  { regex: "^(\\.\\./)+(.+/)?db(/|$)", message: "Pure layer: no database access here." },
];

/** Components render what they are given and call server actions; they never query. */
const componentsStayUi = [
  { group: ["@/app", "@/app/**"], message: "components/ must not import from app/: server actions live in lib/actions/." },
  { group: ["@/lib/db", "@/lib/db/**"], message: "components/ must not import lib/db: take data as props; import types from the lib/ module that returns them." },
  { regex: "^(\\.\\./)+(app|lib/db)(/|$)", message: "components/ must not import from app/ or lib/db." },
];

const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", ".next-*/**", ".data/**", "lib/db/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["components/**/*.{ts,tsx}"], rules: restrict(componentsStayUi) },
  { files: ["lib/**/*.{ts,tsx}"], rules: restrict(libStaysBelowTheUi) },
  { files: ["lib/{match-engine,import,money,generate,fees}/**/*.{ts,tsx}"], rules: restrict(pureLayerStaysPure) },
];

export default config;
