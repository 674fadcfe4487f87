import { E2E } from "./env";
import { anonymousApi } from "./api";

/** One credentials sign-in as a script makes it, reporting next-auth's error (if any) and whether a session came of it. */
export async function trySignIn(email: string, password: string): Promise<{ error: string | null; signedIn: boolean }> {
  const api = await anonymousApi();
  try {
    const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
    const res = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
    const { url } = (await res.json()) as { url: string };
    const session = await (await api.get("/api/auth/session")).json();
    return { error: new URL(url, E2E.baseUrl).searchParams.get("error"), signedIn: Boolean(session?.user) };
  } finally {
    await api.dispose();
  }
}
