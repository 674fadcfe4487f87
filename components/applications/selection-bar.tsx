"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

type Props = {
  shown: number;
  selected: number;
  onSelectAll: (all: boolean) => void;
  onApprove: () => void;
  onRefuse: () => void;
  onClear: () => void;
};

/**
 * Select-all and the actions on the selection, in one row whose height does not change when something is
 * selected: rows stay where the moderator's mouse is. The checkbox is here, not in the table's header,
 * so that it is also there on a phone, where the header is hidden.
 */
export function SelectionBar({ shown, selected, onSelectAll, onApprove, onRefuse, onClear }: Props) {
  const t = useTranslations("Applications");
  const all = shown > 0 && selected === shown;
  return (
    <div className="flex min-h-10 flex-wrap items-center gap-2 rounded-md bg-slate-50 px-3 py-1.5 text-sm dark:bg-slate-800/60">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          aria-label={t("selectAll")}
          checked={all}
          ref={(el) => void (el && (el.indeterminate = selected > 0 && !all))}
          disabled={shown === 0}
          onChange={() => onSelectAll(!all)}
        />
        <span aria-hidden>{selected > 0 ? t("selected", { count: selected }) : t("selectAllShort")}</span>
      </label>
      {selected > 0 && (
        <>
          <Button variant="primary" className="py-1 text-xs" onClick={onApprove} aria-keyshortcuts="Shift+A">
            {t("approveMany", { count: selected })}
          </Button>
          <Button className="py-1 text-xs" onClick={onRefuse} aria-keyshortcuts="Shift+R">
            {t("refuseMany", { count: selected })}
          </Button>
          <Button variant="ghost" className="py-1 text-xs" onClick={onClear} aria-keyshortcuts="Escape">
            {t("clearSelection")}
          </Button>
        </>
      )}
    </div>
  );
}
