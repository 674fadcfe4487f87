"use client";
import { useEffect, useState, useSyncExternalStore } from "react";

/**
 * What a mute, ban or recall just did, said in one polite live region for the whole page: actions sit in
 * several panels (the members' rows, the lists, the messages), and one region keeps screen readers from
 * hearing the same outcome twice. The region stays mounted while empty, so what appears in it is announced.
 */
type Said = { text: string; error: boolean; at: number };

let said: Said | null = null;
const listeners = new Set<() => void>();

export function sayModeration(text: string, error = false) {
  said = { text, error, at: (said?.at ?? 0) + 1 };
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

const SHOWN_MS = 8_000;

export function ModerationStatus() {
  const current = useSyncExternalStore(
    subscribe,
    () => said,
    () => null,
  );
  const [expired, setExpired] = useState<number | null>(null);
  useEffect(() => {
    if (!current) return;
    const timer = setTimeout(() => setExpired(current.at), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [current]);
  const shown = current && expired !== current.at ? current : null;
  return (
    <div className="pointer-events-none fixed bottom-4 left-4 z-40 max-w-[calc(100vw-2rem)] sm:max-w-md">
      <p
        role="status"
        aria-live="polite"
        data-testid="moderation-status"
        className={
          shown
            ? `rounded-md border px-3 py-2 text-sm shadow-md ${shown.error ? "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100" : "border-emerald-200 bg-white text-emerald-900 dark:border-emerald-800 dark:bg-slate-900 dark:text-emerald-200"}`
            : "sr-only"
        }
      >
        {shown?.text}
      </p>
    </div>
  );
}
