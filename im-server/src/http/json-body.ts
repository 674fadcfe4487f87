// JSON with 64-bit integers. Tencent's `Next` cursor of get_appid_group_list is a uint64, which a
// plain JSON.parse would round; we quote it before parsing and write bigints back as raw integers.
import { randomBytes } from "node:crypto";

const isDigitStart = (ch: string) => ch === "-" || (ch >= "0" && ch <= "9");
const NUMBER_CHAR = /[-+0-9.eE]/;

/**
 * Quotes the numeric value of every `key` member (outside strings), so JSON.parse keeps all its
 * digits as a string. A small scanner rather than a regex, so text inside string values is never touched.
 */
export function quoteNumericMember(text: string, key = "Next"): string {
  const quotedKey = JSON.stringify(key);
  let out = "";
  let lastString: string | null = null;
  let valueOfKey = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      lastString = text.slice(i, j + 1);
      out += lastString;
      valueOfKey = false;
      i = j + 1;
      continue;
    }
    if (ch === ":") {
      valueOfKey = lastString === quotedKey;
    } else if (valueOfKey && isDigitStart(ch)) {
      let j = i;
      while (j < text.length && NUMBER_CHAR.test(text[j])) j++;
      out += `"${text.slice(i, j)}"`;
      valueOfKey = false;
      i = j;
      continue;
    } else if (ch !== " " && ch !== "\t" && ch !== "\n" && ch !== "\r") {
      valueOfKey = false;
      lastString = null;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Parses a request body; `Next` integers arrive as digit strings. Throws on malformed JSON. */
export function parseJsonBody(text: string): unknown {
  return JSON.parse(quoteNumericMember(text));
}

// A per-process marker nobody can guess, so no user-provided string is ever mistaken for a bigint.
const MARK = `\u0000bigint-${randomBytes(6).toString("hex")}:`;
const MARKED = new RegExp(
  `"${JSON.stringify(MARK)
    .slice(1, -1)
    .replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")}(-?\\d+)"`,
  "g",
);

/** JSON.stringify that writes bigint values as raw JSON integers. */
export function stringifyJson(value: unknown): string {
  // Most answers hold no bigint: plain JSON.stringify is several times faster than with a replacer, and it
  // refuses a bigint with a TypeError, which sends us the marked way.
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${MARK}${v}` : v)).replace(MARKED, "$1");
}
