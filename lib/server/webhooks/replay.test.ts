import { describe, expect, it } from "vitest";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { FORGET_EVERY_MS, isFirstDelivery, REMEMBER_SEEN_MS, replayKey } from "./replay";

const body = (groupId: string) => Buffer.from(JSON.stringify({ CallbackCommand: "Group.CallbackAfterGroupInfoChanged", GroupId: groupId }));

describe("a webhook's replay key", () => {
  it("is the same for the same RequestTime and body, and differs when either does", () => {
    const key = replayKey("1700000000", body("g1"));
    expect(replayKey("1700000000", body("g1"))).toBe(key);
    expect(replayKey("1700000000", body("g2"))).not.toBe(key);
    expect(replayKey("1700000001", body("g1"))).not.toBe(key);
  });

  it("is none without a well-formed RequestTime (no token configured: nothing bounds a window)", () => {
    expect(replayKey(null, body("g1"))).toBeNull();
    expect(replayKey("", body("g1"))).toBeNull();
    expect(replayKey("soon", body("g1"))).toBeNull();
  });
});

describeEachStore("webhooks seen by the console", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));
  const T = 1_700_000_000_000;
  const key = replayKey("1700000000", body("g1"))!;
  const seenRows = async () => (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM webhooks_seen"))!.n;

  it("takes a webhook the first time and drops it when it comes again", async () => {
    expect(await isFirstDelivery(db, key, T)).toBe(true);
    expect(await isFirstDelivery(db, key, T + 1000)).toBe(false);
    expect(await isFirstDelivery(db, replayKey("1700000000", body("g2"))!, T + 1000)).toBe(true);
  });

  it("lets exactly one of several instances take a webhook they all receive at once", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => isFirstDelivery(db, key, T)));
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it("remembers a webhook as long as its RequestTime can be accepted, and forgets it afterwards", async () => {
    expect(await isFirstDelivery(db, key, T)).toBe(true);
    expect(await isFirstDelivery(db, key, T + REMEMBER_SEEN_MS)).toBe(false);
    // Past the window (and the next time old keys are forgotten), the row is gone.
    expect(await isFirstDelivery(db, "another", T + REMEMBER_SEEN_MS + FORGET_EVERY_MS + 1)).toBe(true);
    expect(await db.get("SELECT key FROM webhooks_seen WHERE key = ?", [key])).toBeUndefined();
    expect(await seenRows()).toBe(1);
  });
});
