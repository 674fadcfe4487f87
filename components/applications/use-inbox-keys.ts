"use client";
import { useEffect, useRef } from "react";

export type InboxKeyHandlers = {
  next: () => void;
  previous: () => void;
  approve: () => void;
  refuse: () => void;
  toggle: () => void;
  selectRange: () => void;
  selectAll: () => void;
  approveSelected: () => void;
  refuseSelected: () => void;
  clearSelection: () => void;
  skip: () => void;
  context: () => void;
  search: () => void;
  help: () => void;
};

const KEYS: Record<string, keyof InboxKeyHandlers> = {
  j: "next",
  k: "previous",
  a: "approve",
  r: "refuse",
  x: "toggle",
  X: "selectRange",
  "*": "selectAll",
  A: "approveSelected",
  R: "refuseSelected",
  Escape: "clearSelection",
  s: "skip",
  o: "context",
  "/": "search",
  "?": "help",
};

/**
 * The inbox's single-key commands — never while typing, never with Ctrl/⌘/Alt, never while a dialog is open.
 * The list is drawn on the server, and until the browser has taken it over a key does nothing (it is not held
 * and replayed later onto a list that may have changed under it): `<html data-inbox-keys="on">` says they are
 * listened for, for scripts that drive the queue (the stories wait for it).
 */
export function useInboxKeys(handlers: InboxKeyHandlers, enabled: boolean) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      if (document.querySelector('[role="dialog"]')) return;
      const action = KEYS[e.key];
      if (!action) return;
      e.preventDefault();
      ref.current[action]();
    }
    document.addEventListener("keydown", onKey);
    document.documentElement.dataset.inboxKeys = "on";
    return () => {
      document.removeEventListener("keydown", onKey);
      delete document.documentElement.dataset.inboxKeys;
    };
  }, [enabled]);
}

/** Every key the help lists, with its message key (`Applications.keys.*`); Enter and Esc included. */
export const KEY_HELP = [
  ["j / k", "move"],
  ["a", "approve"],
  ["r", "refuse"],
  ["x", "toggle"],
  ["s", "skip"],
  ["o", "context"],
  ["/", "search"],
  ["Shift + x", "range"],
  ["*", "all"],
  ["Shift + a", "approveSelected"],
  ["Shift + r", "refuseSelected"],
  ["Esc", "escape"],
  ["Enter", "enter"],
  ["Ctrl / ⌘ + Enter", "submitRefusal"],
  ["?", "help"],
] as const;
