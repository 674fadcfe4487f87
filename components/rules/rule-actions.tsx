"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { MutationError } from "@/components/ui/mutation-error";
import { newerRuleOf, useMoveRule, useToggleRule } from "@/lib/client/rules";
import type { Rule } from "@/lib/schemas/rule";

const SMALL = "px-2 py-1 text-xs";

/**
 * A rule's controls: open it (to edit, or to read and try for a moderator), and for admins turn it on or off,
 * move it and delete it. Each change carries the version shown; a stale one says so and the list shows the newer.
 */
/** What a rule's row and its controls are given: the rule, how many rules there are, and who may do what. */
export type RuleRowProps = {
  rule: Rule;
  count: number;
  canWrite: boolean;
  onOpen: (rule: Rule) => void;
  onDelete: (rule: Rule) => void;
};

export function RuleActions({ rule, count, canWrite, onOpen, onDelete }: RuleRowProps) {
  const t = useTranslations("rules.card");
  const moveRule = useMoveRule();
  const toggleRule = useToggleRule();
  const busy = moveRule.isPending || toggleRule.isPending;
  // The last change's refusal, if any: each change clears the other's.
  const error = moveRule.error ?? toggleRule.error;
  const box = useRef<HTMLDivElement>(null);
  const name = rule.name;

  // The focus stays with the moved rule's buttons: React may move its card in the page (which drops the focus),
  // and at either end the button pressed is disabled, so the other one takes it.
  const moving = useRef<"up" | "down" | null>(null);
  useEffect(() => {
    const pressed = moving.current;
    moving.current = null;
    if (!pressed) return;
    const button = (direction: string) => box.current?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]`);
    const target = button(pressed);
    (target?.disabled ? button(pressed === "up" ? "down" : "up") : target)?.focus();
  }, [rule.position]);

  // Pressed again while a change is on its way, a button does nothing (disabling it would drop the focus).
  const toggle = () => {
    if (busy) return;
    moveRule.reset();
    toggleRule.mutate({ rule, enabled: !rule.enabled });
  };
  const move = (by: -1 | 1) => {
    if (busy) return;
    toggleRule.reset();
    moving.current = by < 0 ? "up" : "down";
    moveRule.mutate({ rule, position: rule.position + by }, { onError: () => void (moving.current = null) });
  };

  const stale = newerRuleOf(error) !== null;
  return (
    <>
      <div ref={box} className="ml-auto flex flex-wrap gap-1">
        {canWrite && (
          <>
            <Button className={SMALL} aria-label={t(rule.enabled ? "disableNamed" : "enableNamed", { name })} onClick={toggle}>
              {t(rule.enabled ? "disable" : "enable")}
            </Button>
            <Button
              data-move="up"
              className={SMALL}
              disabled={rule.position === 0}
              aria-label={t("moveUp", { name })}
              onClick={() => move(-1)}
            >
              <span aria-hidden>↑</span>
            </Button>
            <Button
              data-move="down"
              className={SMALL}
              disabled={rule.position >= count - 1}
              aria-label={t("moveDown", { name })}
              onClick={() => move(1)}
            >
              <span aria-hidden>↓</span>
            </Button>
          </>
        )}
        <Button className={SMALL} aria-label={t(canWrite ? "editNamed" : "viewNamed", { name })} onClick={() => onOpen(rule)}>
          {t(canWrite ? "edit" : "view")}
        </Button>
        {canWrite && (
          <Button className={SMALL} aria-label={t("deleteNamed", { name })} onClick={() => onDelete(rule)}>
            {t("delete")}
          </Button>
        )}
      </div>
      {error && (
        <div className="w-full">
          {stale ? (
            <p role="alert" className="rounded-md bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
              {t("stale")}
            </p>
          ) : (
            <MutationError error={error} />
          )}
        </div>
      )}
    </>
  );
}
