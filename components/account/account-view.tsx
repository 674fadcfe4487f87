"use client";
import { useTranslations } from "next-intl";
import { ErrorPanel } from "@/components/ui/error-panel";
import { Panel } from "@/components/ui/panel";
import { useMe } from "@/lib/client/me";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { SessionsPanel } from "./sessions-panel";

export function AccountView({ sso }: { sso: { name: string } | null }) {
  const t = useTranslations("Account");
  const me = useMe();
  return (
    <section aria-labelledby="account-heading" className="flex max-w-xl flex-col gap-4">
      <h1 id="account-heading" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      {me.isError && <ErrorPanel error={me.error} onRetry={() => me.refetch()} />}
      {me.data && (
        <>
          <Panel title={t("profile")}>
            <ProfileForm me={me.data} />
          </Panel>
          <Panel title={t("password")}>
            <PasswordForm />
          </Panel>
          <Panel title={t("sessions")}>
            <SessionsPanel sso={sso} />
          </Panel>
        </>
      )}
    </section>
  );
}
