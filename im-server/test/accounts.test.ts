import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, startServer } from "./helpers";

describe("accounts", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const check = async (...ids: string[]) =>
    (
      (await server.rest("im_open_login_svc/account_check", { CheckItem: ids.map((UserID) => ({ UserID })) })).ResultItem as {
        UserID: string;
        AccountStatus: string;
      }[]
    ).map((r) => r.AccountStatus);

  it("imports an account, and re-importing updates it instead of failing", async () => {
    expect(await server.rest("im_open_login_svc/account_import", { UserID: "u_aiko_tanaka", Nick: "Aiko Tanaka" })).toMatchObject({
      ErrorCode: 0,
    });
    expect(
      await server.rest("im_open_login_svc/account_import", {
        UserID: "u_aiko_tanaka",
        Nick: "田中 愛子",
        FaceUrl: "https://example.com/a.png",
      }),
    ).toMatchObject({
      ErrorCode: 0,
    });
    const profile = await server.rest("profile/portrait_get", {
      To_Account: ["u_aiko_tanaka"],
      TagList: ["Tag_Profile_IM_Nick", "Tag_Profile_IM_Image"],
    });
    expect(profile.UserProfileItem).toEqual([
      {
        To_Account: "u_aiko_tanaka",
        ResultCode: 0,
        ResultInfo: "",
        ProfileItem: [
          { Tag: "Tag_Profile_IM_Nick", Value: "田中 愛子" },
          { Tag: "Tag_Profile_IM_Image", Value: "https://example.com/a.png" },
        ],
      },
    ]);
    expect(await check("u_aiko_tanaka", "u_nobody")).toEqual(["Imported", "NotImported"]);
  });

  const bad: [string, Record<string, unknown>][] = [
    ["no UserID", {}],
    ["a UserID over 32 bytes", { UserID: "u".repeat(33) }],
    ["a UserID with spaces", { UserID: "two words" }],
    ["a UserID in Japanese", { UserID: "田中" }],
    ["a non-string Nick", { UserID: "u_ok", Nick: 5 }],
  ];
  it.each(bad)("refuses %s with 70402", async (_name, body) => {
    expect(await server.rest("im_open_login_svc/account_import", body)).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 70402 });
  });

  it("accepts exactly 32 bytes", async () => {
    expect(await server.rest("im_open_login_svc/account_import", { UserID: "a".repeat(32) })).toMatchObject({ ErrorCode: 0 });
  });

  it("imports many accounts and lists the ones it could not", async () => {
    const res = await server.rest("im_open_login_svc/multiaccount_import", {
      Accounts: ["user0001", "user0002", "bad id", "x".repeat(40)],
    });
    expect(res).toMatchObject({ ErrorCode: 0, FailAccounts: ["bad id", "x".repeat(40)] });
    expect(await check("user0001", "user0002")).toEqual(["Imported", "Imported"]);
    const tooMany = Array.from({ length: 101 }, (_, i) => `bulk${i}`);
    expect(await server.rest("im_open_login_svc/multiaccount_import", { Accounts: tooMany })).toMatchObject({ ErrorCode: 70402 });
  });

  it("sets a profile with portrait_set (limits in UTF-8 bytes)", async () => {
    await server.rest("im_open_login_svc/account_import", { UserID: "u_emma" });
    expect(
      await server.rest("profile/portrait_set", {
        From_Account: "u_emma",
        ProfileItem: [{ Tag: "Tag_Profile_IM_Nick", Value: "Emma 🌸" }],
      }),
    ).toMatchObject({
      ErrorCode: 0,
    });
    const tooLong = "愛".repeat(167); // 501 bytes
    expect(
      await server.rest("profile/portrait_set", { From_Account: "u_emma", ProfileItem: [{ Tag: "Tag_Profile_IM_Nick", Value: tooLong }] }),
    ).toMatchObject({
      ErrorCode: 40001,
    });
    expect(
      await server.rest("profile/portrait_set", { From_Account: "u_ghost", ProfileItem: [{ Tag: "Tag_Profile_IM_Nick", Value: "x" }] }),
    ).toMatchObject({
      ErrorCode: 40003,
    });
    const got = await server.rest("profile/portrait_get", { To_Account: ["u_emma", "u_ghost"], TagList: ["Tag_Profile_IM_Nick"] });
    expect(got.UserProfileItem).toMatchObject([
      { To_Account: "u_emma", ProfileItem: [{ Tag: "Tag_Profile_IM_Nick", Value: "Emma 🌸" }], ResultCode: 0 },
      { To_Account: "u_ghost", ResultCode: 40003 },
    ]);
  });
});
