import { describe, expect, it } from "vitest";
import type { TestServer } from "@/im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import type { LiveEvent } from "@/lib/schemas/live-event";
import type { SessionUser } from "@/lib/schemas/user";
import { getBus } from "@/lib/server/live/bus";
import type { Actor } from "@/lib/server/platform/actor";
import { applyThroughIm, applyThroughInbox, refusal, type Apply } from "@/lib/server/testing/applications";
import { consoleOverImServer } from "@/lib/server/testing/strict-console";
import { CLAIM_MS, takeClaim } from "./claims";
import { claimApplication, handleApplication, handleApplications, listApplications, releaseApplication } from "./service";

// Two moderators at one queue: whoever opens an application first holds it, the other sees who and is asked
// before deciding it; over both back ends (the IM server's applications, and the console's own inbox).

const moderator = (n: number, name: string): Actor => ({
  ip: null,
  user: { id: String(n), email: `mod${n}@claims.test`, name, role: "moderator" } as SessionUser,
  requestId: `req-claims-${n}`,
});
const aiko = moderator(1, "Aiko");
const ben = moderator(2, "");
let seq = 0;

function suite(backEnd: string, strictTencent: boolean, apply: Apply) {
  describe(`claims, ${backEnd}`, () => {
    let c!: { im: TestServer; gateway: ImGateway };
    consoleOverImServer({ strictTencent }, (started) => (c = started));

    async function applications(n: number): Promise<{ groupId: string; ids: string[] }> {
      const groupId = await c.gateway.createGroup({ type: "Public", name: `Claims ${backEnd} ${++seq}`, joinOption: "NeedPermission" });
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const userId = `claims_${strictTencent ? "s" : "x"}_${seq}_${i}`;
        await c.im.rest("im_open_login_svc/account_import", { UserID: userId });
        ids.push(await apply(c, groupId, userId));
      }
      return { groupId, ids };
    }

    it("the first moderator holds it for two minutes; the second is refused with who and until when, and the list shows it", async () => {
      const { groupId, ids } = await applications(1);
      const events: LiveEvent[] = [];
      const stop = getBus().subscribe((e) => void events.push(e));
      const before = Date.now();
      const claim = await claimApplication({ id: ids[0] }, aiko);
      expect(claim).toMatchObject({ by: "mod1@claims.test", name: "Aiko" });
      expect(Date.parse(claim.expiresAt) - before).toBeGreaterThanOrEqual(CLAIM_MS - 1000);
      expect(events).toContainEqual(expect.objectContaining({ type: "application.claimed", groupId, applicationId: ids[0] }));

      const refused = await refusal(claimApplication({ id: ids[0] }, ben));
      expect(refused.code).toBe("claimed");
      expect(refused.status).toBe(409);
      expect(refused.details).toEqual(claim);

      const listed = await listApplications({ groupId, status: "pending", sort: "newest", limit: 10 }, null);
      expect(listed.items.map((a) => a.claim)).toEqual([claim]);
      stop();
    });

    it("claiming again extends it; claiming another releases the first; skipping gives it up", async () => {
      const { groupId, ids } = await applications(2);
      const first = await claimApplication({ id: ids[0] }, aiko);
      await new Promise((r) => setTimeout(r, 5));
      expect(Date.parse((await claimApplication({ id: ids[0] }, aiko)).expiresAt)).toBeGreaterThan(Date.parse(first.expiresAt));

      await claimApplication({ id: ids[1] }, aiko);
      const claims = async () =>
        Object.fromEntries(
          (await listApplications({ groupId, status: "pending", sort: "newest", limit: 10 }, null)).items.map((a) => [
            a.id,
            a.claim?.by ?? null,
          ]),
        );
      expect(await claims()).toEqual({ [ids[0]]: null, [ids[1]]: "mod1@claims.test" });

      await releaseApplication({ id: ids[1] }, aiko);
      expect(await claims()).toEqual({ [ids[0]]: null, [ids[1]]: null });
      // Ben may take what Aiko let go.
      expect((await claimApplication({ id: ids[1] }, ben)).name).toBe("mod2@claims.test");
    });

    it("force takes another's claim over; an expired claim is nobody's", async () => {
      const { groupId, ids } = await applications(2);
      await claimApplication({ id: ids[0] }, aiko);
      expect((await claimApplication({ id: ids[0], force: true }, ben)).by).toBe("mod2@claims.test");
      // A claim taken long ago has lapsed: anyone may claim it without force.
      const { db } = (globalThis as unknown as { __groupConsole: { db: Parameters<typeof takeClaim>[0] } }).__groupConsole;
      await takeClaim(db, { id: ids[1], groupId }, aiko.user, { now: Date.now() - CLAIM_MS - 1 });
      expect((await claimApplication({ id: ids[1] }, ben)).by).toBe("mod2@claims.test");
    });

    it("deciding what another holds asks first (409 claimed, nothing decided), force decides; a decided one cannot be claimed", async () => {
      const { groupId, ids } = await applications(1);
      await claimApplication({ id: ids[0] }, aiko);
      expect((await refusal(handleApplication({ id: ids[0], approve: true }, ben))).code).toBe("claimed");
      expect((await listApplications({ groupId, status: "pending", sort: "newest", limit: 10 }, null)).items).toHaveLength(1);

      const approved = await handleApplication({ id: ids[0], approve: true, force: true }, ben);
      expect(approved.status).toBe("approved");
      const again = await refusal(claimApplication({ id: ids[0] }, aiko));
      expect([again.code, again.status]).toEqual(["conflict", 409]);
    });

    it("in a bulk decision, what another holds gets its own claimed result; the rest are decided", async () => {
      const { ids } = await applications(3);
      await claimApplication({ id: ids[1] }, aiko);
      const { results } = await handleApplications({ ids, approve: false, reason: "Full" }, ben);
      expect(results.map((r) => (r.ok ? r.status : r.error?.code))).toEqual(["refused", "claimed", "refused"]);
      expect(results[1].error?.details).toMatchObject({ by: "mod1@claims.test", name: "Aiko" });
    });

    it("an unknown or malformed application is not found, and nothing is claimed", async () => {
      for (const id of ["424242424", "not-a-number", "0"]) {
        const err = await refusal(claimApplication({ id }, aiko));
        expect([err.code, err.status]).toEqual(["not_found", 404]);
      }
    });
  });
}

suite("the IM server's applications", false, applyThroughIm);
suite("the console's own inbox", true, applyThroughInbox);
