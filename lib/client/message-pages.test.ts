import { describe, expect, it } from "vitest";
import type { GroupMessage, MessagesAnswer } from "@/lib/schemas/moderation";
import { keepChosen, markRecalled, mergeMessagePages, toggleChosen } from "./message-pages";

const msg = (seq: number, over: Partial<GroupMessage> = {}): GroupMessage => ({
  seq,
  senderId: "aiko_01",
  senderNickname: "Aiko",
  sentAt: new Date(Date.UTC(2026, 2, 1, 12, 0, seq)).toISOString(),
  text: `message ${seq}`,
  recalled: false,
  ...over,
});
const page = (seqs: number[], nextCursor: string | null = null, over: Partial<GroupMessage> = {}): MessagesAnswer => ({
  items: seqs.map((s) => msg(s, over)),
  nextCursor,
});

describe("a group's messages, page after page", () => {
  it("'Load older' appends the older page below the newer one", () => {
    const merged = mergeMessagePages([page([30, 29, 28], "c28"), page([27, 26], null)]);
    expect(merged.map((m) => m.seq)).toEqual([30, 29, 28, 27, 26]);
  });

  it("a message on two pages (an older page loaded while a new message arrived) is listed once, as the newer page has it", () => {
    const fresh = page([31, 30, 29], "c29", {});
    fresh.items[2] = msg(29, { recalled: true });
    const older = page([29, 28, 27], "c27");
    const merged = mergeMessagePages([fresh, older]);
    expect(merged.map((m) => m.seq)).toEqual([31, 30, 29, 28, 27]);
    expect(merged.find((m) => m.seq === 29)?.recalled).toBe(true);
  });

  it("whatever order the pages came in, the newest is first", () => {
    expect(mergeMessagePages([page([5, 3]), page([9, 4])]).map((m) => m.seq)).toEqual([9, 5, 4, 3]);
  });

  it("no pages yet is no messages", () => {
    expect(mergeMessagePages([])).toEqual([]);
  });

  it("a recall shows at once on every page that holds the message, leaving the others untouched", () => {
    const data = { pages: [page([12, 11], "c11"), page([10, 9])], pageParams: ["", "c11"] };
    const after = markRecalled(data, [11, 9])!;
    expect(after.pages.flatMap((p) => p.items.filter((m) => m.recalled).map((m) => m.seq))).toEqual([11, 9]);
    expect(after.pageParams).toEqual(["", "c11"]);
    expect(data.pages[0]!.items[1]!.recalled).toBe(false);
    expect(markRecalled(undefined, [1])).toBeUndefined();
  });
});

describe("choosing messages to recall", () => {
  const shown = [msg(20), msg(19, { recalled: true }), ...Array.from({ length: 12 }, (_, i) => msg(18 - i))];

  it("a message is chosen and unchosen by the same toggle", () => {
    expect(toggleChosen([], 20, shown)).toEqual([20]);
    expect(toggleChosen([20], 20, shown)).toEqual([]);
  });

  it("a recalled message cannot be chosen", () => {
    expect(toggleChosen([], 19, shown)).toEqual([]);
  });

  it("at most ten: the eleventh is refused, and unchoosing one makes room again", () => {
    const ten = [20, 18, 17, 16, 15, 14, 13, 12, 11, 10];
    expect(toggleChosen(ten, 9, shown)).toEqual(ten);
    expect(toggleChosen(toggleChosen(ten, 10, shown), 9, shown)).toHaveLength(10);
  });

  it("messages recalled or gone since they were chosen drop out of the choice", () => {
    expect(keepChosen([20, 18, 99], [msg(20, { recalled: true }), msg(18)])).toEqual([18]);
  });
});
