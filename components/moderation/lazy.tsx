"use client";
import dynamic from "next/dynamic";

/**
 * The moderation panels, each in a chunk of its own loaded once the page is up (the lists are read in the
 * browser anyway): a group's page stays as light as before for the many visits that moderate nothing.
 */
const placeholder = () => <div aria-hidden="true" className="min-h-24 rounded-lg border border-slate-200 dark:border-slate-700" />;

export const SanctionsPanel = dynamic(() => import("./sanctions-panel"), { ssr: false, loading: placeholder });
export const MessagesPanel = dynamic(() => import("./messages-panel"), { ssr: false, loading: placeholder });
export const ApplicantModeration = dynamic(() => import("./applicant-moderation"), { ssr: false });
export const RefuseAndBanRow = dynamic(() => import("./refuse-and-ban-row"), { ssr: false });
export { ModerationStatus } from "./status";
export { RefuseAndBanSlot } from "./refuse-and-ban-slot";
