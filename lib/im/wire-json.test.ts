import { describe, expect, it } from "vitest";
import { parseWireJson, stringifyWireJson } from "./wire-json";

describe("the 64-bit Next cursor", () => {
  it("survives parsing beyond 2^53 (JSON.parse alone would round it)", () => {
    const text = '{"ActionStatus":"OK","ErrorCode":0,"Next":18446744073709551615,"TotalCount":3}';
    expect(JSON.parse(text).Next).not.toBe(18446744073709551615n.toString());
    expect(parseWireJson(text)).toMatchObject({ Next: "18446744073709551615", TotalCount: 3 });
  });

  it("is written back as a bare integer, other strings untouched", () => {
    const body = stringifyWireJson({ Limit: 50, Next: "9007199254740993", Name: "Next" });
    expect(body).toBe('{"Limit":50,"Next":9007199254740993,"Name":"Next"}');
  });

  it("a name containing the word Next is not mistaken for the cursor", () => {
    expect(parseWireJson('{"Name":"\\"Next\\": 5","Next":0}')).toEqual({ Name: '"Next": 5', Next: "0" });
  });
});
