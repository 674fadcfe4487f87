"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { RuleScope, RuleThen, RuleWhen } from "@/lib/schemas/rule";
import { actionWords, conditionWords, scopeWords, type Phrase, type Wording } from "./rule-words";

/** A rule's scope, conditions and action in the reader's language (lists and quotes as that language writes them). */
export function useRuleWords() {
  const t = useTranslations("rules.describe");
  const types = useTranslations("GroupTypes");
  const format = useFormatter();
  const wording: Wording = {
    list: (items, type) => format.list(items, { type }),
    quote: (text) => t("quoted", { text }),
    typeName: (type) => types(`name.${type}`),
  };
  const say = (p: Phrase) => t(p.key, p.values);
  return {
    scope: (scope: RuleScope) => scopeWords(scope, wording).map(say),
    when: (when: RuleWhen) => conditionWords(when, wording).map(say),
    then: (then: RuleThen) => say(actionWords(then, wording)),
  };
}
