import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import type { Locale, Theme } from "@/lib/schemas/user";
import { getContext } from "@/lib/server/platform/context";
import { currentUser } from "@/lib/server/auth/session";
import { chosenPreferences } from "@/lib/server/users/repo";
import { negotiateLocale } from "@/lib/i18n";

export type Preferences = { locale: Locale; theme: Theme };

/**
 * The language and theme of this page request: the signed-in user's choice, else what the browser asks
 * for (Accept-Language, and the system's colour scheme), else English. Cached for the one render.
 */
export const requestPreferences = cache(async (): Promise<Preferences> => {
  const chosen = await chosenByUser();
  const locale = chosen.locale ?? negotiateLocale((await headers()).get("accept-language"));
  return { locale, theme: chosen.theme ?? "system" };
});

async function chosenByUser(): Promise<{ locale: Locale | null; theme: Theme | null }> {
  const user = await currentUser().catch(() => null);
  if (!user) return { locale: null, theme: null };
  // "Never chosen" (null): only then does the browser's language decide.
  return chosenPreferences(getContext().db, user.id);
}
