// The BeforeApplyJoinGroup answer in Tencent mode (docs/rules.md § Tencent mode): the console in front of an IM
// server behaving exactly like Tencent, webhooks posted as Tencent posts them (signed, 50 a second), answered
// first with no rules, then with 100 enabled rules (one refusing a word a quarter of the messages carry). Side by
// side in one run; the goal is p95 ≤ 50 ms with rules on. Prints figures; asserts nothing.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CreateRule } from "../../lib/schemas/rule";
import { startConsole } from "../lib/console-server";
import { signIn, type ConsoleSession } from "../lib/console-session";
import { load } from "../lib/machine";
import { ninetyNineCostlyRules } from "../lib/seed-rules";
import { stopGroup } from "../lib/processes";
import { ms, printTable, summarize, type Goal } from "../lib/stats";

const RATE_PER_SECOND = 50;
const SECONDS = 20;
const GROUPS = 10;
const SDKAPPID = 1400000000;

/** The 99 costly rules (scoped to some of the bench's groups), then one refusing "ｓｐａｍ" (any width or case). */
function hundredRules(groupIds: string[]): CreateRule[] {
  return [
    ...ninetyNineCostlyRules(() => groupIds.slice(0, 5)),
    { name: "spam", enabled: true, scope: {}, when: { messageContainsAny: ["ｓｐａｍ"] }, then: { action: "refuse", reason: "No spam" } },
  ];
}

type Answer = { ms: number; errorCode: number };

/** One BeforeApplyJoinGroup, as Tencent sends it: Sign = sha256(token + RequestTime), a fresh body each time. */
async function applyOnce(base: string, token: string, groupId: string, n: number, label: string): Promise<Answer> {
  const requestTime = Math.floor(Date.now() / 1000);
  const q = new URLSearchParams({
    SdkAppid: String(SDKAPPID),
    CallbackCommand: "Group.CallbackBeforeApplyJoinGroup",
    contenttype: "json",
    ClientIP: "127.0.0.1",
    OptPlatform: "iOS",
    RequestTime: String(requestTime),
    Sign: createHash("sha256").update(`${token}${requestTime}`).digest("hex"),
  });
  const body = {
    CallbackCommand: "Group.CallbackBeforeApplyJoinGroup",
    GroupId: groupId,
    Type: "Public",
    Requestor_Account: `bench_${label}_${n}`,
    ApplyMsg: n % 4 === 0 ? `free followers SPAM ${n}` : `よろしくお願いします ${n}`,
    EventTime: Date.now(),
  };
  const started = performance.now();
  const res = await fetch(`${base}/api/im/callback?${q}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as { ErrorCode: number };
  return { ms: performance.now() - started, errorCode: answer.ErrorCode };
}

/** RATE_PER_SECOND webhooks a second for SECONDS, each timed from send to answer, none waiting for another. */
async function atRate(base: string, token: string, groupIds: string[], label: string): Promise<Answer[]> {
  const total = RATE_PER_SECOND * SECONDS;
  const started = Date.now();
  const inFlight: Promise<Answer>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / RATE_PER_SECOND;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(applyOnce(base, token, groupIds[n % groupIds.length], n, label));
  }
  return Promise.all(inFlight);
}

async function createGroups(session: ConsoleSession): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < GROUPS; i++) {
    const g = await session.post<{ id: string }>("/api/groups", { type: "Public", name: `Rules bench ${i}`, joinOption: "NeedPermission" });
    ids.push(g.id);
  }
  return ids;
}

export async function measureRulesWebhook(port: number, imPort: number, admin: { email: string; password: string }): Promise<Goal[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "group-console-rules-webhook-"));
  const launcher = await startConsole({
    port,
    imPort,
    dataDir,
    admin,
    requestLog: path.join(dataDir, "im-requests.log"),
    strictTencent: true,
  });
  try {
    const token = (JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as { IM_CALLBACK_TOKEN: string }).IM_CALLBACK_TOKEN;
    const session = await signIn(launcher.base, admin.email, admin.password);
    const groupIds = await createGroups(session);
    await atRate(launcher.base, token, groupIds, "warm"); // compiled routes, prepared statements, a model with rows

    const without = await atRate(launcher.base, token, groupIds, "off");
    for (const rule of hundredRules(groupIds)) await session.post("/api/rules", rule);
    const withRules = await atRate(launcher.base, token, groupIds, "on");

    const off = summarize(without.map((a) => a.ms));
    const on = summarize(withRules.map((a) => a.ms));
    const refused = (answers: Answer[]) => answers.filter((a) => a.errorCode === 10100).length;
    printTable([
      ["rules", "answers", "refused by a rule", "p50", "p95", "max"],
      ["none", off.n, refused(without), ms(off.p50), ms(off.p95), ms(off.max)],
      ["100 enabled", on.n, refused(withRules), ms(on.p50), ms(on.p95), ms(on.max)],
    ]);
    console.log(`p95 with rules / without: ${(on.p95 / off.p95).toFixed(2)} — ${load()}`);
    return [
      {
        what: `BeforeApplyJoinGroup answer, 100 rules, ${RATE_PER_SECOND}/s, p95`,
        figure: ms(on.p95),
        goal: "≤ 50 ms",
        met: on.p95 <= 50,
      },
    ];
  } finally {
    await stopGroup(launcher.service);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
