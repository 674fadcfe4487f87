import { expect, it } from "vitest";
import { bootstrapAdmin } from "./bootstrap-admin";
import { checkToken, claimsForSignIn } from "@/lib/server/auth/session";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { verifyCredentials } from "./repo";

describeEachStore("the bootstrap admin at every start", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));

  it("re-applying an unchanged CONSOLE_ADMIN_PASSWORD ends nothing; a new one ends the admin's sessions", async () => {
    expect(await bootstrapAdmin(db, { email: "admin@localhost", password: "first-password" })).toEqual({
      email: "admin@localhost",
      created: true,
    });
    const admin = (await verifyCredentials(db, "admin@localhost", "first-password"))!;
    const token = claimsForSignIn(admin);
    await bootstrapAdmin(db, { email: "admin@localhost", password: "first-password" });
    expect((await checkToken(db, token)).user).toMatchObject({ email: "admin@localhost" });
    await bootstrapAdmin(db, { email: "admin@localhost", password: "second-password" });
    expect(await checkToken(db, token)).toEqual({ user: null, ended: "password_reset" });
    expect(await verifyCredentials(db, "admin@localhost", "second-password")).toMatchObject({ email: "admin@localhost" });
  });

  it("without a configured password, generates one on the first start only", async () => {
    const first = await bootstrapAdmin(db, { email: "admin@localhost" });
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await bootstrapAdmin(db, { email: "admin@localhost" })).toEqual({ email: "admin@localhost", created: false });
  });
});
