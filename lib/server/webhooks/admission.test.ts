import { describe, expect, it } from "vitest";
import { createDoor, type Mark } from "./admission";

/** A re-read that finishes only when the story says so. */
function rereads() {
  const started: { groupId: string; mark: Mark; finish: () => void }[] = [];
  const reread = (groupId: string, mark: Mark) => new Promise<void>((finish) => started.push({ groupId, mark, finish }));
  return { started, reread };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the webhook door", () => {
  it("takes webhooks while it has places, and turns the next one away", () => {
    const door = createDoor(2, rereads().reread);
    expect(door.enter()).toBe(true);
    expect(door.enter()).toBe(true);
    expect(door.enter()).toBe(false);
    door.leave();
    expect(door.enter()).toBe(true);
  });

  it("re-reads a group marked at the full door once a place frees, however many webhooks marked it", async () => {
    const { started, reread } = rereads();
    const door = createDoor(1, reread);
    expect(door.enter()).toBe(true);
    for (let i = 0; i < 50; i++) door.mark("g1", { joined: false });
    door.mark("g2", { joined: false });
    expect(started).toEqual([]);

    door.leave();
    expect(started.map((r) => r.groupId)).toEqual(["g1"]);
    started[0].finish();
    await settle();
    expect(started.map((r) => r.groupId)).toEqual(["g1", "g2"]);
    expect(door.take()).toEqual({ inFlight: 1, marked: 0, shed: 51, dropped: 0 });
  });

  it("gives a freed place to the marks before any new webhook, so a steady storm cannot starve them", async () => {
    const { started, reread } = rereads();
    const door = createDoor(1, reread);
    door.enter();
    door.mark("g1", { joined: false });
    door.mark("g2", { joined: false });
    door.leave();
    // g1 is being re-read and g2 still waits: a new webhook is marked too, not let in ahead of g2.
    expect(door.enter()).toBe(false);
    started[0].finish();
    await settle();
    expect(started.map((r) => r.groupId)).toEqual(["g1", "g2"]);
  });

  it("keeps one mark per group, remembering that a member joined if any of its webhooks said so", async () => {
    const { started, reread } = rereads();
    const door = createDoor(1, reread);
    door.enter();
    door.mark("g1", { joined: true });
    door.mark("g1", { joined: false });
    door.leave();
    expect(started.map((r) => [r.groupId, r.mark])).toEqual([["g1", { joined: true }]]);
  });

  it("marks a group again when a webhook comes while its re-read runs: that read may have started before the change", async () => {
    const { started, reread } = rereads();
    const door = createDoor(1, reread);
    door.enter();
    door.mark("g1", { joined: false });
    door.leave();
    door.mark("g1", { joined: false });
    started[0].finish();
    await settle();
    expect(started.map((r) => r.groupId)).toEqual(["g1", "g1"]);
  });

  it("gives the place back when a re-read fails", async () => {
    const door = createDoor(1, async () => {
      throw new Error("IM server unavailable");
    });
    door.enter();
    door.mark("g1", { joined: false });
    door.leave();
    await settle();
    expect(door.take().inFlight).toBe(0);
    expect(door.enter()).toBe(true);
  });

  it("holds one mark per group however long a storm lasts", () => {
    const door = createDoor(1, rereads().reread);
    door.enter();
    for (let i = 0; i < 30_000; i++) door.mark(`g${i % 1000}`, { joined: i % 2 === 0 });
    expect(door.take()).toEqual({ inFlight: 1, marked: 1000, shed: 30_000, dropped: 0 });
  });

  it("holds no more marks than its bound: webhooks naming yet more groups are dropped and counted, marked groups still merge", async () => {
    const { started, reread } = rereads();
    const door = createDoor(1, reread, 3);
    door.enter();
    for (const g of ["g1", "g2", "g3", "forged-1", "forged-2", "g1"]) door.mark(g, { joined: false });
    expect(door.take()).toEqual({ inFlight: 1, marked: 3, shed: 4, dropped: 2 });
    door.leave();
    await settle();
    expect(started.map((r) => r.groupId)).toEqual(["g1"]);
  });
});
