// Spreadsheet apps run a cell that starts with one of these as a formula (CSV injection); a leading
// apostrophe makes them show it as text. Group names and messages come from app users, so this matters.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF, with quotes doubled. */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRecord(values: readonly (string | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** Excel reads a CSV without a byte-order mark as the local code page and garbles Japanese and Chinese. */
export const UTF8_BOM = "\uFEFF";
