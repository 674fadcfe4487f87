import { describe, expect, it } from "vitest";
import { serially } from "./serial";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("serially", () => {
  it("runs tasks of one key in order, and of different keys side by side", async () => {
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name}:start`);
      await sleep(ms);
      log.push(`${name}:end`);
      return name;
    };
    const results = await Promise.all([serially("g1", task("a", 30)), serially("g1", task("b", 1)), serially("g2", task("c", 1))]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(log.indexOf("a:end")).toBeLessThan(log.indexOf("b:start"));
    expect(log.indexOf("c:end")).toBeLessThan(log.indexOf("a:end"));
  });

  it("a failed task does not stop the next one", async () => {
    const failed = serially("g3", async () => {
      throw new Error("boom");
    });
    const next = serially("g3", async () => "ok");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ok");
  });
});
