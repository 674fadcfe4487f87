import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { standalonePlan } from "./standalone-plan";

/** The heap limit, in MB, of a Node started with the console's options (a script in place of server.js). */
function heapLimitMb(nodeOptions: string): number {
  const { command, args } = standalonePlan("/srv/console", nodeOptions).console(4000);
  expect(args.at(-1)).toBe(path.join("/srv/console", "server.js"));
  const limit = execFileSync(command, [...args.slice(0, -1), "-e", "console.log(require('v8').getHeapStatistics().heap_size_limit)"], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  return Number(limit) / 1024 / 1024;
}

describe("the console as the standalone directory starts it", () => {
  it("runs Next's server.js under a 1 GB heap ceiling, so V8 collects a crawl's garbage before it piles up", () => {
    const mb = heapLimitMb("");
    expect(mb).toBeGreaterThan(1000);
    expect(mb).toBeLessThan(1200);
  });

  it("leaves the ceiling to the operator who sets one in NODE_OPTIONS", () => {
    expect(heapLimitMb("--max-old-space-size=2048")).toBeGreaterThan(2000);
  });
});
