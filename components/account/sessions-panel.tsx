"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { MutationError } from "@/components/ui/mutation-error";
import { apiFetch } from "@/lib/client/fetcher";
import { useSignOutEverywhere } from "@/lib/client/users";

/** Sessions elsewhere: end them all at once; and, with single sign-on, link this account to the identity provider. */
export function SessionsPanel({ sso }: { sso: { name: string } | null }) {
  const t = useTranslations("Account");
  const signOut = useSignOutEverywhere();
  const [linkError, setLinkError] = useState<unknown>(null);

  async function link() {
    setLinkError(null);
    try {
      await apiFetch("/api/me/sso-link", { method: "POST" });
      await signIn("oidc", { callbackUrl: "/account" });
    } catch (err) {
      setLinkError(err);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("sessionsIntro")}</p>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t("signOutEverywhere")}
        </Button>
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {signOut.isSuccess ? t("signedOutEverywhere") : ""}
        </p>
      </div>
      <MutationError error={signOut.error} />
      {sso && (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-300">{t("ssoLinkIntro", { name: sso.name })}</p>
          <div>
            <Button onClick={() => void link()}>{t("ssoLink", { name: sso.name })}</Button>
          </div>
          <MutationError error={linkError} />
        </>
      )}
    </div>
  );
}
