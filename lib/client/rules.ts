"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { CreateRule, DryRunResult, Rule, RuleBody, RulesSwitch, UpdateRule } from "@/lib/schemas/rule";
import { ApiError } from "./api-error";
import { apiFetch } from "./fetcher";
import { auditKeys, ruleKeys } from "./query-keys";

/** GET /api/rules: the rules in order (first match wins) and the switch for all of them. */
export type RulesList = RulesSwitch & { items: Rule[] };

const ruleUrl = (id: string) => `/api/rules/${encodeURIComponent(id)}`;

/** The newer rule a 409 carries (docs/contracts.md § Rules), or null when the error is anything else. */
export function newerRuleOf(error: unknown): Rule | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== "conflict") return null;
  const rule = (error.details as { rule?: Rule } | undefined)?.rule;
  return rule && typeof rule.id === "string" && typeof rule.version === "number" ? rule : null;
}

/**
 * The list with one rule put at its position, as the server does it: the others keep their order and close up
 * around it (positions are contiguous), so a move shows before the list is read again.
 */
export function withRule(list: RulesList, rule: Rule): RulesList {
  const others = list.items.filter((r) => r.id !== rule.id);
  const at = Math.min(Math.max(rule.position, 0), others.length);
  const items = [...others.slice(0, at), rule, ...others.slice(at)].map((r, position) =>
    r.position === position ? r : { ...r, position },
  );
  return { ...list, items };
}

export function useRules() {
  return useQuery({
    queryKey: ruleKeys.list(),
    queryFn: ({ signal }) => apiFetch<RulesList>("/api/rules", { signal }),
  });
}

/** Every write is audited, and moves shift other rules' positions: the whole list is read again. */
function afterWrite(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: ruleKeys.list() });
  void qc.invalidateQueries({ queryKey: auditKeys.all });
}

/** A stale version: the newer rule is shown at once, before the refetch, so nobody edits the old one again. */
function showNewer(qc: QueryClient, error: unknown) {
  const newer = newerRuleOf(error);
  if (newer) qc.setQueryData<RulesList>(ruleKeys.list(), (list) => (list ? withRule(list, newer) : list));
}

export function useCreateRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRule) => apiFetch<{ rule: Rule }>("/api/rules", { method: "POST", body: input }).then((r) => r.rule),
    onSettled: () => afterWrite(qc),
  });
}

export type UpdateRuleInput = UpdateRule & { id: string };

/** A PATCH of some kind: the fields given replace the rule's; `version` is the one read, and a stale one is a 409. */
function useRulePatch<V>(patchOf: (input: V) => UpdateRuleInput) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: V) => {
      const { id, ...patch } = patchOf(input);
      return apiFetch<{ rule: Rule }>(ruleUrl(id), { method: "PATCH", body: patch }).then((r) => r.rule);
    },
    onSuccess: (rule) => qc.setQueryData<RulesList>(ruleKeys.list(), (list) => (list ? withRule(list, rule) : list)),
    onError: (error) => showNewer(qc, error),
    onSettled: () => afterWrite(qc),
  });
}

/** Saves what the editor shows over the version it read. */
export const useUpdateRule = () => useRulePatch((input: UpdateRuleInput) => input);

/** Moves a rule to `position` (0-based); those between shift without a new version. */
export const useMoveRule = () =>
  useRulePatch(({ rule, position }: { rule: Rule; position: number }) => ({ id: rule.id, version: rule.version, position }));

/** Turns one rule on or off, from the version shown. */
export const useToggleRule = () =>
  useRulePatch(({ rule, enabled }: { rule: Rule; enabled: boolean }) => ({ id: rule.id, version: rule.version, enabled }));

export function useDeleteRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(ruleUrl(id), { method: "DELETE" }),
    onSuccess: (_, id) =>
      qc.setQueryData<RulesList>(ruleKeys.list(), (list) => (list ? { ...list, items: list.items.filter((r) => r.id !== id) } : list)),
    onSettled: () => afterWrite(qc),
  });
}

/** The switch for every rule; the answer says whether rules run now (the environment may keep them off). */
export function useSetRulesEnabled() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => apiFetch<RulesSwitch>("/api/rules/enabled", { method: "PUT", body: { enabled } }),
    onSuccess: (state) => qc.setQueryData<RulesList>(ruleKeys.list(), (list) => (list ? { items: list.items, ...state } : list)),
    onSettled: () => afterWrite(qc),
  });
}

/**
 * A rule, unsaved, tried on the applications people decided in the last `days`. Asked only for a valid draft
 * (`rule` null otherwise); the last answer stays on screen while the next one is computed.
 */
export function useDryRun(rule: RuleBody | null, days: number) {
  return useQuery({
    queryKey: ruleKeys.dryRun(rule, days),
    queryFn: ({ signal }) => apiFetch<DryRunResult>("/api/rules/dry-run", { method: "POST", body: { rule, days }, signal }),
    enabled: rule !== null,
    placeholderData: keepPreviousData,
  });
}
