import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { HTML_LANG } from "@/lib/i18n";
import type { Locale } from "@/lib/schemas/user";
import { requestPreferences } from "@/lib/server/accounts/preferences";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Group Console", template: "%s · Group Console" } };

/**
 * The language and theme are decided on the server for every request, so the first paint is already right:
 * `dark`/`light` on <html> for an explicit choice, `system` to follow prefers-color-scheme in CSS (no script).
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = (await getLocale()) as Locale;
  const { theme } = await requestPreferences();
  return (
    <html lang={HTML_LANG[locale]} className={theme}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
