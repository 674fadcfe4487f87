"use client";
import { useSyncExternalStore } from "react";

/**
 * How many applications arrived since the moderator last looked at the inbox: written by the live stream,
 * read by the navigation's badge and the announcement. A tiny store, because they sit in different parts of
 * the layout.
 */
let count = 0;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function addNewApplications(n: number) {
  count += n;
  emit();
}

export function clearNewApplications() {
  if (count === 0) return;
  count = 0;
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function useNewApplications(): number {
  return useSyncExternalStore(
    subscribe,
    () => count,
    () => 0,
  );
}
