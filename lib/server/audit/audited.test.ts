import { afterAll, expect, it } from "vitest";
import type { SessionUser } from "@/lib/schemas/user";
import { openSqliteTestStore } from "@/lib/server/store/test-stores";
import { audited } from "./audited";

// An audited write whose work was done but whose result cannot be written (the store failing just then) is never
// written down as a failure: the entry stays open, as after a crash, for settlement to ask the IM server.

const store = openSqliteTestStore();
/** The next result written fails, once: the store is back at once after. */
let nextResultFails = false;
const db: typeof store = {
  ...store,
  run: (sql, params) => {
    if (!nextResultFails || !sql.startsWith("UPDATE audit")) return store.run(sql, params);
    nextResultFails = false;
    return Promise.reject(new Error("the store is not answering"));
  },
};
(globalThis as { __groupConsole?: unknown }).__groupConsole = { db, im: {} };
afterAll(() => store.close());

const actor: SessionUser = { id: "1", email: "mod@console.test", name: "Mod", role: "moderator" };
const entries = () => store.all<{ target: string; result: string | null }>("SELECT target, result FROM audit ORDER BY id");

it("the work done and its result written: ok; the work done and its result lost: left open, not a failure", async () => {
  expect(await audited({ actor, action: "member.ban", groupId: "g1", target: "u1", requestId: "r1" }, async () => "banned")).toBe("banned");

  let done = false;
  nextResultFails = true;
  const lost = audited({ actor, action: "member.ban", groupId: "g1", target: "u2", requestId: "r2" }, async () => {
    done = true;
    return "banned";
  });
  await expect(lost).rejects.toThrow("the store is not answering");

  expect(done).toBe(true);
  expect(await entries()).toEqual([
    { target: "u1", result: "ok" },
    { target: "u2", result: null },
  ]);
});
