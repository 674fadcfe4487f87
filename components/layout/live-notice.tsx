import type { ReactNode } from "react";

const NOTICE = "pointer-events-auto flex items-center gap-3 rounded-md border px-3 py-2 text-sm shadow-md";
const MUTED = "border-slate-200 bg-slate-50 text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200";
const LOUD = "border-indigo-200 bg-white text-slate-900 dark:border-indigo-800 dark:bg-slate-900 dark:text-slate-100";

/**
 * A quiet corner notice. The polite live region stays mounted while empty, so screen readers announce
 * what later appears in it without interrupting the operator.
 */
export function LiveNotice({ children, muted = false }: { children?: ReactNode; muted?: boolean }) {
  const shown = children !== undefined && children !== null && children !== false;
  return (
    <div role="status" className={shown ? `${NOTICE} ${muted ? MUTED : LOUD}` : "sr-only"}>
      {shown ? children : null}
    </div>
  );
}
