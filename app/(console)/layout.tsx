import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FaceHostsProvider } from "@/components/face-hosts";
import { AppHeader } from "@/components/layout/app-header";
import { LiveUpdates } from "@/components/layout/live-updates";
import { getEnv } from "@/lib/server/platform/env";
import { currentUserOrEnd } from "@/lib/server/auth/session";

// Every console page depends on the signed-in user and live IM data.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const { user, ended } = await currentUserOrEnd();
  if (!user) redirect(ended ? `/login?reason=${ended}` : "/login");
  const t = await getTranslations("Nav");
  const meta = await getTranslations("Meta");
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-slate-900"
      >
        {t("skip")}
      </a>
      <AppHeader user={user} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {/* Of the configuration, only the face hosts reach the browser. */}
        <FaceHostsProvider hosts={getEnv().faceHosts}>{children}</FaceHostsProvider>
      </main>
      <footer className="mx-auto max-w-7xl px-4 pb-6 text-xs text-slate-600 dark:text-slate-400">
        <Link href="/api-docs" className="underline decoration-dotted underline-offset-2 hover:decoration-solid">
          {meta("apiDocs")}
        </Link>
      </footer>
      <LiveUpdates />
    </>
  );
}
