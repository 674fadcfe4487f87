import "server-only";
import type { Actor } from "@/lib/server/platform/actor";
import type { Page } from "@/lib/schemas/page";
import type {
  ConsoleUser,
  CreateUserInput,
  LinkSsoInput,
  ListUsersQuery,
  SessionUser,
  SignInFailures,
  UpdateUserInput,
} from "@/lib/schemas/user";
import { ApiError } from "@/lib/server/platform/api-error";
import { audited } from "@/lib/server/audit/audited";
import { getContext } from "@/lib/server/platform/context";
import { getEnv } from "@/lib/server/platform/env";
import { decodeIdCursor, encodeIdCursor } from "@/lib/server/platform/id-cursor";
import { linkIdentity } from "@/lib/server/auth/oidc";
import { recentFailuresByAccount } from "@/lib/server/auth/throttle";
import { isUniqueViolation, type Store } from "@/lib/server/store/store";
import {
  activeAdminCount,
  ADMIN_ROLES,
  createUser,
  endSessions,
  getConsoleUser,
  pageUserRows,
  setPassword,
  updateUserRow,
  userExists,
  type SessionEndReason,
} from "@/lib/server/users/repo";
import { getBus } from "@/lib/server/live/bus";
import { assertScopeChange } from "./scope-change";

export async function listUsers(query: ListUsersQuery): Promise<Page<ConsoleUser>> {
  const afterId = query.cursor ? decodeIdCursor("users", query.cursor) : 0;
  const page = await pageUserRows(getContext().db, afterId, query.limit);
  const last = page.items[page.items.length - 1];
  return { items: page.items, nextCursor: page.more && last ? encodeIdCursor("users", last.id) : null, total: page.total };
}

const taken = (email: string) => new ApiError("conflict", `A console user with the email ${email} already exists`);

export async function createConsoleUser(input: CreateUserInput, { user: actor, requestId }: Actor): Promise<ConsoleUser> {
  const { db } = getContext();
  const { password, ...shown } = input;
  return audited(
    { actor, action: "user.create", target: input.email, after: shown, requestId },
    async () => {
      if (await userExists(db, input.email)) throw taken(input.email);
      try {
        const created = await createUser(db, { ...shown, password });
        return (await getConsoleUser(db, created.id))!;
      } catch (err) {
        // Two admins adding the same email at once: the second loses at the UNIQUE constraint.
        if (isUniqueViolation(err)) throw taken(input.email);
        throw err;
      }
    },
    (user) => ({ after: user }),
  );
}

/** A 422 about one field, with the key and values the UI translates (`Reasons`). */
export function refuse(path: string, message: string, key: string, values?: Record<string, string | number>): ApiError {
  return ApiError.because("validation", key, message, values, { fields: [{ path, message, key, ...(values ? { values } : {}) }] });
}

/** The console must always keep an active admin, and an admin cannot lock themself out by accident. */
async function assertAllowed(db: Store, target: ConsoleUser, change: Omit<UpdateUserInput, "password">, actor: SessionUser) {
  const demoting = change.role !== undefined && change.role !== "admin";
  if (target.id === actor.id && change.disabled)
    throw refuse("disabled", "You cannot disable your own account; ask another admin to do it", "selfDisable");
  if (target.id === actor.id && demoting) throw refuse("role", "You cannot change your own role; ask another admin to do it", "selfRole");
  const removesAdmin = target.role === "admin" && !target.disabled && (demoting || change.disabled === true);
  if (removesAdmin && (await activeAdminCount(db)) <= 1) {
    throw refuse(
      demoting ? "role" : "disabled",
      `${target.email} is the last active admin; make another user an admin first`,
      "lastAdmin",
      { email: target.email },
    );
  }
}

/** What in a change ends the user's sessions at once: their rights changed, or they may no longer enter. */
function sessionEndOf(current: ConsoleUser, change: Omit<UpdateUserInput, "password">): SessionEndReason | null {
  if (change.disabled === true && !current.disabled) return "disabled";
  if (change.role !== undefined && change.role !== current.role) return "role_changed";
  return null;
}

export async function updateConsoleUser(
  { id, ...input }: UpdateUserInput & { id: string },
  { user: actor, requestId }: Actor,
): Promise<ConsoleUser> {
  const { db } = getContext();
  const current = await getConsoleUser(db, id);
  if (!current) throw ApiError.because("not_found", "userNotFound", "There is no console user with that ID");
  const { password, ...change } = input;
  const keys = Object.keys(change) as (keyof typeof change)[];
  const before = Object.fromEntries(keys.map((k) => [k, current[k]]));
  const ends = password ? "password_reset" : sessionEndOf(current, change);
  const after = { ...change, ...(password ? { passwordChanged: true } : {}), ...(ends ? { sessionsEnded: ends } : {}) };
  return audited({ actor, action: "user.update", target: current.email, before, after, requestId }, async () => {
    // Check and write in one serialized transaction: two admins demoting each other at once cannot both win.
    await db.transaction(
      async (tx) => {
        const fresh = await getConsoleUser(tx, id);
        if (!fresh) throw ApiError.because("not_found", "userNotFound", "There is no console user with that ID");
        await assertAllowed(tx, fresh, change, actor);
        await assertScopeChange(tx, fresh, change);
        await updateUserRow(tx, id, change);
        const ending = sessionEndOf(fresh, change);
        if (ending) await endSessions(tx, id, ending);
      },
      { serializeOn: ADMIN_ROLES },
    );
    if (password) await setPassword(db, current.email, password, "password_reset");
    // Their open event streams, on every instance, end now and reconnect under the session as it is: a narrower
    // scope or a lost role stops what they may no longer see at once, not at the next heartbeat (docs/scopes.md § Events).
    getBus().userChanged(id);
    return (await getConsoleUser(db, id))!;
  });
}

/** An admin links a single sign-on identity to a console user, e.g. one whose sign-in was refused as `link_required`. */
export async function linkConsoleUserSso(
  { id, ...input }: LinkSsoInput & { id: string },
  { user: actor, requestId }: Actor,
): Promise<ConsoleUser> {
  const { db } = getContext();
  const oidc = getEnv().oidc;
  if (!oidc) throw ApiError.because("not_found", "ssoOff", "Single sign-on is not configured");
  const user = await getConsoleUser(db, id);
  if (!user) throw ApiError.because("not_found", "userNotFound", "There is no console user with that ID");
  return audited({ actor, action: "user.update", target: user.email, after: { ssoLinked: input.subject }, requestId }, async () => {
    if ((await linkIdentity(db, oidc, id, input.subject)) === "taken")
      throw new ApiError("conflict", "That identity is already linked to a console user");
    return user;
  });
}

/** Guessing shows here: an account failing from many addresses is slowed, not locked, so admins must see it. */
export async function listSignInFailures(): Promise<{ items: SignInFailures[] }> {
  return { items: await recentFailuresByAccount(getContext().db) };
}
