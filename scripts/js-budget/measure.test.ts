import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { entryChunks, measureBuild, routeOf } from "./measure";

// A build directory in miniature: a framework chunk every page loads, a layout chunk two pages share, and one
// chunk of the groups page's own; manifests written as Next writes them (a script assigning a global).
const dist = mkdtempSync(path.join(tmpdir(), "js-budget-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const chunk = (name: string, text: string) => {
  mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
  writeFileSync(path.join(dist, "static", "chunks", name), text);
  return `static/chunks/${name}`;
};
const manifest = (dir: string, entry: string, files: Record<string, string[]>) => {
  mkdirSync(path.join(dist, "server", "app", dir), { recursive: true });
  const body = JSON.stringify({ clientModules: {}, entryJSFiles: files });
  writeFileSync(
    path.join(dist, "server", "app", dir, "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${body};\n`,
  );
};

const framework = chunk("framework.js", "f".repeat(5000));
const layout = chunk("layout.js", "console layout ".repeat(400));
const groups = chunk("groups.js", Array.from({ length: 3000 }, (_, i) => i.toString(36)).join(","));
writeFileSync(path.join(dist, "build-manifest.json"), JSON.stringify({ rootMainFiles: [framework] }));
manifest("(console)", "/(console)/page", { "[project]/app/layout": [framework], "[project]/app/(console)/layout": [framework, layout] });
manifest("(console)/groups", "/(console)/groups/page", {
  "[project]/app/layout": [framework],
  "[project]/app/(console)/layout": [framework, layout],
  "[project]/app/(console)/groups/page": [framework, layout, groups],
});
manifest("_not-found", "/_not-found/page", { "[project]/app/layout": [framework] });

const kb = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

describe("the JavaScript a page of a build loads", () => {
  it("names pages by their URL, without route groups", () => {
    expect(routeOf("/(console)/page")).toBe("/");
    expect(routeOf("/(console)/groups/[id]/page")).toBe("/groups/[id]");
    expect(routeOf("/login/page")).toBe("/login");
  });

  it("reads a manifest's chunks once each, whichever segments share them", () => {
    const [only] = entryChunks(
      `globalThis.__RSC_MANIFEST = {}; globalThis.__RSC_MANIFEST["/x/page"] = { entryJSFiles: { a: ["1.js", "2.js"], b: ["2.js", "3.js"] } };`,
    );
    expect(only).toEqual({ entry: "/x/page", files: ["1.js", "2.js", "3.js"] });
  });

  it("counts the framework apart from each page's own chunks, gzipped, and leaves Next's own pages out", () => {
    const pages = measureBuild(dist);
    expect(pages.map((p) => p.route)).toEqual(["/", "/groups"]);
    const [dashboard, list] = pages;
    expect(dashboard.frameworkKb).toBeCloseTo(kb(framework), 6);
    expect(dashboard.chunks.map((c) => c.file)).toEqual([layout]);
    expect(list.chunks.map((c) => c.file).sort()).toEqual([groups, layout].sort());
    expect(list.ownKb).toBeCloseTo(kb(groups) + kb(layout), 6);
    expect(list.totalKb).toBeCloseTo(list.ownKb + list.frameworkKb, 6);
  });
});
