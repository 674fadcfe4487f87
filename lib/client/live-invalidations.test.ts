import { describe, expect, it } from "vitest";
import { LIVE_EVENT_TYPES } from "@/lib/schemas/live-event";
import { keysToInvalidate, uniqueKeys } from "./live-invalidations";
import { applicationKeys, appUserKeys, groupKeys, jobKeys, ruleKeys } from "./query-keys";

describe("live event → cache invalidation", () => {
  it("every event about groups or applications refreshes the group lists (counts, order, membership)", () => {
    // Mutes and messages change nothing a list of groups shows.
    const notAboutGroups: string[] = [
      "application.claimed",
      "application.released",
      "job.progress",
      "rules.changed",
      "member.muted",
      "message.sent",
      "message.recalled",
    ];
    for (const type of LIVE_EVENT_TYPES.filter((t) => !notAboutGroups.includes(t)))
      expect(keysToInvalidate({ type, groupId: "g1" })).toContainEqual(groupKeys.lists());
  });

  it.each(["application.claimed", "application.released"] as const)(
    "%s refreshes only the applications lists, where rows say who is reviewing (a moderator moving through the queue claims at every step)",
    (type) => {
      expect(keysToInvalidate({ type, groupId: "g1" })).toEqual([applicationKeys.lists()]);
    },
  );

  it("a rule written or the switch flipped refreshes the rules and their dry runs, nothing else", () => {
    expect(keysToInvalidate({ type: "rules.changed" })).toEqual([ruleKeys.all]);
  });

  it("a job's progress refreshes that job and the list of jobs, nothing else (its applications bring their own events)", () => {
    expect(keysToInvalidate({ type: "job.progress", jobId: "j1" })).toEqual([jobKeys.list(), jobKeys.detail("j1")]);
  });

  it("a new group touches only the lists", () => {
    expect(keysToInvalidate({ type: "group.created", groupId: "g1" })).toEqual([groupKeys.lists()]);
  });

  it("a change to a group refreshes that group's detail, which holds its members and applications", () => {
    const keys = keysToInvalidate({ type: "member.left", groupId: "g/1#x" });
    expect(keys).toContainEqual(groupKeys.detail("g/1#x"));
    expect(groupKeys.members("g/1#x").slice(0, 3)).toEqual(groupKeys.detail("g/1#x"));
    expect(groupKeys.applications("g/1#x").slice(0, 3)).toEqual(groupKeys.detail("g/1#x"));
    expect(keys).not.toContainEqual(groupKeys.detail("other"));
  });

  it.each(["application.created", "application.handled", "member.joined", "group.dismissed"] as const)(
    "%s refreshes the applications inbox and the saved views' counts",
    (type) => {
      expect(keysToInvalidate({ type, groupId: "g1" })).toContainEqual(applicationKeys.lists());
      expect(keysToInvalidate({ type, groupId: "g1" })).toContainEqual(applicationKeys.views());
    },
  );

  it("a mute or unmute refreshes that group's muted list, its members (their muted state), its recent events and the applicant context (sanctions)", () => {
    const keys = keysToInvalidate({ type: "member.muted", groupId: "g/1#x" });
    expect(keys).toEqual([groupKeys.mutes("g/1#x"), groupKeys.members("g/1#x"), groupKeys.events("g/1#x"), appUserKeys.all]);
    expect(keys).not.toContainEqual(groupKeys.detail("g/1#x"));
  });

  it("a ban or unban refreshes that group (its ban list, members and count: a ban takes the user out), the lists and the applicant context", () => {
    const keys = keysToInvalidate({ type: "member.banned", groupId: "g1" });
    expect(keys).toEqual([groupKeys.lists(), groupKeys.detail("g1"), appUserKeys.all]);
    expect(groupKeys.bans("g1").slice(0, 3)).toEqual(groupKeys.detail("g1"));
  });

  it("a recall refreshes the group's messages and its recent events (a moderator's recall is one of them)", () => {
    expect(keysToInvalidate({ type: "message.recalled", groupId: "g1" })).toEqual([groupKeys.messages("g1"), groupKeys.events("g1")]);
  });

  it.each(["message.sent"] as const)(
    "%s refreshes every filter's pages of that group's messages and nothing else (a lively group sends many)",
    (type) => {
      expect(keysToInvalidate({ type, groupId: "g1" })).toEqual([groupKeys.messages("g1")]);
      // One sender's pages (a member's row, the applicant panel) sit under the same prefix.
      expect(groupKeys.messagesBy("g1", { sender: "aiko_01", limit: 5 }).slice(0, 4)).toEqual(groupKeys.messages("g1"));
      expect(groupKeys.messages("g1").slice(0, 3)).toEqual(groupKeys.detail("g1"));
    },
  );

  it("a burst collapses to one invalidation per key", () => {
    const burst = ["g1", "g1", "g2"].flatMap((groupId) => keysToInvalidate({ type: "member.joined", groupId }));
    expect(uniqueKeys(burst)).toEqual([
      groupKeys.lists(),
      groupKeys.detail("g1"),
      applicationKeys.lists(),
      applicationKeys.views(),
      applicationKeys.stats(),
      groupKeys.detail("g2"),
    ]);
  });
});
