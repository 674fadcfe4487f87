import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteNumericMember, stringifyJson } from "../src/http/json-body";
import { ADMIN, SDKAPPID, type TestServer, importAccounts, sig, startServer } from "./helpers";

describe("transport and envelope", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    await importAccounts(server, "u_alice");
  });
  afterAll(() => server.close());

  const post = (path: string, body = "{}") =>
    fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });
  const goodSig = () => sig(ADMIN);
  const url = (params: Record<string, string>, command = "im_open_login_svc/account_check") =>
    `/v4/${command}?${new URLSearchParams(params)}`;

  it("answers GET /health", async () => {
    const res = await fetch(`${server.url}/health`);
    expect(await res.json()).toEqual({ ok: true });
  });

  const paramCases: [string, () => Record<string, string>, number][] = [
    ["no sdkappid", () => ({ identifier: ADMIN, usersig: goodSig() }), 60025],
    ["a non-numeric sdkappid", () => ({ sdkappid: "abc", identifier: ADMIN, usersig: goodSig() }), 60025],
    ["no identifier", () => ({ sdkappid: String(SDKAPPID), usersig: goodSig() }), 60025],
    ["no usersig", () => ({ sdkappid: String(SDKAPPID), identifier: ADMIN }), 60025],
    ["an empty usersig", () => ({ sdkappid: String(SDKAPPID), identifier: ADMIN, usersig: "" }), 70002],
    ["a bad random", () => ({ sdkappid: String(SDKAPPID), identifier: ADMIN, usersig: goodSig(), random: "99999999999" }), 60025],
    [
      "contenttype other than json",
      () => ({ sdkappid: String(SDKAPPID), identifier: ADMIN, usersig: goodSig(), contenttype: "xml" }),
      60025,
    ],
    ["another app's sdkappid in the URL", () => ({ sdkappid: "1400000001", identifier: ADMIN, usersig: goodSig() }), 70020],
    ["a user who is not the App admin", () => ({ sdkappid: String(SDKAPPID), identifier: "u_alice", usersig: sig("u_alice") }), 60010],
  ];
  it.each(paramCases)("refuses %s", async (_name, params, code) => {
    const res = await post(url(params()), JSON.stringify({ CheckItem: [{ UserID: "u_alice" }] }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ActionStatus: "FAIL", ErrorCode: code });
  });

  it("answers an unknown command or service with 10003 in the envelope", async () => {
    for (const command of ["group_open_http_svc/no_such_command", "no_such_svc/create_group", "group_open_http_svc/__proto__"]) {
      expect(await server.rest(command, {})).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 10003 });
    }
  });

  it("answers a malformed body with 10011 for group commands and 60003 elsewhere", async () => {
    for (const [command, code] of [
      ["group_open_http_svc/get_group_info", 10011],
      ["im_open_login_svc/account_import", 60003],
    ] as const) {
      for (const body of ["{not json", "", "[1,2]", "42"]) {
        const res = await server.rest(command, body);
        expect(res, `${command} with ${JSON.stringify(body)}`).toMatchObject({ ActionStatus: "FAIL", ErrorCode: code });
      }
    }
  });

  it("answers OK envelopes with ErrorCode 0", async () => {
    expect(await server.rest("im_open_login_svc/account_check", { CheckItem: [{ UserID: "u_alice" }] })).toMatchObject({
      ActionStatus: "OK",
      ErrorCode: 0,
      ErrorInfo: "",
    });
  });

  it("has no reset endpoint outside test mode", async () => {
    expect((await post("/test/reset")).status).toBe(404);
  });
});

describe("64-bit JSON helpers", () => {
  it("quotes only the Next member's number, never text inside strings", () => {
    const raw = '{"Name":"\\"Next\\": 5","Next": 18446744073709551615,"Limit":10,"Inner":{"Next":-0}}';
    expect(JSON.parse(quoteNumericMember(raw))).toEqual({
      Name: '"Next": 5',
      Next: "18446744073709551615",
      Limit: 10,
      Inner: { Next: "-0" },
    });
  });

  it("writes bigints as raw integers and leaves look-alike strings alone", () => {
    expect(stringifyJson({ Next: 1152921504606846977n, Text: "1152921504606846977" })).toBe(
      '{"Next":1152921504606846977,"Text":"1152921504606846977"}',
    );
  });
});
