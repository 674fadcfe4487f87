import { LOCALES } from "@/lib/schemas/constants";
import type { Locale } from "@/lib/schemas/user";

/** `<html lang>` for each language: Simplified Chinese says so, so that fonts and screen readers pick it. */
export const HTML_LANG: Record<Locale, string> = { en: "en", ja: "ja", zh: "zh-Hans" };

/** Each language named in itself, so someone who cannot read the current one still finds theirs. */
export const LOCALE_LABEL: Record<Locale, string> = { en: "English", ja: "日本語", zh: "简体中文" };

/** The best of our languages for an Accept-Language header, by its q-values; any Chinese gets Simplified. */
export function negotiateLocale(header: string | null): Locale {
  const wanted = (header ?? "")
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.split("-")[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (wanted.find((w) => (LOCALES as readonly string[]).includes(w.lang))?.lang as Locale | undefined) ?? "en";
}
