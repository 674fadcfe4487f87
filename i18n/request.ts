import { getRequestConfig } from "next-intl/server";
import type { Locale } from "@/lib/schemas/user";
import { requestPreferences } from "@/lib/server/accounts/preferences";

// One explicit import per language, so the bundler ships exactly these three files.
const MESSAGES: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import("../messages/en.json"),
  ja: () => import("../messages/ja.json"),
  zh: () => import("../messages/zh.json"),
};

// No locale in the URL: the language comes from the user's setting or the browser (lib/server/accounts/preferences).
export default getRequestConfig(async () => {
  const { locale } = await requestPreferences();
  return {
    locale,
    messages: (await MESSAGES[locale]()).default,
    // One zone on server and browser, so dates never differ between the two renders; LocalTime switches to
    // the reader's zone once in the browser.
    timeZone: "UTC",
    // The page's render time, passed to the browser with the messages: relative times (components/ui/age)
    // hydrate with the very `now` the server rendered them with, so the two renders say the same words.
    now: new Date(),
  };
});
