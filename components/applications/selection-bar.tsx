"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

type Props = {
  shown: number;
  selected: number;
  /** Everything the filters match (`total`), when more than the rows loaded: `all` once chosen. */
  matching?: { total: number; all: boolean; choose: () => void };
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
export function SelectionBar({ shown, selected, matching, onSelectAll, onApprove, onRefuse, onClear }: Props) {
  const t = useTranslations("Applications");
  const all = shown > 0 && (selected === shown || !!matching?.all);
  // Gmail's way: once the page is all selected, offer everything the filter matches (decided as one job).
  const offerMatching = matching && !matching.all && all && matching.total > shown;
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
        {!matching?.all && <span aria-hidden>{selected > 0 ? t("selected", { count: selected }) : t("selectAllShort")}</span>}
      </label>
      {offerMatching && (
        <Button variant="ghost" className="py-1 text-xs underline" onClick={matching.choose}>
          {t("selectMatching", { total: matching.total })}
        </Button>
      )}
      {matching?.all && <span role="status">{t("allMatchingSelected", { total: matching.total })}</span>}
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
