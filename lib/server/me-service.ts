import "server-only";
import bcrypt from "bcryptjs";
import type { ConsoleUser, SessionUser, UpdateMeInput } from "@/lib/schemas/user";
import { ApiError } from "./api-error";
import { audited } from "./audited";
import { getContext } from "./context";
import { getConsoleUser, passwordHashOf, updateUserRow } from "./console-users";
import { isThrottled, recordFailure } from "./signin-throttle";
import { setPassword } from "./users";
import { refuse } from "./users-service";

export async function getMe(user: SessionUser): Promise<ConsoleUser> {
  const me = await getConsoleUser(getContext().db, user.id);
  if (!me) throw new ApiError("unauthenticated", "Sign in to continue");
  return me;
}

export async function updateMe(user: SessionUser, input: UpdateMeInput, requestId: string): Promise<ConsoleUser> {
  const { db } = getContext();
  const current = await getMe(user);
  const { currentPassword, newPassword, ...change } = input;
  const keys = Object.keys(change) as (keyof typeof change)[];
  const before = Object.fromEntries(keys.map((k) => [k, current[k]]));
  const after = { ...change, ...(newPassword ? { passwordChanged: true } : {}) };
  return audited({ actor: user, action: "user.update", target: user.email, before, after, requestId }, async () => {
    if (newPassword) await checkCurrentPassword(user, currentPassword ?? "");
    await updateUserRow(db, user.id, change);
    if (newPassword) await setPassword(db, user.email, newPassword);
    return getMe(user);
  });
}

/** Wrong guesses count against the same limit as sign-in: a borrowed session must not become a way to guess. */
async function checkCurrentPassword(user: SessionUser, password: string) {
  const { db } = getContext();
  if (await isThrottled(db, { email: user.email })) {
    throw ApiError.because("rate_limited", "tooManyPasswords", "Too many wrong passwords. Wait a few minutes and try again");
  }
  if (!(await bcrypt.compare(password, (await passwordHashOf(db, user.id)) ?? ""))) {
    await recordFailure(db, { email: user.email });
    throw refuse("currentPassword", "Your current password is not correct", "currentPasswordWrong");
  }
}
