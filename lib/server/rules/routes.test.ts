import { expect, it, vi } from "vitest";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/rules/[id]/route";
import { PUT as switchRoute } from "@/app/api/rules/enabled/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/rules/route";
import type { Rule } from "@/lib/schemas/rule";
import type { SessionUser } from "@/lib/schemas/user";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { consoleUser, group, jsonRequest, seedGroups } from "@/lib/server/testing/rules";

// Rules through the real routes (docs/contracts.md § Rules): admins write, moderators read, viewers neither;
// positions stay 0..n-1, a stale version is 409 with the newer rule, bad input saves nothing, every write audited.

let me: SessionUser;
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));

const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };
const none = { params: Promise.resolve({}) };
const idOf = (id: string) => ({ params: Promise.resolve({ id }) });
const spam = { name: "Spam", when: { messageContainsAny: ["spam"] }, then: { action: "refuse", reason: "No spam" } };

describeEachStore("rules routes", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => {
    db = store;
    holder.__groupConsole = { db: store, im: {} };
  });
  const create = (body: unknown) => createRoute(jsonRequest("/api/rules", "POST", body), none);
  const patch = (id: string, body: unknown) => patchRoute(jsonRequest(`/api/rules/${id}`, "PATCH", body), idOf(id));
  const remove = (id: string) => deleteRoute(jsonRequest(`/api/rules/${id}`, "DELETE"), idOf(id));
  const list = async () => (await listRoute(jsonRequest("/api/rules", "GET"), none)).json();
  const order = async () => (await list()).items.map((r: Rule) => `${r.position}:${r.name}`);
  const made = async (body: unknown): Promise<Rule> => {
    const res = await create(body);
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    return (await res.json()).rule;
  };

  it("no rule exists until an admin makes one; a new rule starts disabled, with its counts, and is audited", async () => {
    me = await consoleUser(db, "admin");
    expect(await list()).toEqual({ items: [], enabled: true, toggle: true });
    const rule = await made(spam);
    expect(rule).toMatchObject({
      name: "Spam",
      enabled: false,
      position: 0,
      version: 1,
      scope: {},
      when: { messageContainsAny: ["spam"] },
      then: { action: "refuse", reason: "No spam" },
      stats: { matched: 0, lastMatchedAt: null },
      createdBy: "admin@rules.test",
    });
    expect((await list()).items).toEqual([rule]);
    const audit = await db.all<{ action: string; target: string; result: string }>("SELECT action, target, result FROM audit ORDER BY id");
    expect(audit).toEqual([{ action: "rule.create", target: rule.id, result: "ok" }]);
  });

  it("positions: appended without one, inserted and moved with one (the others shift), closed up on delete", async () => {
    me = await consoleUser(db, "admin");
    const a = await made({ ...spam, name: "A" });
    const b = await made({ ...spam, name: "B" });
    await made({ ...spam, name: "C", position: 0 });
    expect(await order()).toEqual(["0:C", "1:A", "2:B"]);
    await made({ ...spam, name: "D", position: 3 });
    expect(await order()).toEqual(["0:C", "1:A", "2:B", "3:D"]);
    expect((await patch(b.id, { version: 1, position: 0 })).status).toBe(200);
    expect(await order()).toEqual(["0:B", "1:C", "2:A", "3:D"]);
    expect((await patch(b.id, { version: 2, position: 3 })).status).toBe(200);
    expect(await order()).toEqual(["0:C", "1:A", "2:D", "3:B"]);
    expect((await remove(a.id)).status).toBe(204);
    expect(await order()).toEqual(["0:C", "1:D", "2:B"]);
    // Out of range: past the end on insert (n), past the last on a move (n-1); nothing moves.
    for (const res of [await create({ ...spam, position: 4 }), await patch(b.id, { version: 3, position: 3 })]) {
      expect(res.status).toBe(422);
      expect((await res.json()).error.details.reason.key).toBe("rulePosition");
    }
    expect(await order()).toEqual(["0:C", "1:D", "2:B"]);
    expect((await remove(a.id)).status).toBe(404);
    expect((await patch("nope", { version: 1, name: "x" })).status).toBe(404);
  });

  it("a stale version is 409 with the newer version and rule, and saves nothing", async () => {
    me = await consoleUser(db, "admin");
    const rule = await made(spam);
    const first = await patch(rule.id, { version: 1, enabled: true, name: "Spam words" });
    expect(first.status).toBe(200);
    const updated = (await first.json()).rule;
    expect(updated).toMatchObject({ version: 2, enabled: true, name: "Spam words", when: rule.when });
    const stale = await patch(rule.id, { version: 1, name: "Lost edit" });
    expect(stale.status).toBe(409);
    const error = (await stale.json()).error;
    expect(error.code).toBe("conflict");
    expect(error.details).toMatchObject({ version: 2, rule: updated });
    expect((await list()).items).toEqual([updated]);
    expect(await db.all("SELECT action FROM audit ORDER BY id")).toEqual([{ action: "rule.create" }, { action: "rule.update" }]);
  });

  it("refuses bad rules in the error contract (422), with nothing saved", async () => {
    me = await consoleUser(db, "admin");
    await seedGroups(db, [group("@TGS#known")]);
    const cases: [unknown, string?][] = [
      [{ ...spam, colour: "red" }],
      [{ ...spam, when: { messageContainsAny: ["spam"], regex: "(a+)+$" } }],
      [{ ...spam, then: { action: "refuse", extra: 1 } }],
      [{ ...spam, when: {} }, "ruleMatchesEverything"],
      [{ ...spam, when: undefined }, "ruleMatchesEverything"],
      [{ ...spam, when: {}, matchEverything: false }, "ruleMatchesEverything"],
      [{ ...spam, when: { messageContainsAny: Array.from({ length: 201 }, (_, i) => `w${i}`) } }, "tooMany"],
      [{ ...spam, when: { messageContainsAny: ["広".repeat(34)] } }, "wordBytes"],
      [{ ...spam, when: { messageContainsAny: ["  "] } }, "wordBlank"],
      [{ ...spam, when: { messageContainsAny: [] } }, "tooFew"],
      [{ ...spam, when: { requesterIn: Array.from({ length: 1001 }, (_, i) => `u${i}`) } }, "tooMany"],
      [{ ...spam, scope: { groupIds: ["@TGS#known", "@TGS#nope"] } }, "ruleUnknownGroups"],
      [{ ...spam, scope: { types: ["Club"] } }],
      [{ ...spam, name: "" }],
      [{ ...spam, name: "x".repeat(81) }],
      [{ ...spam, then: { action: "ban" } }],
      [{ ...spam, then: { action: "refuse", reason: "理".repeat(101) } }, "reasonBytes"],
      [{ ...spam, when: { burst: { atLeast: 0, minutes: 5 } } }],
      [{ ...spam, when: { refusedAtLeast: { count: 1, days: 1, extra: true } } }],
      [{ ...spam, position: -1 }],
    ];
    for (const [body, key] of cases) {
      const res = await create(body);
      const error = (await res.json()).error;
      expect([res.status, error.code], JSON.stringify(body).slice(0, 120)).toEqual([422, "validation"]);
      if (key) expect(error.details.reason?.key ?? error.details.fields?.[0]?.key, JSON.stringify(body).slice(0, 120)).toBe(key);
    }
    const unknown = await (await create({ ...spam, scope: { groupIds: ["@TGS#nope"] } })).json();
    expect(unknown.error.details.unknownGroupIds).toEqual(["@TGS#nope"]);
    // A word of exactly 100 bytes and 200 words are fine; so is an empty when that says it means everything.
    expect(
      (await create({ ...spam, when: { messageContainsAny: ["広".repeat(33) + "a", ...Array.from({ length: 199 }, (_, i) => `w${i}`)] } }))
        .status,
    ).toBe(201);
    expect((await create({ ...spam, when: {}, matchEverything: true, scope: { groupIds: ["@TGS#known"] } })).status).toBe(201);
    expect(await order()).toEqual(["0:Spam", "1:Spam"]);
    // An edit may not leave a rule matching everything, nor name unknown groups; the rule stays as it was.
    const [rule] = (await list()).items as Rule[];
    for (const [body, key] of [
      [{ version: 1, when: {} }, "ruleMatchesEverything"],
      [{ version: 1, scope: { groupIds: ["@TGS#nope"] } }, "ruleUnknownGroups"],
      [{ version: 1 }, "nothingToChange"],
      [{ version: 1, name: "x", createdBy: "me" }, undefined],
    ] as const) {
      const res = await patch(rule.id, body);
      const error = (await res.json()).error;
      expect(res.status, JSON.stringify(body)).toBe(422);
      if (key) expect(error.details.reason?.key ?? error.details.fields?.[0]?.key).toBe(key);
    }
    expect((await list()).items[0]).toEqual(rule);
    expect(await db.all("SELECT action FROM audit WHERE action <> 'rule.create'")).toEqual([]);
  });

  it("roles: a moderator reads but may not write, a viewer may not even read", async () => {
    me = await consoleUser(db, "admin");
    const rule = await made(spam);
    me = await consoleUser(db, "moderator");
    expect((await list()).items).toHaveLength(1);
    for (const res of [
      await create(spam),
      await patch(rule.id, { version: 1, name: "x" }),
      await remove(rule.id),
      await switchRoute(jsonRequest("/api/rules/enabled", "PUT", { enabled: false }), none),
    ])
      expect(res.status).toBe(403);
    me = await consoleUser(db, "viewer");
    expect((await listRoute(jsonRequest("/api/rules", "GET"), none)).status).toBe(403);
  });

  it("the switch: admins pause and resume every rule (audited); RULES_ENABLED=0 keeps them off and says why", async () => {
    me = await consoleUser(db, "admin");
    const put = async (enabled: unknown) => switchRoute(jsonRequest("/api/rules/enabled", "PUT", { enabled }), none);
    expect(await (await put(false)).json()).toEqual({ enabled: false, toggle: false });
    expect(await list()).toMatchObject({ enabled: false, toggle: false });
    expect((await put("yes")).status).toBe(422);
    process.env.RULES_ENABLED = "0";
    try {
      const answer = await (await put(true)).json();
      expect(answer).toMatchObject({ enabled: false, toggle: true, forcedOff: { variable: "RULES_ENABLED" } });
      expect(answer.forcedOff.message).toMatch(/RULES_ENABLED=0/);
      expect(await list()).toMatchObject({ enabled: false, toggle: true });
    } finally {
      delete process.env.RULES_ENABLED;
    }
    expect(await list()).toEqual({ items: [], enabled: true, toggle: true });
    const audit = await db.all<{ action: string; before: string; after: string }>("SELECT action, before, after FROM audit ORDER BY id");
    expect(audit.map((a) => [a.action, JSON.parse(a.before), JSON.parse(a.after)])).toEqual([
      ["rules.switch", { enabled: true }, { enabled: false }],
      ["rules.switch", { enabled: false }, { enabled: true }],
    ]);
  });
});
