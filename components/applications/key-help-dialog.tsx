"use client";
import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";
import { KEY_HELP } from "./use-inbox-keys";

/** `?` in the inbox: every key it answers to, Enter and Esc included. */
export function KeyHelpDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("Applications");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t("keysTitle")}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {KEY_HELP.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="whitespace-nowrap">
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono dark:border-slate-600 dark:bg-slate-800">
                {k}
              </kbd>
            </dt>
            <dd>{t(`keys.${v}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
