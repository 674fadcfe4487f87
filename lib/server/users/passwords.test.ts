import { scryptSync } from "node:crypto";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords";

describe("password hashes", () => {
  it("a password verifies against its own hash only, and each hash has its own salt", async () => {
    const a = await hashPassword("correct-horse-battery");
    const b = await hashPassword("correct-horse-battery");
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct-horse-battery", a)).toEqual({ ok: true, needsRehash: false });
    expect((await verifyPassword("correct-horse-batterz", a)).ok).toBe(false);
  });

  it("reads the parameters a hash was made with: the production ones verify, and are kept", async () => {
    const salt = Buffer.from("0123456789abcdef");
    const key = scryptSync("correct-horse-battery", salt, 32, { N: 2 ** 15, r: 8, p: 3, maxmem: 64 * 1024 * 1024 });
    const stored = `scrypt$32768$8$3$${salt.toString("base64")}$${key.toString("base64")}`;
    expect((await verifyPassword("correct-horse-battery", stored)).ok).toBe(true);
    expect((await verifyPassword("wrong-horse-battery", stored)).ok).toBe(false);
  });

  it("bcrypt hashes from before still verify, and ask to be replaced", async () => {
    const old = bcrypt.hashSync("an-old-password", 4);
    expect(await verifyPassword("an-old-password", old)).toEqual({ ok: true, needsRehash: true });
    expect((await verifyPassword("not-it", old)).ok).toBe(false);
  });

  it.each(["!", "", "scrypt$1$1$1$$", "scrypt$99999999$8$1$c2FsdA==$a2V5", "scrypt$x$8$1$c2FsdA==$a2V5", "plain-text-password"])(
    "an unreadable or absurd hash (%j) never matches and costs nothing",
    async (stored) => {
      expect((await verifyPassword("plain-text-password", stored)).ok).toBe(false);
    },
  );
});
