"use client";
import { useSyncExternalStore } from "react";
import type { Application } from "@/lib/schemas/application";

/**
 * Which application "Refuse and ban" is about. Kept outside the applicant panel: the refusal takes the
 * application out of the queue, the panel moves on to the next one (or closes with the last), and the dialog
 * must stay to show both outcomes. The slot that draws it sits beside the list, which stays.
 */
type State = { application: Application; open: boolean } | null;

let state: State = null;
const listeners = new Set<() => void>();
const set = (next: State) => {
  state = next;
  for (const l of listeners) l();
};

export const openRefuseAndBan = (application: Application) => set({ application, open: true });
export const closeRefuseAndBan = () => set(state && { ...state, open: false });

export function useRefuseAndBan(): State {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
    () => null,
  );
}
