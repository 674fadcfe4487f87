import { request, type APIRequestContext } from "@playwright/test";
import { E2E } from "./env";

/** A script's view of the BFF: signs in through next-auth's credentials flow, as docs/contracts.md § Sessions, scripts and CSRF describes. */
export async function signedInApi(
  email = E2E.admin.email,
  password = E2E.admin.password,
  baseUrl = E2E.baseUrl,
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl });
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  const session = await (await api.get("/api/auth/session")).json();
  if (!session?.user) throw new Error(`sign-in as ${email} failed`);
  return api;
}

export function anonymousApi(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: E2E.baseUrl });
}
