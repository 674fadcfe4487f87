import { describe, expect, it } from "vitest";
import { LIVE_EVENT_TYPES } from "@/lib/schemas/live-event";
import { keysToInvalidate, uniqueKeys } from "./live-invalidations";
import { applicationKeys, groupKeys, jobKeys, ruleKeys } from "./query-keys";

describe("live event → cache invalidation", () => {
  it("every event about groups or applications refreshes the group lists (counts, order, membership)", () => {
    const notAboutGroups = ["application.claimed", "application.released", "job.progress", "rules.changed"];
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
