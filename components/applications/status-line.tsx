"use client";
import { useEffect, useState } from "react";

/** `at` numbers each message, so the same words said twice still count as new. */
export type Said = { text: string; error: boolean; at: number };

const SHOWN_MS = 8_000;

/**
 * One line for what just happened, in space kept for it: messages replace each other instead of stacking, so
 * rows never move under the mouse. A polite live region, so screen readers hear each one.
 */
export function StatusLine({ said }: { said: Said | null }) {
  const [expired, setExpired] = useState<number | null>(null);
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setExpired(said.at), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [said]);
  const shown = said && expired !== said.at ? said : null;
  return (
    <p
      role="status"
      aria-live="polite"
      className={`min-h-5 truncate text-sm ${shown?.error ? "text-red-800 dark:text-red-300" : "text-emerald-800 dark:text-emerald-300"}`}
      title={shown?.text}
    >
      {shown?.text}
    </p>
  );
}
