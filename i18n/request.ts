import { getRequestConfig } from "next-intl/server";
import { requestPreferences } from "@/lib/server/preferences";

// No locale in the URL: the language comes from the user's setting or the browser (lib/server/preferences).
export default getRequestConfig(async () => {
  const { locale } = await requestPreferences();
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    // One zone on server and browser, so dates never differ between the two renders; LocalTime switches to
    // the reader's zone once in the browser.
    timeZone: "UTC",
  };
});
