import { expect, type Page } from "@playwright/test";
import { signedInApi } from "./api";
import { importAppUser, newAppUser, secretKey } from "./app-users";
import { E2E } from "./env";
import { imDirect } from "./im-direct";

const unique = () => Date.now().toString(36);

type Options = { messages?: (i: number) => string; maxMemberCount?: number };

/** A fresh Public group needing approval, with `n` app users who applied to it, oldest first. */
export async function groupWithApplicants(
  n: number,
  label: string,
  { messages = (i) => `please let me in (${i}) お願いします`, maxMemberCount }: Options = {},
) {
  const api = await signedInApi();
  const res = await api.post("/api/groups", {
    data: { type: "Public", name: `${label} ${unique()}`, joinOption: "NeedPermission", ...(maxMemberCount ? { maxMemberCount } : {}) },
  });
  expect(res.status()).toBe(201);
  const group = await res.json();
  const applicants: Awaited<ReturnType<typeof apply>>[] = [];
  for (let i = 0; i < n; i++) applicants.push(await apply(group.id, `Applicant ${i} 申请者`, messages(i)));
  // The console hears of each by webhook (docs/applications-model.md): the story starts once it lists them all.
  await expect
    .poll(async () => (await (await api.get(`/api/applications?groupId=${encodeURIComponent(group.id)}&limit=1`)).json()).total)
    .toBe(n);
  const done = async () => {
    for (const a of applicants) await a.phone.logout();
    await api.dispose();
  };
  return { api, group, applicants, done };
}

export async function apply(groupId: string, nick: string, message: string) {
  const user = await newAppUser(nick);
  const r = await user.phone.joinGroup(groupId, message);
  expect(r.status).toBe("applied");
  return user;
}

/**
 * Stands in for the simulator, aimed at one group: a new application every `everyMs` until stopped, so a
 * story can prove what arrivals do (and do not do) to the moderator's place in the list.
 */
export function keepApplying(groupId: string, everyMs = 600) {
  const arrived: Awaited<ReturnType<typeof apply>>[] = [];
  let stopped = false;
  const running = (async () => {
    for (let i = 0; !stopped; i++) {
      arrived.push(await apply(groupId, `Arrival ${i} 到着`, `arrived while working (${i})`));
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    arrived,
    async stop() {
      stopped = true;
      await running;
      for (const a of arrived) await a.phone.logout();
    },
  };
}

/**
 * Opens the queue on one group and waits until its keys are listened for: the rows are drawn on the server
 * first, and a key pressed before the browser takes them over does nothing, as for a moderator.
 */
export async function inboxFor(page: Page, groupId: string, extra = "") {
  await page.goto(`/applications?groupId=${encodeURIComponent(groupId)}${extra}`);
  await keysListened(page);
}

export const keysListened = (page: Page) => expect(page.locator('html[data-inbox-keys="on"]')).toBeAttached();

/** The row the keyboard is on. */
export const currentRow = (page: Page) => page.locator("tr[data-current]");

/**
 * A raid: `n` new app users apply to the group within seconds, a few at a time (as a spam wave arrives), each
 * registered and applying with one signed call (no event stream: they never read an answer). Answers their IDs.
 */
export async function raid(groupId: string, n: number, message = "join my crypto channel 💰 http://spam.example") {
  const im = imDirect(`http://127.0.0.1:${E2E.imPort}`, secretKey(E2E));
  const tag = Date.now().toString(36);
  const ids: string[] = [];
  let next = 0;
  const wave = async () => {
    while (next < n) {
      const i = next++;
      const userId = `raider_${tag}_${i}`;
      await importAppUser(userId, `Raider ${i}`);
      await im.asUser(userId, "joinGroup", { groupID: groupId, message: `${message} #${i}` });
      ids.push(userId);
    }
  };
  await Promise.all(Array.from({ length: 8 }, wave));
  return ids;
}
