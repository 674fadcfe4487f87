"use client";
import * as RadixDialog from "@radix-ui/react-dialog";
import type { RefObject } from "react";
import { overlayClass, panelClass, type DialogProps } from "./dialog-classes";

/**
 * Radix's modal, loaded with the first dialog a page opens (components/ui/dialog.tsx). It keeps focus inside
 * while mounted; on closing it hands focus back to `opener`, remembered by the wrapper before anything moved it
 * (our dialogs are controlled, not opened by a Radix Trigger, and a loading state may have held focus meanwhile).
 */
export default function DialogView({
  onOpenChange,
  title,
  description,
  children,
  opener,
}: Omit<DialogProps, "open"> & { opener: RefObject<HTMLElement | null> }) {
  return (
    <RadixDialog.Root open onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={overlayClass} />
        <RadixDialog.Content
          className={panelClass}
          {...(description ? {} : { "aria-describedby": undefined })}
          onCloseAutoFocus={(e) => {
            if (opener.current?.isConnected) {
              e.preventDefault();
              opener.current.focus();
            }
          }}
        >
          <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
          {description && (
            <RadixDialog.Description className="mt-1 text-sm text-slate-600 dark:text-slate-300">{description}</RadixDialog.Description>
          )}
          <div className="mt-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
