import { describe, expect, it } from "vitest";
import { csvField, csvRecord, csvStream, UTF8_BOM, type CsvOutcome } from "./csv";

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
    expect(csvField("＝HYPERLINK(1)")).toBe("'＝HYPERLINK(1)");
    expect(csvField("＋1")).toBe("'＋1");
    expect(csvField(" =1+1")).toBe("' =1+1");
    expect(csvField("\u3000＠A1")).toBe("'\u3000＠A1");
    expect(csvField("Tokyo = fun")).toBe("Tokyo = fun");
    expect(csvField("2024-01-01T00:00:00.000Z")).toBe("2024-01-01T00:00:00.000Z");
  });
});

describe("csvRecord", () => {
  it("joins fields with commas and ends with CRLF", () => {
    expect(csvRecord(["a", null, "b,c"])).toBe('a,,"b,c"\r\n');
  });
});

describe("csvStream", () => {
  const read = async (stream: ReadableStream<Uint8Array>) => {
    const chunks: string[] = [];
    const reader = stream.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read())
      chunks.push(new TextDecoder("utf-8", { ignoreBOM: true }).decode(r.value));
    return chunks;
  };

  it("sends the BOM and header first, then one chunk per batch, skipping batches the filters emptied", async () => {
    const batches = [[["a", "1"]], [], [["=b", "2"]]];
    const ends: CsvOutcome[] = [];
    const stream = csvStream(
      ["name", "n"],
      async () => ({ records: batches.shift()!, more: batches.length > 0 }),
      (o) => ends.push(o),
    );
    expect(await read(stream)).toEqual([`${UTF8_BOM}name,n\r\n`, "a,1\r\n", "'=b,2\r\n"]);
    expect(ends).toEqual([{ rows: 2, ms: expect.any(Number), outcome: "done" }]);
  });

  it("a batch that fails ends the download with the error, and says so once", async () => {
    const ends: CsvOutcome[] = [];
    const stream = csvStream(
      ["x"],
      async () => Promise.reject(new Error("IM server gone")),
      (o) => ends.push(o),
    );
    await expect(read(stream)).rejects.toThrow("IM server gone");
    expect(ends.map((e) => [e.outcome, e.rows])).toEqual([["failed", 0]]);
  });

  it("reads nothing more once the client stops", async () => {
    let reads = 0;
    const ends: CsvOutcome[] = [];
    const stream = csvStream(
      ["x"],
      async () => ({ records: [[String(++reads)]], more: true }),
      (o) => ends.push(o),
    );
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const after = reads;
    await new Promise((r) => setTimeout(r, 20));
    expect(reads).toBe(after);
    expect(reads).toBeLessThanOrEqual(2);
    expect(ends.map((e) => e.outcome)).toEqual(["cancelled"]);
  });
});
