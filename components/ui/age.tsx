"use client";
import { useFormatter, useNow } from "next-intl";

/** "3 minutes ago" in the reader's language, kept current while the page stays open. */
export function Age({ iso }: { iso: string }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  return <time dateTime={iso}>{format.relativeTime(new Date(iso), now)}</time>;
}
