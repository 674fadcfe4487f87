import { readFileSync } from "node:fs";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import { createElement as h, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { groupKeys, moderationKeys } from "@/lib/client/query-keys";
import type { Application } from "@/lib/schemas/application";
import { directoryGroup } from "@/lib/server/testing/groups";
import type { BansAnswer, GroupMessage, MutesAnswer } from "@/lib/schemas/moderation";
import MemberActions from "./member-actions";
import MessagesPanel from "./messages-panel";
import RefuseAndBanRow from "./refuse-and-ban-row";
import SanctionsPanel from "./sanctions-panel";

// The messages panel reads its sender filter from the page's URL.
vi.mock("next/navigation", () => ({ useSearchParams: () => new URLSearchParams("sender=aiko_01") }));

const group = directoryGroup({ id: "g1", name: "Tea", memberCount: 3, maxMemberCount: 100 });
const aiko = { userId: "aiko_01", nickname: "Aiko", role: "Member" as const, joinedAt: "2026-01-01T00:00:00Z" };
const message = (seq: number, recalled = false): GroupMessage => ({
  seq,
  senderId: "aiko_01",
  senderNickname: "Aiko",
  sentAt: "2026-03-01T00:00:00Z",
  text: `message ${seq}`,
  recalled,
});

/** Drawn as the server would (every dialog closed), in the given language, from a cache filled beforehand. */
function draw(
  el: ReactElement,
  data: { mutes?: MutesAnswer; bans?: BansAnswer; messages?: GroupMessage[]; bansAvailable?: boolean },
  locale = "en",
) {
  const qc = new QueryClient();
  if (data.bansAvailable !== undefined) qc.setQueryData(moderationKeys.bansAvailable(), data.bansAvailable);
  if (data.mutes) qc.setQueryData(groupKeys.mutes("g1"), data.mutes);
  if (data.bans) qc.setQueryData(groupKeys.bans("g1"), data.bans);
  if (data.messages)
    qc.setQueryData(groupKeys.messagesBy("g1", { sender: "aiko_01", limit: 20 }), {
      pages: [{ items: data.messages, nextCursor: "older", details: { partial: true, scanned: 1000 } }],
      pageParams: [""],
    });
  const messages = JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), "utf8"));
  const missing: unknown[] = [];
  const html = renderToString(
    h(
      QueryClientProvider,
      { client: qc },
      h(NextIntlClientProvider, { locale, messages, timeZone: "UTC", onError: (e) => missing.push(e), children: el }),
    ),
  );
  expect(missing).toEqual([]);
  return html;
}

describe("a group's mutes and bans", () => {
  const bans: BansAnswer = {
    items: [{ userId: "bob", nickname: "", until: "2026-05-01T00:00:00Z", reason: "spam links" }],
    available: true,
  };
  const mutes: MutesAnswer = { items: [{ userId: "aiko_01", nickname: "Aiko", until: null }] };

  it("lists who is muted (forever) and who is banned (until, why), each with a button saying whom it frees", () => {
    const html = draw(h(SanctionsPanel, { group, canEdit: true, canModerate: true }), { mutes, bans });
    expect(html).toContain("Muted members (1)");
    expect(html).toContain('aria-label="Unmute Aiko (aiko_01)"');
    expect(html).toContain("forever");
    expect(html).toContain('aria-label="Unban bob"');
    expect(html).toContain("spam links");
    expect(html).toContain("Ban users…");
  });

  it("when this IM edition has no bans, says so once and offers no ban anywhere, not even on a member's row", () => {
    const none = { items: [], available: false };
    const panel = draw(h(SanctionsPanel, { group, canEdit: true, canModerate: true }), { mutes, bans: none });
    expect(panel).toContain("This IM edition has no bans");
    expect(panel).not.toContain("Ban users");
    const row = draw(h(MemberActions, { group, member: aiko, canModerate: true }), { mutes, bans: none });
    expect(row).not.toContain("Ban");
    expect(row).toContain("Change mute…");
  });

  it("a Work group says why it cannot mute a member, and offers no Mute", () => {
    const work = { ...group, type: "Work" as const };
    const panel = draw(h(SanctionsPanel, { group: work, canEdit: true, canModerate: true }), { mutes: { items: [] }, bans }, "ja");
    expect(panel).toContain("ワークグループでは個別のメンバーをミュートできません");
    expect(panel).not.toContain("メンバーをミュート…");
    expect(draw(h(MemberActions, { group: work, member: aiko, canModerate: true }), { mutes: { items: [] }, bans })).not.toContain("Mute");
  });

  it("a viewer sees the lists and whether everyone is muted, and no button that changes them", () => {
    const html = draw(h(SanctionsPanel, { group: { ...group, muteAll: true }, canEdit: false, canModerate: false }), { mutes, bans });
    expect(html).toContain("On: only the owner and admins can send messages.");
    expect(html).not.toContain("Unmute");
    expect(html).not.toContain("Unban");
  });
});

describe("a group's messages", () => {
  it("filtered by the sender in the URL: theirs newest first, the recalled one struck and not choosable, and the purge offered", () => {
    const html = draw(h(MessagesPanel, { group }), { messages: [message(3), message(2, true)] });
    expect(html).toContain("Messages from Aiko (aiko_01)");
    expect(html.indexOf("message 3")).toBeLessThan(html.indexOf("message 2"));
    expect(html).toMatch(/data-seq="2" data-recalled="true"[^]*?disabled=""[^]*?recalled[^]*?line-through/);
    expect(html).toContain('aria-label="Remove recent messages from Aiko (aiko_01)"');
    expect(html).toContain("Only the newest 1,000 messages of the group were searched.");
    expect(html).toContain("Load older");
  });

  it("an AVChatRoom says it keeps no history instead of asking for it", () => {
    expect(draw(h(MessagesPanel, { group: { ...group, type: "AVChatRoom" } }), {}, "zh")).toContain("直播群不保存消息历史");
  });
});

describe("refusing an application with a ban", () => {
  const application = { id: "a1", groupId: "g1", requesterId: "promo_9", requesterNickname: "Promo 推广" } as Application;

  it("a pending application's row offers it, saying whom it refuses and bans", () => {
    const html = draw(h(RefuseAndBanRow, { application }), { bansAvailable: true });
    expect(html).toContain("Refuse and ban for 30 days");
    expect(html).toContain("Promo 推广 (promo_9)");
  });

  it("not where this IM edition has no bans", () => {
    expect(draw(h(RefuseAndBanRow, { application }), { bansAvailable: false })).toBe("");
  });
});
