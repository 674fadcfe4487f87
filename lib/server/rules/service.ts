import "server-only";
import { ruleBodySchema, type CreateRule, type Rule, type RuleBody, type RulesSwitch, type UpdateRule } from "@/lib/schemas/rule";
import { recordIntent, recordResult, type AuditIntent } from "@/lib/server/audit/intents";
import { getDirectoryGroup } from "@/lib/server/directory";
import type { Actor } from "@/lib/server/platform/actor";
import { inScope, scopeOf, type Asker } from "@/lib/server/platform/scope";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { rulesEnabledByEnv } from "@/lib/server/platform/env";
import type { Store } from "@/lib/server/store/store";
import { publishEvent } from "@/lib/server/live/bus";
import * as repo from "./repo";

// Rules as admins write them and moderators read them (docs/contracts.md § Rules, docs/rules.md). Every write
// is one transaction serialized on "rules" (positions stay contiguous, versions compare against the latest),
// and its audit entry is written in it: a refused write leaves neither a change nor an entry.

const SERIAL = { serializeOn: "rules" };

/** Every open rules page refetches (on every instance); the engine reads the new generation on its own. */
const changed = () => publishEvent({ type: "rules.changed" });

export const ENV_FORCES_OFF =
  "RULES_ENABLED=0 in the console's environment pauses every rule, whatever this switch says; the switch applies again once it is unset";

/** The switch as it stands: the admins' toggle, and the environment over it. */
export async function rulesSwitch(db: Store = getContext().db): Promise<RulesSwitch> {
  const toggle = await repo.readSwitch(db);
  const env = rulesEnabledByEnv();
  return { enabled: toggle && env, toggle, ...(env ? {} : { forcedOff: { variable: "RULES_ENABLED" as const, message: ENV_FORCES_OFF } }) };
}

/**
 * Every rule in order; a scoped asker sees only the rules scoped inside their groups (a rule naming no group
 * acts on every group, so it is not theirs to see: docs/scopes.md § Rules).
 */
export async function listRules(who: Asker | null): Promise<RulesSwitch & { items: Rule[] }> {
  const { db } = getContext();
  const items = (await repo.allRules(db)).filter(
    (r) => !scopeOf(who) || (!!r.scope.groupIds?.length && r.scope.groupIds.every((g) => inScope(who, g))),
  );
  return { items, ...(await rulesSwitch(db)) };
}

/**
 * A scope must name groups the console knows: a rule for a mistyped ID would never match, silently. Read
 * before the write; a group dismissed meanwhile only makes the rule match nothing there.
 */
export async function assertKnownGroups(db: Store, groupIds: readonly string[] | undefined, who: Asker | null = null): Promise<void> {
  if (!groupIds?.length) return;
  const unique = [...new Set(groupIds)];
  // A group outside a scoped asker's groups is, to them, one the console does not know.
  const known = await Promise.all(unique.map(async (id) => inScope(who, id) && (await getDirectoryGroup(db, id))));
  const unknown = unique.filter((_, i) => !known[i]);
  if (unknown.length > 0)
    throw ApiError.because(
      "validation",
      "ruleUnknownGroups",
      `The scope names groups the console does not know: ${unknown.slice(0, 10).join(", ")}`,
      { count: unknown.length, groups: unknown.slice(0, 10).join(", ") },
      { unknownGroupIds: unknown },
    );
}

const positionOutOfRange = (max: number) =>
  ApiError.because("validation", "rulePosition", `Position must be between 0 and ${max}`, { max }, { fields: [{ path: "position" }] });

/** Audited in the write's own transaction, with the result at once: nothing here waits on the IM server. */
async function audit(tx: Store, entry: AuditIntent): Promise<void> {
  await recordResult(tx, await recordIntent(tx, entry), "ok");
}

const bodyOf = (r: Rule): RuleBody => ({
  name: r.name,
  enabled: r.enabled,
  scope: r.scope,
  when: r.when,
  ...(r.matchEverything ? { matchEverything: true } : {}),
  then: r.then,
});

export async function createRule(input: CreateRule, { user, requestId }: Actor): Promise<{ rule: Rule }> {
  const { db } = getContext();
  const { position, ...body } = input;
  await assertKnownGroups(db, body.scope.groupIds);
  const row = await db.transaction(async (tx) => {
    const n = await repo.countRules(tx);
    if (position !== undefined && position > n) throw positionOutOfRange(n);
    const inserted = await repo.insertRule(tx, body, position ?? n, user.email, Date.now());
    await audit(tx, {
      actor: user,
      action: "rule.create",
      target: String(inserted.id),
      after: { ...body, position: inserted.position },
      requestId,
    });
    return inserted;
  }, SERIAL);
  changed();
  return { rule: repo.toRule(row) };
}

export async function updateRule({ id, ...patch }: UpdateRule & { id: string }, { user, requestId }: Actor): Promise<{ rule: Rule }> {
  const { db } = getContext();
  const { version, position, ...fields } = patch;
  if (Object.keys(fields).length === 0 && position === undefined)
    throw ApiError.because("validation", "nothingToChange", "Nothing to change: send the fields to replace with the version");
  await assertKnownGroups(db, fields.scope?.groupIds);
  const row = await db.transaction(async (tx) => {
    const current = await repo.ruleRow(tx, id);
    if (!current) throw notFound();
    const before = repo.toRule(current);
    if (before.version !== version)
      throw ApiError.because(
        "conflict",
        "ruleChanged",
        `Someone changed this rule meanwhile (version ${before.version}, not ${version}): read it again`,
        { version: before.version },
        { version: before.version, rule: before },
      );
    // The rule as it will be, checked whole: an edit may not leave it matching everything by accident.
    const body = ruleBodySchema.parse({ ...bodyOf(before), ...fields });
    const n = await repo.countRules(tx);
    if (position !== undefined && position > n - 1) throw positionOutOfRange(n - 1);
    const updated = await repo.updateRule(tx, current, body, position ?? before.position, Date.now());
    await audit(tx, {
      actor: user,
      action: "rule.update",
      target: id,
      before: { ...bodyOf(before), position: before.position, version: before.version },
      after: { ...body, position: updated.position, version: updated.version },
      requestId,
    });
    return updated;
  }, SERIAL);
  changed();
  return { rule: repo.toRule(row) };
}

export async function deleteRule({ id }: { id: string }, { user, requestId }: Actor): Promise<void> {
  const { db } = getContext();
  await db.transaction(async (tx) => {
    const current = await repo.ruleRow(tx, id);
    if (!current) throw notFound();
    const before = repo.toRule(current);
    await repo.deleteRule(tx, current);
    await audit(tx, {
      actor: user,
      action: "rule.delete",
      target: id,
      before: { ...bodyOf(before), position: before.position },
      requestId,
    });
  }, SERIAL);
  changed();
}

/** PUT /api/rules/enabled: the toggle is kept either way; the answer says whether rules run, and why not. */
export async function setRulesEnabled({ enabled }: { enabled: boolean }, { user, requestId }: Actor): Promise<RulesSwitch> {
  const { db } = getContext();
  await db.transaction(async (tx) => {
    const before = await repo.readSwitch(tx);
    await repo.writeSwitch(tx, enabled);
    await audit(tx, { actor: user, action: "rules.switch", before: { enabled: before }, after: { enabled }, requestId });
  }, SERIAL);
  changed();
  return rulesSwitch(db);
}

const notFound = () => ApiError.because("not_found", "ruleNotFound", "There is no rule with that ID");
