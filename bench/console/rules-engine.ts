// The rules engine in-process (docs/rules.md § The engine, § Dry run), on a temporary SQLite store holding 100,000
// decided applications: 100 enabled rules evaluated on one application (goal p95 ≤ 2 ms, the store's counts
// included), and dry runs of one rule over all 100,000 (goal ≤ 3 s). Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CreateRule } from "../../lib/schemas/rule";
import type { Actor } from "../../lib/server/platform/actor";
import { dryRun } from "../../lib/server/rules/dry-run";
import { decideByRules } from "../../lib/server/rules/evaluate";
import { createRule } from "../../lib/server/rules/service";
import { openSqliteStore } from "../../lib/server/store/sqlite-store";
import { load } from "../lib/machine";
import { groupIdOf, ninetyNineCostlyRules, requesterOf, RULES_SCALE, seedRulesData } from "../lib/seed-rules";
import { ms, printTable, summarize, timed, type Goal } from "../lib/stats";

const EVALUATIONS = 2_000;
const DRY_RUNS = 3;
const actor: Actor = { user: { id: "1", email: "bench@example.com", name: "Bench", role: "admin" }, requestId: "bench", ip: "127.0.0.1" };

/** 100 rules, none of which matches until the last (every rule is evaluated). */
function hundredRules(): CreateRule[] {
  const scopeOf = (i: number) => Array.from({ length: 10 }, (_, k) => groupIdOf(k * 7 + i));
  return [
    ...ninetyNineCostlyRules(scopeOf),
    { name: "hold the rest", enabled: true, scope: {}, when: {}, matchEverything: true, then: { action: "hold" } },
  ];
}

const DRY_RUN_RULES: { what: string; rule: CreateRule }[] = [
  {
    what: "words (free, 広告, crypto)",
    rule: {
      name: "words",
      enabled: false,
      scope: {},
      when: { messageContainsAny: ["free", "広告", "crypto"] },
      then: { action: "refuse" },
    },
  },
  {
    what: "refused ≥ 2 in 30 days",
    rule: { name: "refused", enabled: false, scope: {}, when: { refusedAtLeast: { count: 2, days: 30 } }, then: { action: "refuse" } },
  },
  {
    what: "burst ≥ 2 in 60 min, Public",
    rule: {
      name: "burst",
      enabled: false,
      scope: { types: ["Public"] },
      when: { burst: { atLeast: 2, minutes: 60 } },
      then: { action: "hold" },
    },
  },
  {
    what: "all conditions at once",
    rule: {
      name: "all",
      enabled: false,
      scope: {},
      when: {
        messageEmpty: false,
        requesterPrefix: "u_",
        refusedAtLeast: { count: 1, days: 14, sameGroup: false },
        burst: { atLeast: 1, minutes: 1_440 },
      },
      then: { action: "approve" },
    },
  },
];

/** The engine and the dry run in-process, on a store of their own; answers the goals. */
export async function measureRulesEngine(): Promise<Goal[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "rules-bench-"));
  const db = openSqliteStore(path.join(dir, "console.sqlite"));
  (globalThis as { __groupConsole?: unknown }).__groupConsole = { db, im: {} };
  try {
    const seeded = await seedRulesData(db);
    console.log(
      `\n[seed] ${RULES_SCALE.decided.toLocaleString("en")} decided + ${RULES_SCALE.pending.toLocaleString("en")} pending applications, ${RULES_SCALE.groups.toLocaleString("en")} groups in ${seeded.seconds.toFixed(1)} s — ${load()}`,
    );
    for (const rule of hundredRules()) await createRule(rule, actor);

    console.log(
      `\n[evaluate] 100 enabled rules (the last one matches), ${EVALUATIONS.toLocaleString("en")} applications one after another — ${load()}`,
    );
    const app = (i: number) => ({
      groupId: groupIdOf((i * 37) % RULES_SCALE.groups),
      groupType: (i * 37) % 10 === 0 ? "Community" : "Public",
      requesterId: requesterOf((i * 7919) % RULES_SCALE.requesters),
      message: ["Hi! May I join?", "よろしくお願いします。写真が好きです", "", "ＦＲＥＥ followers"][i % 4],
      createdAt: new Date().toISOString(),
    });
    for (let i = 0; i < 200; i++) await decideByRules(app(i)); // warm: statements prepared, rules compiled
    const times: number[] = [];
    let held = 0;
    for (let i = 0; i < EVALUATIONS; i++)
      times.push(await timed(async () => (held += (await decideByRules(app(i)))?.action === "hold" ? 1 : 0)));
    const evaluation = summarize(times);
    printTable([
      ["n", "p50", "p95", "max", "decided by the last rule"],
      [evaluation.n, ms(evaluation.p50), ms(evaluation.p95), ms(evaluation.max), held],
    ]);

    console.log(`\n[dry run] one rule over the last 90 days (${DRY_RUNS} runs each) — ${load()}`);
    const rows: (string | number)[][] = [["rule", "evaluated", "matched", "same", "different", "undecided", "p50", "max"]];
    let worst = 0;
    for (const { what, rule } of DRY_RUN_RULES) {
      const runs: number[] = [];
      let out: Awaited<ReturnType<typeof dryRun>> | undefined;
      for (let i = 0; i < DRY_RUNS; i++) runs.push(await timed(async () => (out = await dryRun({ rule, days: 90 }, null))));
      const s = summarize(runs);
      worst = Math.max(worst, s.max);
      rows.push([
        what,
        out!.evaluated,
        out!.matched,
        out!.agreement.same,
        out!.agreement.different,
        out!.agreement.undecided,
        ms(s.p50),
        ms(s.max),
      ]);
    }
    printTable(rows);

    return [
      { what: "100 rules on one application, p95", figure: ms(evaluation.p95), goal: "≤ 2 ms", met: evaluation.p95 <= 2 },
      { what: "dry run over 100,000 decided, slowest", figure: ms(worst), goal: "≤ 3,000 ms", met: worst <= 3_000 },
    ];
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
