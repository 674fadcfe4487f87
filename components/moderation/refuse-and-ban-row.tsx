"use client";
import { useBansAvailable } from "@/lib/client/moderation";
import type { Application } from "@/lib/schemas/application";
import { RefuseAndBanButton } from "./refuse-and-ban";

/** On a pending application's row in the queue: "Refuse and ban for 30 days", unless this IM edition has no bans. */
export default function RefuseAndBanRow({ application }: { application: Application }) {
  const available = useBansAvailable(application.groupId);
  if (!available.data) return null;
  return <RefuseAndBanButton application={application} className="whitespace-nowrap max-md:py-2" />;
}
