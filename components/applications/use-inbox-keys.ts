"use client";
import { useEffect, useRef } from "react";

export type InboxKeyHandlers = { next: () => void; previous: () => void; approve: () => void; refuse: () => void; toggle: () => void; help: () => void };

/** j/k move, a approve, r refuse, x select, ? help — but never while typing or while a dialog is open. */
export function useInboxKeys(handlers: InboxKeyHandlers, enabled: boolean) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      if (document.querySelector('[role="dialog"]')) return;
      const map: Record<string, keyof InboxKeyHandlers> = { j: "next", k: "previous", a: "approve", r: "refuse", x: "toggle", "?": "help" };
      const action = map[e.key];
      if (!action) return;
      e.preventDefault();
      ref.current[action]();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [enabled]);
}

/** The keys and their message keys (`Applications.keys.*`), for the help dialog. */
export const KEY_HELP = [
  ["j / k", "move"],
  ["a", "approve"],
  ["r", "refuse"],
  ["x", "toggle"],
  ["?", "help"],
] as const;
