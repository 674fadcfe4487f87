"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { safeReturnPath } from "@/lib/return-path";

/** Single sign-on, offered under the password form when the console is configured for it (OIDC_*). */
export function SsoSignIn({ name, from, error }: { name: string; from: string; error?: string }) {
  const t = useTranslations("Login");
  const [pending, setPending] = useState(false);
  return (
    <div className="mt-5 flex flex-col gap-3">
      <p className="flex items-center gap-3 text-xs text-slate-500 dark:text-slate-400">
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
        {t("or")}
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </p>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error === "AccessDenied" ? t("ssoDenied") : t("ssoFailed")}
        </p>
      )}
      <Button
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signIn("oidc", { callbackUrl: safeReturnPath(from, window.location.origin) });
        }}
      >
        {t("sso", { name })}
      </Button>
    </div>
  );
}
