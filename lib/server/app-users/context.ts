import "server-only";
import type { AppUserContext } from "@/lib/schemas/app-user";
import { applicationSource } from "@/lib/server/applications/current";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { keepInScope, scopedGroupIds, type Asker } from "@/lib/server/platform/scope";
import { notesOf } from "./notes";
import { sanctionsOf } from "./sanctions";

const RECENT = 20;
/** A scoped asker's groups are found among this many of the user's groups, read in one IM call (Tencent allows 5,000). */
const SCOPED_READ = 1_000;

/**
 * What a moderator deciding an application wants to know of its requester (docs/contracts.md § Applicant
 * context): their profile, their applications to every group, their groups and role in each, and the notes
 * moderators left. An ID the IM app does not have is 404, unless the console has notes on it. A scoped asker
 * sees the applications and groups of their own groups alone (docs/scopes.md § Applicant context).
 */
export async function appUserContext({ userId }: { userId: string }, who: Asker | null): Promise<AppUserContext> {
  const within = scopedGroupIds(who);
  const { db, im } = getContext();
  const [exists, notes] = await Promise.all([im.importedAccounts([userId]).then((s) => s.has(userId)), notesOf(db, userId)]);
  if (!exists && notes.length === 0) throw ApiError.because("not_found", "appUserNotFound", "There is no app user with that ID");
  const [profiles, history, groups] = exists
    ? await Promise.all([
        im.getProfiles([userId]),
        (await applicationSource()).byRequester(userId, RECENT, within),
        within === null ? im.joinedGroups(userId, RECENT) : im.joinedGroups(userId, SCOPED_READ).then((g) => inScopeOnly(who, g)),
      ])
    : [new Map(), { pending: 0, approved: 0, refused: 0, recent: [] }, { total: 0, items: [] }];
  const profile = profiles.get(userId);
  const sanctions = exists ? await sanctionsOf(userId, groups.items, who) : [];
  return {
    user: { id: userId, nickname: profile?.nickname ?? "", faceUrl: profile?.faceUrl ?? "", exists },
    applications: { total: history.pending + history.approved + history.refused, ...history },
    groups: { total: groups.total, items: groups.items.map(({ id, name, type, role }) => ({ id, name, type, role })) },
    sanctions,
    notes,
  };
}

/** The user's groups within the asker's scope: how many, and the first `RECENT` of them. */
function inScopeOnly<G extends { id: string }>(who: Asker | null, groups: { total: number; items: G[] }) {
  const kept = keepInScope(who, groups.items, (g) => g.id);
  return { total: kept.length, items: kept.slice(0, RECENT) };
}
