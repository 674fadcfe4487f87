"use client";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { createPortal } from "react-dom";
import { overlayClass, panelClass, type DialogProps } from "./dialog-classes";

export type { DialogProps };

// Radix (about 11 KB compressed) loads with the first dialog a page opens, not with the page; the first key or
// click anywhere starts fetching it, so it is usually here before the click that opens a dialog is handled.
const load = () => import("./dialog-view");
const DialogView = lazy(load);

/**
 * A modal that keeps focus inside while open and returns it on close to whatever opened it. Nothing is rendered
 * while closed; a dialog whose code is still on its way shows its title in an open, focused container, so no
 * key meant for the dialog reaches the page behind it (the inbox ignores its keys while any dialog is open).
 */
export function Dialog(props: DialogProps) {
  const { open } = props;
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const early = () => void load();
    const opts = { capture: true, once: true, passive: true };
    document.addEventListener("pointerdown", early, opts);
    document.addEventListener("keydown", early, opts);
    return () => {
      document.removeEventListener("pointerdown", early, opts);
      document.removeEventListener("keydown", early, opts);
    };
  }, []);
  // A layout effect runs before any child's passive effect: the opener is read before the loading state or Radix
  // takes focus.
  useLayoutEffect(() => {
    if (open) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);
  if (!open) return null;
  return (
    <Suspense fallback={<Loading {...props} opener={opener} />}>
      <DialogView {...props} opener={opener} />
    </Suspense>
  );
}

/** The dialog as it will look, busy, until its code (Radix, or a lazily loaded body inside it) has arrived. */
function Loading({ title, onOpenChange, opener }: DialogProps & { opener: RefObject<HTMLElement | null> }) {
  const common = useTranslations("Common");
  const panel = useRef<HTMLDivElement>(null);
  // Closed before Radix arrived: focus goes back where it was, as Radix would have done.
  const close = () => {
    onOpenChange(false);
    opener.current?.focus();
  };
  useEffect(() => panel.current?.focus(), []);
  // Rendered only in the browser: a dialog is opened by someone's click or key, never open in the server's HTML.
  if (typeof document === "undefined") return null;
  return createPortal(
    <>
      <div className={overlayClass} onClick={close} />
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-busy="true"
        aria-label={title}
        tabIndex={-1}
        onKeyDown={(e) => e.key === "Escape" && close()}
        className={`${panelClass} outline-none`}
      >
        <p className="text-lg font-semibold">{title}</p>
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">{common("loading")}</p>
      </div>
    </>,
    document.body,
  );
}
