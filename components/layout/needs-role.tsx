import { useTranslations } from "next-intl";
import type { Role } from "@/lib/schemas/user";

/** Shown instead of a page the signed-in role may not use; the API refuses it regardless. */
export function NeedsRole({ role, title }: { role: Role; title: string }) {
  const t = useTranslations("Nav");
  const roles = useTranslations("Roles");
  return (
    <section
      aria-labelledby="needs-role-heading"
      className="rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <h1 id="needs-role-heading" className="text-xl font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t("needsRole", { role: roles(`badge.${role}`) })}</p>
    </section>
  );
}
