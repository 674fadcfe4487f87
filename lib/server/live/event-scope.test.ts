import { afterEach, expect, it } from "vitest";
import type { LiveEvent } from "@/lib/schemas/live-event";
import { publishEvent } from "./bus";
import { eventStreamResponse, visibleIn } from "./event-stream";

// A scoped moderator's event stream (docs/scopes.md § Events): another group's events never reach it; events
// that name no group (a job's progress, the rules changing) do, as they carry nothing of a group.

const decoder = new TextDecoder();
const opened: AbortController[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.abort()));
const at = new Date().toISOString();

it("decides per event: the scope's groups, and the events without a group", () => {
  const scope = { groupIds: ["g1"] };
  const event = (e: Omit<LiveEvent, "at">): LiveEvent => ({ ...e, at });
  expect(visibleIn(scope, event({ type: "application.created", groupId: "g1" }))).toBe(true);
  expect(visibleIn(scope, event({ type: "application.created", groupId: "g2" }))).toBe(false);
  expect(visibleIn(scope, event({ type: "group.dismissed", groupId: "g2" }))).toBe(false);
  expect(visibleIn(scope, event({ type: "job.progress", jobId: "j1" }))).toBe(true);
  expect(visibleIn(scope, event({ type: "rules.changed" }))).toBe(true);
  expect(visibleIn({ groupIds: [] }, event({ type: "member.joined", groupId: "g1" }))).toBe(false);
  expect(visibleIn(null, event({ type: "member.joined", groupId: "g2" }))).toBe(true);
});

it("a scoped stream is sent its groups' events and those without a group, never another group's", async () => {
  const client = new AbortController();
  opened.push(client);
  const res = eventStreamResponse(client.signal, () => true, { userId: "scoped-stream", heartbeatMs: 60_000, scope: { groupIds: ["g1"] } });
  const reader = res.body!.getReader();
  let text = "";
  const readUntil = async (needle: string) => {
    while (!text.includes(needle)) text += decoder.decode((await reader.read()).value);
  };
  await readUntil(": connected");
  publishEvent({ type: "application.created", groupId: "g2", applicationId: "secret-application" });
  publishEvent({ type: "member.joined", groupId: "g2", userId: "secret-user" });
  publishEvent({ type: "job.progress", jobId: "j1" });
  publishEvent({ type: "application.created", groupId: "g1", applicationId: "a1" });
  await readUntil('"applicationId":"a1"');
  expect(text).toContain("event: job.progress");
  expect(text).not.toContain("g2");
  expect(text).not.toContain("secret");
});
