import { describe, expect, it } from "vitest";
import { consoleOverImServer, type StrictConsole } from "@/lib/server/testing/strict-console";
import { listModel } from "./list";
import { reconcileApplications } from "./reconcile";

// Local mode, with no webhook reaching the console (it was down): the reconcile alone brings the model in line
// with the IM server — history included on the first run, decisions taken meanwhile, applications that are gone.

describe("reconciling the applications model with the local IM server", () => {
  let c!: StrictConsole;
  consoleOverImServer({ strictTencent: false }, (started) => (c = started));

  const list = async (status: "pending" | "approved" | "refused" | "all", groupId: string) =>
    (await listModel(c.db, { status, groupId, sort: "oldest", limit: 100 })).rows.map((r) => [r.requester_id, r.status, r.handled_via]);

  it("imports pending and decided applications at first, then follows what changed while nobody was told", async () => {
    const groupId = await c.gateway.createGroup({ type: "Public", name: "Reconciled", joinOption: "NeedPermission" });
    const users = ["rec_a", "rec_b", "rec_c", "rec_d"];
    await c.im.rest("im_open_login_svc/multiaccount_import", { Accounts: users });
    const base = Math.floor(Date.now() / 1000) - 1000;
    const insert = (requester: string, i: number, status: "pending" | "refused") =>
      c.im.store.applications.insert({
        groupId,
        requester,
        message: `hello ${i}`,
        status,
        createdAt: base + i,
        handledBy: status === "pending" ? null : "owner_phone",
        handledAt: status === "pending" ? null : base + 100,
        reason: status === "pending" ? null : "full",
      });
    const ids = users.map((u, i) => insert(u, i, i === 0 ? "refused" : "pending"));

    // More pending applications than one page, all newer than the refusal: history lies past them.
    const crowd = Array.from({ length: 120 }, (_, i) => `rec_crowd_${i}`);
    for (let i = 0; i < crowd.length; i += 100)
      await c.im.rest("im_open_login_svc/multiaccount_import", { Accounts: crowd.slice(i, i + 100) });
    const crowdGroup = await c.gateway.createGroup({ type: "Public", name: "Crowded", joinOption: "NeedPermission" });
    c.im.store.tx(() =>
      crowd.forEach((requester, i) =>
        c.im.store.applications.insert({
          groupId: crowdGroup,
          requester,
          message: "",
          status: "pending",
          createdAt: base + 500 + i,
          handledBy: null,
          handledAt: null,
          reason: null,
        }),
      ),
    );

    expect((await reconcileApplications(c.db, c.gateway)).changed).toBe(124);
    expect(await list("all", groupId)).toEqual([
      ["rec_a", "refused", "app"],
      ["rec_b", "pending", null],
      ["rec_c", "pending", null],
      ["rec_d", "pending", null],
    ]);
    expect((await reconcileApplications(c.db, c.gateway)).changed).toBe(0);

    // Meanwhile, on the IM server: one approved in the app, one gone entirely, one new.
    c.im.store.applications.settle(ids[1], "approved", "owner_phone", "", base + 200);
    c.im.store.db.prepare("DELETE FROM applications WHERE id = ?").run(ids[2]);
    await c.im.rest("im_open_login_svc/account_import", { UserID: "rec_e" });
    insert("rec_e", 9, "pending");
    // Refused in the app just now, and the console never heard: history since the last reconcile is read.
    await c.im.rest("im_open_login_svc/account_import", { UserID: "rec_f" });
    c.im.store.applications.insert({
      groupId,
      requester: "rec_f",
      message: "",
      status: "refused",
      createdAt: Math.floor(Date.now() / 1000),
      handledBy: "owner_phone",
      handledAt: Math.floor(Date.now() / 1000),
      reason: null,
    });

    await reconcileApplications(c.db, c.gateway);
    expect(await list("all", groupId)).toEqual([
      ["rec_a", "refused", "app"],
      ["rec_b", "approved", "app"],
      ["rec_d", "pending", null],
      ["rec_e", "pending", null],
      ["rec_f", "refused", "app"],
    ]);
  });
});
