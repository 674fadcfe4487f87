"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * next-auth's sign-out, in the few lines it takes (its client library would load on every page for this alone):
 * the CSRF token, the POST, then a full load of where next-auth says to go.
 */
async function signOut() {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const body = new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" });
    const res = await fetch("/api/auth/signout", { method: "POST", body });
    const { url } = (await res.json()) as { url?: string };
    window.location.assign(url ?? "/login");
  } catch {
    // Signed out or not, the sign-in page says which. A full load: nothing of the session's pages should survive.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/login");
  }
}

export function SignOutButton() {
  const t = useTranslations("Nav");
  return (
    <Button variant="ghost" className="whitespace-nowrap" onClick={() => void signOut()}>
      {t("signOut")}
    </Button>
  );
}
