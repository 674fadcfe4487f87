// The compressed JavaScript each page of a build loads, read from the build's own manifests (no browser, no
// clock): the framework (build-manifest.json's rootMainFiles, the same on every page) and the page's own
// chunks (the union of entryJSFiles in its client reference manifest: root layout, console layout, page).
// How the figures are used: docs/front-end.md § The budget
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export type PageScripts = {
  /** The URL path: `/`, `/groups`, `/groups/[id]`. */
  route: string;
  frameworkKb: number;
  ownKb: number;
  totalKb: number;
  /** The page's own chunks (framework excluded), largest first, in KB compressed. */
  chunks: { file: string; kb: number }[];
};

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

const MANIFEST = "page_client-reference-manifest.js";

/** gzip level 9 of a file, in KB: what a server compressing its static files sends. */
const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** `/(console)/groups/page` → `/groups`: route groups are not in the URL. */
export function routeOf(entry: string): string {
  const parts = entry.split("/").filter((p) => p && !(p.startsWith("(") && p.endsWith(")")));
  if (parts.at(-1) === "page") parts.pop();
  return `/${parts.join("/")}`;
}

/** The chunks a page loads, from the text of its client reference manifest (a script that assigns a global). */
export function entryChunks(manifestSource: string): { entry: string; files: string[] }[] {
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  runInNewContext(manifestSource, sandbox, { timeout: 1000 });
  return Object.entries(sandbox.__RSC_MANIFEST ?? {}).map(([entry, m]) => ({
    entry,
    files: [...new Set(Object.values(m.entryJSFiles ?? {}).flat())],
  }));
}

export function frameworkFiles(distDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  return manifest.rootMainFiles ?? [];
}

function manifestsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return manifestsUnder(p);
    return name === MANIFEST ? [p] : [];
  });
}

/** Every page of the build (Next's own `_not-found` and `_global-error` left out), sorted by route. */
export function measureBuild(distDir: string): PageScripts[] {
  const framework = frameworkFiles(distDir);
  const frameworkKb = framework.reduce((n, f) => n + gzipKb(path.join(distDir, f)), 0);
  const pages: PageScripts[] = [];
  for (const file of manifestsUnder(path.join(distDir, "server", "app"))) {
    for (const { entry, files } of entryChunks(readFileSync(file, "utf8"))) {
      if (entry.split("/").some((p) => p.startsWith("_"))) continue;
      const chunks = files
        .filter((f) => !framework.includes(f))
        .map((f) => ({ file: f, kb: gzipKb(path.join(distDir, f)) }))
        .sort((a, b) => b.kb - a.kb);
      const ownKb = chunks.reduce((n, c) => n + c.kb, 0);
      pages.push({ route: routeOf(entry), frameworkKb, ownKb, totalKb: frameworkKb + ownKb, chunks });
    }
  }
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}

/** The build directory the scripts and tests read: NEXT_DIST_DIR, as the build itself, or `.next`. */
export const buildDir = () => path.resolve(process.env.NEXT_DIST_DIR || ".next");
