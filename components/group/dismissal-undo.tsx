"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { MutationError } from "@/components/ui/mutation-error";
import { useCancelDismissal } from "@/lib/client/group-detail";

/**
 * The seconds between scheduling a dismissal and its being carried out: a countdown to see (not read aloud every
 * second: the status said once how long there is) and Undo, focused, so Enter takes it back.
 */
export function DismissalUndo({ groupId, dueAt, onUndone }: { groupId: string; dueAt: number; onUndone: () => void }) {
  const t = useTranslations("Dismiss");
  const cancel = useCancelDismissal(groupId);
  const [now, setNow] = useState(() => Date.now());
  // Said once: a live region that changed every second would talk over everything else.
  const [initial] = useState(() => Math.max(0, Math.ceil((dueAt - Date.now()) / 1000)));
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, []);
  const left = Math.max(0, Math.ceil((dueAt - now) / 1000));
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p role="status">{t("scheduledStatus", { seconds: initial })}</p>
      <p aria-hidden="true" className="text-3xl font-semibold tabular-nums">
        {left > 0 ? t("countdown", { seconds: left }) : t("dismissing")}
      </p>
      <MutationError error={cancel.error} />
      <div className="flex justify-end">
        <Button
          variant="primary"
          autoFocus
          disabled={left === 0 || cancel.isPending}
          onClick={() => cancel.mutate(undefined, { onSuccess: onUndone })}
        >
          {t("undo")}
        </Button>
      </div>
    </div>
  );
}
