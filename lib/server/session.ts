import "server-only";
import { getServerSession } from "next-auth";
import type { SessionUser } from "@/lib/schemas/user";
import { getAuthOptions } from "./auth-options";
import { getContext } from "./context";
import { findUserById } from "./users";

/**
 * The signed-in console user, read fresh from the store so a disabled user or a changed role takes
 * effect at once rather than when the JWT expires.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await findUserById(getContext().db, id);
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
