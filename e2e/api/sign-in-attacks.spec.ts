import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api";
import { OWN_ADMIN, ownConsole, type OwnConsole } from "../support/own-console";
import { signInFrom } from "../support/sign-in-from";

/**
 * A stranger tries to lock the admin out: thirty wrong passwords from one machine (127.0.0.5), each with a
 * made-up X-Forwarded-For so that every guess seems to come from elsewhere. The console counts the socket's
 * address, so the guesses are throttled there, and the admin at their own desk (127.0.0.1) signs in as usual.
 * On a console of its own: the guessing would slow every other test's admin sign-ins.
 */
let own: OwnConsole;

test.describe.configure({ timeout: 180_000 });
test.beforeAll(async () => {
  test.setTimeout(150_000);
  own = await ownConsole("sign-in-attacks", { imServer: true });
  await own.start();
});
test.afterAll(async () => {
  await own?.stop();
});

test("thirty guesses with forged X-Forwarded-For are throttled at the guesser's address, and the admin still signs in", async () => {
  const errors: (string | null)[] = [];
  for (let i = 0; i < 30; i++) {
    const attempt = await signInFrom(own.baseUrl, "127.0.0.5", OWN_ADMIN.email, `guess-number-${i}`, {
      "x-forwarded-for": `198.51.100.${i + 1}`,
    });
    expect(attempt.signedIn).toBe(false);
    errors.push(attempt.error);
  }
  expect(errors).toEqual([...Array(5).fill("CredentialsSignin"), ...Array(25).fill("rate_limited")]);
  // Even the right password is refused from the guesser's address…
  expect(await signInFrom(own.baseUrl, "127.0.0.5", OWN_ADMIN.email, OWN_ADMIN.password)).toEqual({
    error: "rate_limited",
    signedIn: false,
  });
  // …but not from the admin's.
  expect(await signInFrom(own.baseUrl, "127.0.0.1", OWN_ADMIN.email, OWN_ADMIN.password)).toEqual({ error: null, signedIn: true });

  const admin = await signedInApi(OWN_ADMIN.email, OWN_ADMIN.password, own.baseUrl);
  const entries: { action: string; result: string; after: Record<string, unknown> }[] = (
    await (await admin.get("/api/audit?limit=100")).json()
  ).items;
  const failed = entries.filter((e) => e.action === "auth.signin_failed");
  // Five wrong passwords, each audited with the real address; the 26 refused attempts summed up in one row.
  expect(failed.filter((e) => e.result === "unauthenticated").map((e) => e.after.ip)).toEqual(Array(5).fill("127.0.0.5"));
  expect(failed.filter((e) => e.result === "rate_limited")).toEqual([
    expect.objectContaining({ after: expect.objectContaining({ ip: "127.0.0.5", throttled: 26 }) }),
  ]);
  expect(JSON.stringify(entries)).not.toContain("198.51.100.");

  // The admin sees who is being guessed at.
  const guessed = await (await admin.get("/api/users/sign-in-failures")).json();
  expect(guessed.items).toContainEqual({ email: OWN_ADMIN.email, failures: 5, addresses: 1, lastAt: expect.any(String) });
  await admin.dispose();
});

test("restarting with the same CONSOLE_ADMIN_PASSWORD keeps the admin's sessions", async () => {
  const admin = await signedInApi(OWN_ADMIN.email, OWN_ADMIN.password, own.baseUrl);
  expect((await admin.get("/api/me")).status()).toBe(200);
  await own.restart();
  expect((await admin.get("/api/me")).status()).toBe(200);
  await admin.dispose();
});
