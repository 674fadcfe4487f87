"use client";
import { useEffect, useRef, useState } from "react";
import type { Application } from "@/lib/schemas/application";
import { useMe } from "./me";
import { apiFetch } from "./fetcher";

/** How long the keyboard rests on an application before it is claimed: moving through with j/k claims no one. */
const SETTLE_MS = 400;
/** Renewed well inside the server's 2 minutes while the moderator stays on it. */
const RENEW_MS = 60_000;

const claimPath = (id: string) => `/api/applications/${encodeURIComponent(id)}/claim`;

/** Gives up a claim; `keepalive` lets it leave with a page that is closing. */
export function releaseClaim(id: string): Promise<unknown> {
  return apiFetch(claimPath(id), { method: "DELETE", keepalive: true }).catch(() => undefined);
}

/**
 * Holds a claim on the application the moderator is on (docs/contracts.md § Claims): claimed once the keyboard
 * rests on it, renewed while it stays, released when they move on, leave or close the page. Someone else's live
 * claim is left alone (409): the row says who is reviewing, and deciding asks first.
 */
export function useClaimCurrent(currentId: string | null, enabled: boolean) {
  const held = useRef<string | null>(null);

  useEffect(() => {
    if (!enabled || !currentId) return;
    const claim = () =>
      apiFetch(claimPath(currentId), { method: "POST", body: {} }).then(
        () => (held.current = currentId),
        () => undefined,
      );
    const settle = setTimeout(claim, SETTLE_MS);
    const renew = setInterval(claim, RENEW_MS);
    return () => {
      clearTimeout(settle);
      clearInterval(renew);
      // Claiming the next one releases this one on the server; moving to nothing (or leaving) must say so.
      if (held.current === currentId) {
        held.current = null;
        void releaseClaim(currentId);
      }
    };
  }, [currentId, enabled]);

  useEffect(() => {
    if (!enabled) return;
    const leave = () => held.current && void releaseClaim(held.current);
    window.addEventListener("pagehide", leave);
    return () => window.removeEventListener("pagehide", leave);
  }, [enabled]);
}

/**
 * The inbox's claims: nothing is claimed until the moderator chooses an application (`engage`: they moved to
 * it, or focused it), then the current one is held; `reviewerOf` names someone else reviewing a row.
 */
export function useInboxClaims(currentId: string | null, enabled: boolean) {
  const me = useMe().data;
  const [engaged, setEngaged] = useState(false);
  useClaimCurrent(engaged ? currentId : null, enabled);
  return {
    engage: () => setEngaged(true),
    reviewerOf: (a: Application) => (a.claim && a.claim.by !== me?.email ? a.claim.name : undefined),
  };
}
