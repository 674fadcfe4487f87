"use client";
import { useTranslations } from "next-intl";
import { Panel } from "@/components/ui/panel";
import { LocalTime } from "@/components/ui/local-time";
import { useSignInFailures } from "@/lib/client/users";

/**
 * Accounts being guessed at. Guessing from many addresses slows those addresses down instead of locking the
 * account (that would let strangers lock its owner out), so an admin needs to see it happening.
 */
export function SignInFailures() {
  const t = useTranslations("Users");
  const failures = useSignInFailures();
  const items = failures.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Panel title={t("failuresTitle")}>
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">{t("failuresIntro")}</p>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-600 uppercase dark:text-slate-300">
          <tr>
            <th scope="col" className="py-1 pr-3">
              {t("email")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("failuresCount")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("failuresAddresses")}
            </th>
            <th scope="col" className="py-1">
              {t("failuresLast")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => (
            <tr key={f.email} className="border-t border-slate-200 dark:border-slate-700">
              <td className="py-1 pr-3 break-all">{f.email}</td>
              <td className="py-1 pr-3 tabular-nums">{f.failures}</td>
              <td className="py-1 pr-3 tabular-nums">{f.addresses}</td>
              <td className="py-1">
                <LocalTime iso={f.lastAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
