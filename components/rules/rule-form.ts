import type { z } from "zod";
import type { ApiField } from "@/lib/client/api-error";
import type { GroupType } from "@/lib/schemas/group";
import { reasonOfIssue } from "@/lib/schemas/issue-reasons";
import { ruleBodySchema, type RuleAction, type RuleBody, type UpdateRule } from "@/lib/schemas/rule";

/**
 * The editor's state: text as typed, and every condition kept with its on/off box, so switching one off and
 * on again gives back what was written. Only `bodyOfForm` decides what a rule says.
 */
export type RuleForm = {
  name: string;
  scope: "every" | "some";
  groupIds: string;
  types: GroupType[];
  wordsOn: boolean;
  words: string;
  emptyOn: boolean;
  empty: "empty" | "notEmpty";
  inOn: boolean;
  inList: string;
  notInOn: boolean;
  notInList: string;
  prefixOn: boolean;
  prefix: string;
  refusedOn: boolean;
  refusedCount: string;
  refusedDays: string;
  refusedWhere: "any" | "same";
  burstOn: boolean;
  burstAtLeast: string;
  burstMinutes: string;
  matchEverything: boolean;
  action: RuleAction;
  reason: string;
};

export type FormField = keyof RuleForm | "conditions" | "form";

export const EMPTY_FORM: RuleForm = {
  name: "",
  scope: "every",
  groupIds: "",
  types: [],
  wordsOn: false,
  words: "",
  emptyOn: false,
  empty: "empty",
  inOn: false,
  inList: "",
  notInOn: false,
  notInList: "",
  prefixOn: false,
  prefix: "",
  refusedOn: false,
  refusedCount: "3",
  refusedDays: "30",
  refusedWhere: "any",
  burstOn: false,
  burstAtLeast: "20",
  burstMinutes: "10",
  matchEverything: false,
  action: "hold",
  reason: "",
};

/** One word per line: blank lines are dropped, and spaces around a word (invisible in a textarea) too. */
export const wordsOf = (text: string) =>
  text
    .split("\n")
    .map((w) => w.trim())
    .filter(Boolean);

/** IDs separated by commas or line breaks, as pasted from a spreadsheet or typed by hand. */
export const idsOf = (text: string) =>
  text
    .split(/[,\n]/)
    .map((id) => id.trim())
    .filter(Boolean);

/** Whether any condition's box is ticked: "match every application" is offered only when none is. */
export const hasConditionOn = (f: RuleForm) => f.wordsOn || f.emptyOn || f.inOn || f.notInOn || f.prefixOn || f.refusedOn || f.burstOn;

// An empty box is sent as 0 (refused as "at least 1" at its field), not dropped: a ticked condition never vanishes.
const count = (text: string) => (text.trim() === "" ? 0 : Number(text));

export type RuleInput = z.input<typeof ruleBodySchema>;

/**
 * The rule the form says. A ticked condition or a narrowed scope left empty is sent empty, so the schema
 * refuses it at its field rather than the rule quietly matching more than the admin meant.
 */
export function bodyOfForm(f: RuleForm): RuleInput {
  const groupIds = idsOf(f.groupIds);
  const when: RuleInput["when"] = {
    ...(f.wordsOn ? { messageContainsAny: wordsOf(f.words) } : {}),
    ...(f.emptyOn ? { messageEmpty: f.empty === "empty" } : {}),
    ...(f.inOn ? { requesterIn: idsOf(f.inList) } : {}),
    ...(f.notInOn ? { requesterNotIn: idsOf(f.notInList) } : {}),
    ...(f.prefixOn ? { requesterPrefix: f.prefix.trim() } : {}),
    ...(f.refusedOn
      ? {
          refusedAtLeast: {
            count: count(f.refusedCount),
            days: count(f.refusedDays),
            ...(f.refusedWhere === "same" ? { sameGroup: true } : {}),
          },
        }
      : {}),
    ...(f.burstOn ? { burst: { atLeast: count(f.burstAtLeast), minutes: count(f.burstMinutes) } } : {}),
  };
  return {
    name: f.name,
    scope:
      f.scope === "every"
        ? {}
        : {
            ...(groupIds.length > 0 || f.types.length === 0 ? { groupIds } : {}),
            ...(f.types.length > 0 ? { types: f.types } : {}),
          },
    when,
    ...(f.matchEverything && !hasConditionOn(f) ? { matchEverything: true } : {}),
    then: { action: f.action, ...(f.action === "refuse" && f.reason.trim() ? { reason: f.reason.trim() } : {}) },
  };
}

/** The form showing a saved rule (or a dry run's body): every condition it has ticked, the rest at their defaults. */
export function formOfRule(r: Pick<RuleBody, "name" | "scope" | "when" | "matchEverything" | "then">): RuleForm {
  const { when, scope } = r;
  return {
    ...EMPTY_FORM,
    name: r.name,
    scope: scope.groupIds?.length || scope.types?.length ? "some" : "every",
    groupIds: (scope.groupIds ?? []).join("\n"),
    types: scope.types ?? [],
    ...(when.messageContainsAny ? { wordsOn: true, words: when.messageContainsAny.join("\n") } : {}),
    ...(when.messageEmpty !== undefined ? { emptyOn: true, empty: when.messageEmpty ? "empty" : "notEmpty" } : {}),
    ...(when.requesterIn ? { inOn: true, inList: when.requesterIn.join("\n") } : {}),
    ...(when.requesterNotIn ? { notInOn: true, notInList: when.requesterNotIn.join("\n") } : {}),
    ...(when.requesterPrefix !== undefined ? { prefixOn: true, prefix: when.requesterPrefix } : {}),
    ...(when.refusedAtLeast
      ? {
          refusedOn: true,
          refusedCount: String(when.refusedAtLeast.count),
          refusedDays: String(when.refusedAtLeast.days),
          refusedWhere: when.refusedAtLeast.sameGroup ? "same" : "any",
        }
      : {}),
    ...(when.burst ? { burstOn: true, burstAtLeast: String(when.burst.atLeast), burstMinutes: String(when.burst.minutes) } : {}),
    matchEverything: r.matchEverything === true,
    action: r.then.action,
    reason: r.then.reason ?? "",
  };
}

/** A refused value's place: the form field to show it at, and which entry of a list (1-based) it was. */
export type FieldIssue = ApiField & { field: FormField; entry?: number };

const FIELD_OF_PATH: [RegExp, FormField][] = [
  [/^name$/, "name"],
  [/^scope\.types/, "types"],
  [/^scope/, "groupIds"],
  [/^when\.messageContainsAny/, "words"],
  [/^when\.messageEmpty/, "empty"],
  [/^when\.requesterIn/, "inList"],
  [/^when\.requesterNotIn/, "notInList"],
  [/^when\.requesterPrefix/, "prefix"],
  [/^when\.refusedAtLeast\.days/, "refusedDays"],
  [/^when\.refusedAtLeast/, "refusedCount"],
  [/^when\.burst\.minutes/, "burstMinutes"],
  [/^when\.burst/, "burstAtLeast"],
  [/^(when|matchEverything)$/, "conditions"],
  [/^then\.reason/, "reason"],
  [/^then/, "action"],
];

/** Where a refusal's path (`when.messageContainsAny.3`, as the API and the schema name it) belongs in the form. */
export function issueAt(f: ApiField): FieldIssue {
  const field = FIELD_OF_PATH.find(([re]) => re.test(f.path))?.[1] ?? "form";
  const index = /^when\.(messageContainsAny|requesterIn|requesterNotIn)\.(\d+)$|^scope\.groupIds\.(\d+)$/.exec(f.path);
  const n = index ? Number(index[2] ?? index[3]) : NaN;
  // A name of nothing but spaces is trimmed to none: "required" says it better than "at least 1 character".
  const key = field === "name" && f.key === "tooShort" ? "nameRequired" : f.key;
  return { ...f, field, ...(key ? { key } : {}), ...(Number.isInteger(n) ? { entry: n + 1 } : {}) };
}

/** What the editor's parts are handed: the form, a way to change it, the refusals at their fields. */
export type FormProps = {
  form: RuleForm;
  edit: (changes: Partial<RuleForm>) => void;
  errors: Partial<Record<FormField, string>>;
  readOnly: boolean;
};

/** The form checked as the server will check it: the rule to send, or where it is wrong. */
export function checkForm(f: RuleForm): { body: RuleBody; issues: [] } | { body: null; issues: FieldIssue[] } {
  const parsed = ruleBodySchema.safeParse(bodyOfForm(f));
  if (parsed.success) return { body: parsed.data, issues: [] };
  return {
    body: null,
    issues: parsed.error.issues.map((i) => issueAt({ path: i.path.join("."), message: i.message, ...reasonOfIssue(i) })),
  };
}

/** A PATCH replacing what the editor shows; `matchEverything` is always sent, so switching it off sticks. */
export function patchOfBody(body: RuleBody, version: number): UpdateRule {
  return {
    version,
    name: body.name,
    scope: body.scope,
    when: body.when,
    matchEverything: body.matchEverything ?? false,
    then: body.then,
  };
}
