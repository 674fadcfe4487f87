"use client";
import { useSearchParams } from "next/navigation";

/**
 * The messages panel's sender filter lives in the page's URL (`?sender=aiko_01`), so a filtered view can be
 * shared and survives a reload; a member's row sets it too. Written with the History API: the page's server
 * part does not depend on it, so no round trip to the server.
 */
export function useMessageSender(): string {
  return useSearchParams().get("sender")?.trim() ?? "";
}

export const MESSAGES_PANEL_ID = "group-messages";

export function showMessagesOf(sender: string, focus = true) {
  const url = new URL(window.location.href);
  if (sender) url.searchParams.set("sender", sender);
  else url.searchParams.delete("sender");
  window.history.replaceState(null, "", url);
  if (!focus) return;
  // The panel's heading, once it has drawn the filter (it may be loading its code on first use).
  requestAnimationFrame(() => {
    const panel = document.getElementById(MESSAGES_PANEL_ID);
    panel?.scrollIntoView({ block: "start" });
    panel?.querySelector<HTMLElement>("[data-messages-heading]")?.focus();
  });
}
