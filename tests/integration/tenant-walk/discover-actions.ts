// Finds every server action the way Next.js does: a module whose first statement is the
// "use server" directive exposes each of its exported functions as an action. Scanning app/ and
// lib/ (not a hand-kept list) is what makes a new action impossible to forget in the walk.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const SKIPPED_FOLDERS = new Set(["node_modules", "generated", ".next", ".next-test"]);

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Comments before the directive are allowed; anything else first makes it an ordinary string. */
export function startsWithUseServer(file: string): boolean {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const first = source.statements[0];
  return Boolean(first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server");
}

export type DiscoveredAction = { name: string; file: string; action: (...args: never[]) => Promise<unknown> };

export async function discoverServerActions(root: string): Promise<DiscoveredAction[]> {
  const files = ["app", "lib"].flatMap((folder) => sourceFiles(path.join(root, folder))).filter(startsWithUseServer).sort();
  const actions: DiscoveredAction[] = [];
  for (const file of files) {
    const exports = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === "function") actions.push({ name, file: path.relative(root, file), action: value as DiscoveredAction["action"] });
    }
  }
  return actions;
}
