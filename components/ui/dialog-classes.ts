import type { ReactNode } from "react";

// The dialog's props and look, shared by its loading state (components/ui/dialog.tsx) and Radix's view, so the
// one replaces the other without a jump (and the view, loaded on first open, imports nothing back from the dialog).
export type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
};

export const overlayClass = "fixed inset-0 bg-slate-900/40 dark:bg-black/60";
export const panelClass =
  "fixed top-1/2 left-1/2 max-h-[90vh] w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl dark:bg-slate-900 dark:ring-1 dark:ring-slate-700";
