"use client";
import { useTranslations } from "next-intl";
import { useLiveStream } from "@/lib/client/live-stream";
import { LiveNotice } from "./live-notice";
import { NewApplicationsAnnouncement } from "./new-applications-badge";

/**
 * Opens the tab's live stream, which keeps every open view current. New applications show as a count on the
 * navigation (and are announced here); only a long outage gets a notice of its own.
 */
export function LiveUpdates() {
  const { paused } = useLiveStream();
  const t = useTranslations("Live");
  return (
    <>
      <NewApplicationsAnnouncement />
      <div className="pointer-events-none fixed right-4 bottom-4 z-40 flex max-w-sm flex-col items-end gap-2">
        <LiveNotice muted>{paused && t("paused")}</LiveNotice>
      </div>
    </>
  );
}
