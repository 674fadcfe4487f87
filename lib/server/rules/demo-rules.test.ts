import { expect, it } from "vitest";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { consoleUser } from "@/lib/server/testing/rules";
import { writeDemoRules } from "./demo-rules";
import { listRules } from "./service";

// The embedded demo's example rules: written once per store, all disabled, audited as the bootstrap admin.

const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };

describeEachStore("demo rules", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => {
    db = store;
    holder.__groupConsole = { db: store, im: {} };
  });

  it("a fresh demo store gets a few examples, none enabled; a second start, or a store where rules were ever written, gets none", async () => {
    const admin = await consoleUser(db, "admin");
    expect(await writeDemoRules(db, admin.email)).toBe(3);
    const { items } = await listRules(null);
    expect(items.map((r) => [r.position, r.enabled])).toEqual([
      [0, false],
      [1, false],
      [2, false],
    ]);
    expect(await writeDemoRules(db, admin.email)).toBe(0);
    const audit = await db.all<{ actor_email: string; action: string }>("SELECT actor_email, action FROM audit ORDER BY id");
    expect(audit).toEqual(Array.from({ length: 3 }, () => ({ actor_email: admin.email, action: "rule.create" })));
  });

  it("no bootstrap admin, no examples", async () => {
    expect(await writeDemoRules(db, "nobody@demo.test")).toBe(0);
    expect((await listRules(null)).items).toEqual([]);
  });
});
