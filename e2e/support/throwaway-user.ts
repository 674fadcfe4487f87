import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import { signedInApi } from "./api";

/**
 * A fresh admin with its own language and theme, signed in in a new browser context: the shared e2e admin
 * keeps its defaults (English, system theme), which the English stories rely on.
 */
export async function contextAsNewUser(
  browser: Browser,
  prefs: { locale?: "en" | "ja" | "zh"; theme?: "light" | "dark" | "system" },
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<{ context: BrowserContext; api: APIRequestContext; email: string }> {
  const admin = await signedInApi();
  const email = `prefs-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@e2e.test`;
  const password = "prefs-password-1";
  const created = await admin.post("/api/users", { data: { email, password, role: "admin" } });
  if (created.status() !== 201) throw new Error(`could not create ${email}: ${created.status()}`);
  await admin.dispose();
  const api = await signedInApi(email, password);
  const patched = await api.patch("/api/me", { data: prefs });
  if (patched.status() !== 200) throw new Error(`could not set preferences: ${patched.status()}`);
  const context = await browser.newContext({ ...options, storageState: await api.storageState() });
  return { context, api, email };
}
