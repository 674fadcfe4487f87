import { describe, expect, it } from "vitest";
import { csvField, csvRecord } from "./csv";

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ['{"name":"読書会, 毎月"}', '"{""name"":""読書会, 毎月""}"'],
    ["公開グループ 🎉", "公開グループ 🎉"],
  ])("%j becomes %j", (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  it("leaves missing values empty", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("keeps spreadsheet formulas from running", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("2024-01-01T00:00:00.000Z")).toBe("2024-01-01T00:00:00.000Z");
  });
});

describe("csvRecord", () => {
  it("joins fields with commas and ends with CRLF", () => {
    expect(csvRecord(["a", null, "b,c"])).toBe('a,,"b,c"\r\n');
  });
});
