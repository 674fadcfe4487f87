import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { LOCALES, THEMES, type Locale, type Theme } from "@/lib/schemas/user";
import { getContext } from "@/lib/server/platform/context";
import { currentUser } from "@/lib/server/auth/session";
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
  // NULL columns mean "never chosen": only then does the browser's language decide.
  const row = await getContext().db.get<{ locale: string | null; theme: string | null }>("SELECT locale, theme FROM users WHERE id = ?", [
    Number(user.id),
  ]);
  return {
    locale: (LOCALES as readonly string[]).includes(row?.locale ?? "") ? (row!.locale as Locale) : null,
    theme: (THEMES as readonly string[]).includes(row?.theme ?? "") ? (row!.theme as Theme) : null,
  };
}
