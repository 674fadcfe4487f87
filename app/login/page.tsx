import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoSignIn } from "@/components/auth/sso-sign-in";
import { getEnv } from "@/lib/server/platform/env";
import { currentUser, SESSION_ENDS } from "@/lib/server/auth/session";
import { safeReturnPath } from "@/lib/return-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Meta"))("signIn") };
}
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const from = safeReturnPath(params.from, getEnv().nextAuthUrl);
  if (await currentUser()) redirect(from);
  const t = await getTranslations("Login");
  // Someone whose session was ended (password, role, disabled, elsewhere, 12 hours) is told why.
  const ended = SESSION_ENDS.find((r) => r === params.reason);
  const sso = getEnv().oidc;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">{t("heading")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
        {ended && (
          <p role="status" className="mt-4 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            {t(`ended.${ended}`)}
          </p>
        )}
        <SignInForm from={from} />
        {sso && <SsoSignIn name={sso.name} from={from} error={typeof params.error === "string" ? params.error : undefined} />}
      </div>
    </main>
  );
}
