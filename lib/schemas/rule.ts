import { z } from "zod";
import { applicationSchema } from "./application";
import { groupTypeSchema } from "./group";
import { because } from "./issues";
import { utf8Bytes } from "./utf8";
import { RULE_ACTIONS, RULE_LIMITS } from "./constants";

// Rules for join applications (docs/rules.md): admins write them, moderators read them and try them on the past.

export { RULE_ACTIONS, RULE_LIMITS };
export type RuleAction = (typeof RULE_ACTIONS)[number];

export const DRY_RUN_DAYS_MAX = 90;
export const DRY_RUN_SAMPLES = 20;

const requesterIds = z
  .array(z.string().min(1).max(RULE_LIMITS.requesterId))
  .min(1)
  .max(RULE_LIMITS.requesters, `At most ${RULE_LIMITS.requesters} user IDs`);

/** A word to look for: not blank, at most 100 bytes of UTF-8 (a CJK character counts 3). */
const word = z
  .string()
  .refine((w) => w.trim().length > 0, because("wordBlank", "A word must not be blank"))
  .refine(
    (w) => utf8Bytes(w) <= RULE_LIMITS.wordBytes,
    because("wordBytes", `A word is at most ${RULE_LIMITS.wordBytes} bytes in UTF-8`, { max: RULE_LIMITS.wordBytes }),
  );

export const ruleScopeSchema = z
  .object({
    groupIds: z.array(z.string().min(1).max(48)).min(1).max(RULE_LIMITS.groupIds, `At most ${RULE_LIMITS.groupIds} groups`).optional(),
    types: z.array(groupTypeSchema).min(1).optional(),
  })
  .strict();
export type RuleScope = z.infer<typeof ruleScopeSchema>;

/** Every condition given must hold; none given means "every application", which needs `matchEverything`. */
export const ruleWhenSchema = z
  .object({
    messageContainsAny: z.array(word).min(1).max(RULE_LIMITS.words, `At most ${RULE_LIMITS.words} words`).optional(),
    messageEmpty: z.boolean().optional(),
    requesterIn: requesterIds.optional(),
    requesterNotIn: requesterIds.optional(),
    requesterPrefix: z.string().min(1).max(RULE_LIMITS.requesterId).optional(),
    /** Refused at least `count` times in the `days` before the application arrived (in its group only, with sameGroup). */
    refusedAtLeast: z
      .object({
        count: z.number().int().min(1).max(RULE_LIMITS.count),
        days: z.number().int().min(1).max(RULE_LIMITS.days),
        sameGroup: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** The group received at least `atLeast` applications (this one included) in the `minutes` up to its arrival. */
    burst: z
      .object({ atLeast: z.number().int().min(1).max(RULE_LIMITS.count), minutes: z.number().int().min(1).max(RULE_LIMITS.minutes) })
      .strict()
      .optional(),
  })
  .strict();
export type RuleWhen = z.infer<typeof ruleWhenSchema>;

export const ruleThenSchema = z
  .object({
    action: z.enum(RULE_ACTIONS),
    /** Sent with a refusal; a refusal template goes out in the requester's language when the console can tell it. */
    reason: z
      .string()
      .refine(
        (v) => utf8Bytes(v) <= RULE_LIMITS.reasonBytes,
        because("reasonBytes", `A reason is at most ${RULE_LIMITS.reasonBytes} bytes`, { max: RULE_LIMITS.reasonBytes }),
      )
      .optional(),
  })
  .strict();
export type RuleThen = z.infer<typeof ruleThenSchema>;

/** Whether `when` names at least one condition. */
export const hasConditions = (when: RuleWhen) => Object.values(when).some((v) => v !== undefined);

const noAccidentalMatchAll = <T extends { when: RuleWhen; matchEverything?: boolean }>(r: T) =>
  r.matchEverything === true || hasConditions(r.when);
const matchAllMessage = because(
  "ruleMatchesEverything",
  "A rule without conditions would match every application: add a condition, or set matchEverything to true",
);

const ruleFields = {
  name: z.string().trim().min(1, "Give the rule a name").max(RULE_LIMITS.name, `A rule's name is at most ${RULE_LIMITS.name} characters`),
  /** New rules start disabled: try one with a dry run first. */
  enabled: z.boolean().default(false),
  scope: ruleScopeSchema.default({}),
  when: ruleWhenSchema.default({}),
  matchEverything: z.boolean().optional(),
  then: ruleThenSchema,
};

/** A rule as an admin writes it (POST /api/rules); without `position` it goes last. */
export const createRuleSchema = z
  .object({ ...ruleFields, position: z.number().int().min(0).optional() })
  .strict()
  .refine(noAccidentalMatchAll, { ...matchAllMessage, path: ["when"] });
export type CreateRule = z.infer<typeof createRuleSchema>;

/** A rule's content, without its place: what a dry run tries and what the engine compiles. */
export const ruleBodySchema = z
  .object(ruleFields)
  .strict()
  .refine(noAccidentalMatchAll, { ...matchAllMessage, path: ["when"] });
export type RuleBody = z.infer<typeof ruleBodySchema>;

/** PATCH /api/rules/{id}: the version read, and the fields to replace (`when` and `scope` as a whole). */
export const updateRuleSchema = z
  .object({
    version: z.number().int().min(1),
    name: ruleFields.name.optional(),
    enabled: z.boolean().optional(),
    position: z.number().int().min(0).optional(),
    scope: ruleScopeSchema.optional(),
    when: ruleWhenSchema.optional(),
    matchEverything: z.boolean().optional(),
    then: ruleThenSchema.optional(),
  })
  .strict();
export type UpdateRule = z.infer<typeof updateRuleSchema>;

export const ruleSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  position: z.number().int(),
  version: z.number().int(),
  scope: ruleScopeSchema,
  when: ruleWhenSchema,
  matchEverything: z.boolean().optional(),
  then: ruleThenSchema,
  stats: z.object({ matched: z.number().int(), lastMatchedAt: z.string().nullable() }),
  /** The admin who made it (email), and when it was made and last changed. */
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Rule = z.infer<typeof ruleSchema>;

/** The switch for every rule: on unless an admin turned it off or RULES_ENABLED=0 forces it off. */
export const rulesSwitchSchema = z.object({
  /** Whether rules run now. */
  enabled: z.boolean(),
  /** What the admins' switch says (it applies again once the environment no longer forces rules off). */
  toggle: z.boolean(),
  forcedOff: z.object({ variable: z.literal("RULES_ENABLED"), message: z.string() }).optional(),
});
export type RulesSwitch = z.infer<typeof rulesSwitchSchema>;

export const setRulesEnabledSchema = z.object({ enabled: z.boolean() }).strict();

export const listRulesSchema = rulesSwitchSchema.extend({ items: z.array(ruleSchema) });

export const dryRunSchema = z.object({ rule: ruleBodySchema, days: z.number().int().min(1).max(DRY_RUN_DAYS_MAX) }).strict();
export type DryRunInput = z.infer<typeof dryRunSchema>;

/** What people did with an application: approve or refuse (a rule's wouldDo agrees when they are equal). */
export const PEOPLE_DID = ["approve", "refuse"] as const;

export const dryRunResultSchema = z.object({
  evaluated: z.number().int(),
  matched: z.number().int(),
  wouldApprove: z.number().int(),
  wouldRefuse: z.number().int(),
  wouldHold: z.number().int(),
  agreement: z.object({ same: z.number().int(), different: z.number().int(), undecided: z.number().int() }),
  samples: z.array(z.object({ application: applicationSchema, wouldDo: z.enum(RULE_ACTIONS), peopleDid: z.enum(PEOPLE_DID) })),
});
export type DryRunResult = z.infer<typeof dryRunResultSchema>;
