import "server-only";
import { DRY_RUN_SAMPLES, type DryRunInput, type DryRunResult, type RuleAction } from "@/lib/schemas/rule";
import { toApplication, type ModelRow } from "@/lib/server/applications/model/rows";
import { getDirectoryGroup } from "@/lib/server/directory";
import { getContext } from "@/lib/server/platform/context";
import { scopeClause, type Asker } from "@/lib/server/platform/scope";
import { placeholders, type Store } from "@/lib/server/store/store";
import { DAY_MS, holdingCounts, lookBackMs, type HistoryRow } from "./dry-run-counts";
import { compileRule, holdsWithoutCounts, needsCounts, prepare } from "./engine";
import { assertKnownGroups } from "./service";

// The dry run (docs/rules.md § Dry run): an unsaved rule over the decided applications of the last 1–90 days,
// beside what people did. Counts are taken as of each application's arrival, as the live engine takes them, but
// in bulk (dry-run-counts.ts): one read of the period, reaching back as far as the rule's longest window.

type Outcome = { row: HistoryRow; wouldDo: RuleAction; peopleDid: "approve" | "refuse" };

/** A scoped asker's dry run reads their groups alone, counts included; a group outside them is unknown to them. */
export async function dryRun({ rule: body, days }: DryRunInput, who: Asker | null, now = Date.now()): Promise<DryRunResult> {
  const { db } = getContext();
  await assertKnownGroups(db, body.scope.groupIds, who);
  const scope = scopeClause(who, "group_id");
  const within = scope ? { sql: ` AND ${scope.sql}`, args: scope.args } : { sql: "", args: [] };
  const rule = compileRule("dry-run", body);
  const since = new Date(now - days * DAY_MS).toISOString();
  const historyFrom = new Date(now - days * DAY_MS - (needsCounts(rule) ? lookBackMs(rule) : 0)).toISOString();
  // Only the columns the rule reads, and no ORDER BY: at 100,000 rows, building the row objects is most of the
  // time, and only the matched ones need an order (for the samples). Bursts count every arrival, pending ones too.
  const rows = await db.all<HistoryRow>(
    `SELECT id, group_id, requester_id, status, created_at, handled_at, handled_via${rule.words || rule.messageEmpty !== null ? ", message" : ""}${rule.types ? ", group_type" : ""}
     FROM inbox_applications WHERE created_at >= ?${rule.burst ? "" : " AND status IN ('approved', 'refused')"}${within.sql}`,
    [historyFrom, ...within.args],
  );
  // Decisions people took (in the console or in the app) in the period; those a rule took are not what people did.
  const decided = rows.filter(
    (r) => r.created_at >= since && (r.status === "approved" || r.status === "refused") && r.handled_via !== "rule",
  );
  const candidates = decided.filter((row) =>
    holdsWithoutCounts(
      rule,
      prepare({
        groupId: row.group_id,
        groupType: row.group_type,
        requesterId: row.requester_id,
        message: row.message ?? "",
        createdAt: row.created_at,
      }),
    ),
  );
  const matched = (needsCounts(rule) ? await holdingCounts(db, rule, candidates, rows, historyFrom, within) : candidates).sort(newestFirst);

  const outcomes: Outcome[] = matched.map((row) => ({
    row,
    wouldDo: rule.action,
    peopleDid: row.status === "approved" ? "approve" : "refuse",
  }));
  const agreement = { same: 0, different: 0, undecided: 0 };
  for (const o of outcomes) {
    if (o.wouldDo === "hold") agreement.undecided++;
    else if (o.wouldDo === o.peopleDid) agreement.same++;
    else agreement.different++;
  }
  const count = (a: RuleAction) => (rule.action === a ? outcomes.length : 0);
  return {
    evaluated: decided.length,
    matched: outcomes.length,
    wouldApprove: count("approve"),
    wouldRefuse: count("refuse"),
    wouldHold: count("hold"),
    agreement,
    samples: await samplesOf(db, outcomes),
  };
}

const newestFirst = (a: HistoryRow, b: HistoryRow) =>
  a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : Number(b.id) - Number(a.id);

/** Up to 20 outcomes, newest first within each kind: disagreements, then holds, then agreements. */
async function samplesOf(db: Store, outcomes: Outcome[]): Promise<DryRunResult["samples"]> {
  const rank = (o: Outcome) => (o.wouldDo === "hold" ? 1 : o.wouldDo === o.peopleDid ? 2 : 0);
  const picked = [0, 1, 2].flatMap((k) => outcomes.filter((o) => rank(o) === k)).slice(0, DRY_RUN_SAMPLES);
  if (picked.length === 0) return [];
  const full = await db.all<ModelRow>(
    `SELECT * FROM inbox_applications WHERE id IN (${placeholders(picked.length)})`,
    picked.map((o) => Number(o.row.id)),
  );
  const byId = new Map(full.map((r) => [String(r.id), r]));
  const names = new Map<string, string>();
  for (const groupId of new Set(picked.map((o) => o.row.group_id))) names.set(groupId, (await getDirectoryGroup(db, groupId))?.name ?? "");
  return picked.flatMap((o) => {
    const row = byId.get(String(o.row.id));
    return row
      ? [
          {
            application: toApplication(row, names.get(row.group_id) ?? "", o.peopleDid === "approve" ? "approved" : "refused"),
            wouldDo: o.wouldDo,
            peopleDid: o.peopleDid,
          },
        ]
      : [];
  });
}
