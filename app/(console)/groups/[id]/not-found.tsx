import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";

/** An unknown or dismissed group: still the console (its header, a way back), and a search to find the right one. */
export default async function GroupNotFound() {
  const t = await getTranslations("Group");
  return (
    <section aria-labelledby="group-missing" className="flex max-w-xl flex-col gap-4">
      <Link href="/groups" className="text-sm text-indigo-700 underline dark:text-indigo-300">
        {t("backToGroups")}
      </Link>
      <h1 id="group-missing" className="text-2xl font-semibold">
        {t("notFoundTitle")}
      </h1>
      <p className="text-slate-700 dark:text-slate-300">{t("notFoundBody")}</p>
      <form action="/groups" method="get" role="search" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-1 flex-col gap-1 text-sm font-medium text-slate-800 dark:text-slate-200">
          {t("notFoundSearch")}
          <input name="q" type="search" className={inputClass} />
        </label>
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
          {t("notFoundSearchButton")}
        </button>
      </form>
    </section>
  );
}
