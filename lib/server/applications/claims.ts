import "server-only";
import type { Claim } from "@/lib/schemas/application";
import type { SessionUser } from "@/lib/schemas/user";
import { publishEvent } from "@/lib/server/live/bus";
import { ApiError } from "@/lib/server/platform/api-error";
import { placeholders, type Store } from "@/lib/server/store/store";

// Claims (docs/contracts.md § Claims): a moderator reviewing an application holds it for two minutes, renewed
// while they stay. Others see who, and deciding it anyway takes `force`. They live in the store, so every
// console instance sees them; a moderator holds one claim at most.

export const CLAIM_MS = 2 * 60 * 1000;
/** Claims are taken one at a time across instances: two moderators racing for one application, one wins. */
const CLAIMS_LOCK = "applications.claims";

type ClaimRow = {
  application_id: string;
  group_id: string;
  holder_id: string;
  holder_email: string;
  holder_name: string;
  expires_at: number;
};

const toClaim = (r: ClaimRow): Claim => ({
  by: r.holder_email,
  name: r.holder_name,
  expiresAt: new Date(Number(r.expires_at)).toISOString(),
});
const nameOf = (user: SessionUser) => user.name || user.email;

async function liveClaim(db: Store, applicationId: string, now: number): Promise<ClaimRow | undefined> {
  return db.get<ClaimRow>("SELECT * FROM application_claims WHERE application_id = ? AND expires_at > ?", [applicationId, now]);
}

/** Refused with 409 `claimed` when another moderator holds a live claim on it; the details say who, until when. */
export function claimedBy(row: ClaimRow): ApiError {
  const claim = toClaim(row);
  return new ApiError("claimed", `${claim.name} is reviewing this application`, claim);
}

/**
 * Claims an application for `user` (or renews their claim). Another moderator's live claim is refused unless
 * `force`; the user's claim on any other application is released.
 */
export async function takeClaim(
  db: Store,
  application: { id: string; groupId: string },
  user: SessionUser,
  { force = false, now = Date.now() }: { force?: boolean; now?: number } = {},
): Promise<Claim> {
  const { released, row } = await db.transaction(
    async (tx) => {
      const held = await liveClaim(tx, application.id, now);
      if (held && held.holder_id !== user.id && !force) throw claimedBy(held);
      const previous = await tx.get<ClaimRow>("SELECT * FROM application_claims WHERE holder_id = ? AND application_id <> ?", [
        user.id,
        application.id,
      ]);
      if (previous) await tx.run("DELETE FROM application_claims WHERE application_id = ?", [previous.application_id]);
      const next: ClaimRow = {
        application_id: application.id,
        group_id: application.groupId,
        holder_id: user.id,
        holder_email: user.email,
        holder_name: nameOf(user),
        expires_at: now + CLAIM_MS,
      };
      await tx.run(
        `INSERT INTO application_claims (application_id, group_id, holder_id, holder_email, holder_name, expires_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (application_id) DO UPDATE SET group_id = excluded.group_id, holder_id = excluded.holder_id,
           holder_email = excluded.holder_email, holder_name = excluded.holder_name, expires_at = excluded.expires_at`,
        [next.application_id, next.group_id, next.holder_id, next.holder_email, next.holder_name, next.expires_at],
      );
      return { released: previous && Number(previous.expires_at) > now ? previous : undefined, row: next };
    },
    { serializeOn: CLAIMS_LOCK },
  );
  if (released) publishEvent({ type: "application.released", groupId: released.group_id, applicationId: released.application_id });
  publishEvent({ type: "application.claimed", groupId: row.group_id, applicationId: row.application_id });
  return toClaim(row);
}

/** Gives up the user's claim on the application (nothing to do when they hold none). */
export async function releaseClaim(db: Store, applicationId: string, user: SessionUser): Promise<void> {
  const row = await db.get<ClaimRow>("SELECT * FROM application_claims WHERE application_id = ? AND holder_id = ?", [
    applicationId,
    user.id,
  ]);
  if (!row) return;
  await db.run("DELETE FROM application_claims WHERE application_id = ? AND holder_id = ?", [applicationId, user.id]);
  publishEvent({ type: "application.released", groupId: row.group_id, applicationId });
}

/** Before deciding: refused when someone else reviews it, unless `force`. */
export async function assertNotClaimedByOther(db: Store, applicationId: string, user: SessionUser, force = false, now = Date.now()) {
  if (force) return;
  const held = await liveClaim(db, applicationId, now);
  if (held && held.holder_id !== user.id) throw claimedBy(held);
}

/** A decided application is nobody's to review any more. */
export async function dropClaim(db: Store, applicationId: string): Promise<void> {
  await db.run("DELETE FROM application_claims WHERE application_id = ?", [applicationId]);
}

/** The live claims on these applications, by application ID. */
export async function claimsOf(db: Store, ids: string[], now = Date.now()): Promise<Map<string, Claim>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<ClaimRow>(
    `SELECT * FROM application_claims WHERE expires_at > ? AND application_id IN (${placeholders(ids.length)})`,
    [now, ...ids],
  );
  return new Map(rows.map((r) => [r.application_id, toClaim(r)]));
}
