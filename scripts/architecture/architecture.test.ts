import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { COMPOSITION_ROOT, SERVER_MODULES, TEST_SUPPORT } from "./modules.mjs";

// The structure lint enforces file by file, checked here over the whole import graph — type-only imports
// included — and the one place import circles are refused (docs/architecture.md § Modules).

const ROOT = path.resolve(import.meta.dirname, "../..");
// A tracked file deleted in the working tree (a change not yet committed) is gone, not unreadable.
const tracked = execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.mjs"], { cwd: ROOT, encoding: "utf8" })
  .split("\n")
  .filter((f) => f && existsSync(path.join(ROOT, f)));
const isTest = (f: string) => /\.test\.tsx?$|\.spec\.ts$|^e2e\//.test(f);
const product = tracked.filter((f) => /^(lib|app|components)\//.test(f) && !isTest(f) && !isTestSupport(f));

function isTestSupport(f: string) {
  return TEST_SUPPORT.some((p) => f === `lib/server/${p}` || f.startsWith(`lib/server/${p}/`));
}

/** Imports of a file that load with it (import, export … from, import type) and those that load later (import()). */
function importsOf(file: string): { eager: string[]; lazy: string[] } {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
  const eager: string[] = [];
  const lazy: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      eager.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]))
      lazy.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const resolved = (specs: string[]) => specs.map((s) => resolve(file, s)).filter((f): f is string => f !== null);
  return { eager: resolved(eager), lazy: resolved(lazy) };
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(from), spec) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const full = path.join(ROOT, candidate);
    if (existsSync(full) && statSync(full).isFile()) return path.normalize(candidate);
  }
  return null;
}

/** Strongly connected groups of more than one node (or a node importing itself): the import circles. */
function circles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const state = new Map<string, { index: number; low: number; onStack: boolean }>();
  const found: string[][] = [];
  const connect = (v: string) => {
    state.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!state.has(w)) {
        connect(w);
        state.get(v)!.low = Math.min(state.get(v)!.low, state.get(w)!.low);
      } else if (state.get(w)!.onStack) state.get(v)!.low = Math.min(state.get(v)!.low, state.get(w)!.index);
    }
    if (state.get(v)!.low === state.get(v)!.index) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        state.get(w)!.onStack = false;
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)?.has(v)) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!state.has(v)) connect(v);
  return found;
}

const fileGraph = new Map(product.map((f) => [f, new Set(importsOf(f).eager.filter((t) => !isTest(t)))]));

const serverModuleOf = (f: string): string | null => {
  if (!f.startsWith("lib/server/")) return null;
  const rest = f.slice("lib/server/".length);
  return rest.includes("/") ? rest.split("/")[0] : null;
};
const ORDER = SERVER_MODULES.map((m) => m.name);

describe("the server's structure", () => {
  it("has no import circle between files, type-only imports included (a lazy import() runs after both loaded)", () => {
    // The graph is the real one: hundreds of files and their imports, not an empty walk.
    expect(fileGraph.size).toBeGreaterThan(200);
    expect([...fileGraph.values()].reduce((n, targets) => n + targets.size, 0)).toBeGreaterThan(800);
    expect(circles(fileGraph)).toEqual([]);
  });

  it("has no circle between folders: lib's parts, and the server's modules", () => {
    const folderGraph = new Map<string, Set<string>>();
    const folderOf = (f: string) =>
      f.startsWith("lib/server/") ? (serverModuleOf(f) ?? COMPOSITION_ROOT) : f.split("/").slice(0, 2).join("/");
    for (const [from, targets] of fileGraph) {
      const a = folderOf(from);
      if (!folderGraph.has(a)) folderGraph.set(a, new Set());
      for (const t of targets) if (folderOf(t) !== a && fileGraph.has(t)) folderGraph.get(a)!.add(folderOf(t));
    }
    expect(circles(folderGraph)).toEqual([]);
  });

  it("places every server file in a module of the written order; the composition root is the one loose file", () => {
    const server = tracked.filter((f) => f.startsWith("lib/server/"));
    const loose = server.filter((f) => serverModuleOf(f) === null);
    expect(loose).toEqual([`lib/server/${COMPOSITION_ROOT}`]);
    const folders = new Set(server.map(serverModuleOf).filter((m): m is string => m !== null));
    expect([...folders].filter((m) => !ORDER.includes(m) && !TEST_SUPPORT.includes(m))).toEqual([]);
    for (const m of SERVER_MODULES)
      if (m.public !== "all")
        for (const file of m.public) expect(existsSync(path.join(ROOT, "lib/server", m.name, file)), `${m.name}/${file}`).toBe(true);
  });

  it("points every arrow between server modules down the written order, and nothing imports the composition root but start-up", () => {
    const against: string[] = [];
    for (const [from, targets] of fileGraph) {
      const a = serverModuleOf(from);
      for (const t of targets) {
        const b = serverModuleOf(t);
        if (t === `lib/server/${COMPOSITION_ROOT}`) against.push(`${from} → ${t}`);
        else if (a && b && a !== b && ORDER.indexOf(b) > ORDER.indexOf(a)) against.push(`${from} → ${t}`);
      }
    }
    expect(against).toEqual([]);
  });

  it("is written down in docs/architecture.md, in the same order", () => {
    const doc = readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");
    const section = doc.slice(doc.indexOf("## Modules"));
    const listed = [...section.matchAll(/^\| `([a-z-]+)\/` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(ORDER);
  });
});

describe("the docs the code relies on", () => {
  it("are cited by headings that exist: every `docs/<file>.md § Heading` names one", () => {
    const headings = (doc: string) =>
      readFileSync(path.join(ROOT, "docs", doc), "utf8")
        .split("\n")
        .filter((l) => l.startsWith("#"))
        .map((l) => l.replace(/^#+\s*/, ""));
    const broken: string[] = [];
    let cited = 0;
    for (const f of tracked.concat(
      execFileSync("git", ["ls-files", "*.md"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean),
    )) {
      for (const line of readFileSync(path.join(ROOT, f), "utf8").split("\n")) {
        for (const m of line.matchAll(/docs\/([\w-]+\.md)((?:,? (?:and )?§ [^§]+?)+?)(?=[),.;:`*]|\*\/|$)/g)) {
          const doc = m[1];
          if (!existsSync(path.join(ROOT, "docs", doc))) broken.push(`${f}: docs/${doc} does not exist`);
          else
            for (const [, title] of m[2].matchAll(/§ ([^§]+?)(?= and §|$)/g)) {
              cited++;
              if (!headings(doc).some((h) => h.startsWith(title.trim()))) broken.push(`${f}: docs/${doc} § ${title}`);
            }
        }
      }
    }
    expect(cited).toBeGreaterThan(5);
    expect(broken).toEqual([]);
  });
});

describe("the files", () => {
  const LIMIT = 250;
  it(`stay under ${LIMIT} lines, or say at their top why not`, () => {
    const long = tracked
      .filter((f) => !f.startsWith("node_modules/"))
      .flatMap((f) => {
        const lines = readFileSync(path.join(ROOT, f), "utf8").split("\n");
        const reason = lines.slice(0, 5).some((l) => /^\s*(\/\/|\*|\/\*\*?)\s*Longer than 250 lines:/.test(l));
        return lines.length > LIMIT && !reason ? [`${f} (${lines.length})`] : [];
      });
    expect(long).toEqual([]);
  });
});
