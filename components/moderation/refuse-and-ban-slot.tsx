"use client";
import dynamic from "next/dynamic";
import { closeRefuseAndBan, useRefuseAndBan } from "./refuse-and-ban-store";

// Loaded when first asked for: most applications are refused without a ban.
const RefuseAndBanDialog = dynamic(() => import("./refuse-and-ban"), { ssr: false });

/** Where the "Refuse and ban" dialog is drawn: beside the queue, which outlives the application it is about. */
export function RefuseAndBanSlot() {
  const state = useRefuseAndBan();
  if (!state) return null;
  return <RefuseAndBanDialog application={state.application} open={state.open} onClose={closeRefuseAndBan} />;
}
