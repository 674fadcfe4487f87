import "server-only";

type Level = "info" | "warn" | "error";
const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2 };

// Words that mark a value as a secret wherever it appears as a key; the gateway's URLs carry `usersig=`.
const SECRET_KEY = /pass(word)?|secret|token|usersig|authorization|cookie|signature/i;
const SECRET_IN_TEXT = /(usersig|secret|token|password)=[^&\s"]*/gi;

/** Values with secrets taken out: secret-named keys are blanked, `usersig=…` in any text is cut. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(SECRET_IN_TEXT, "$1=[redacted]");
  if (value instanceof Error) return { name: value.name, message: redact(value.message), stack: redact(value.stack) };
  if (Array.isArray(value)) return depth > 4 ? "[…]" : value.map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    if (depth > 4) return "[…]";
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1)]));
  }
  return value;
}

/** One JSON object per line on stdout, the shape log collectors read without parsing text. */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  // LOG_LEVEL=warn keeps only what needs a look (the test servers use it); unset or unknown means info.
  if (RANK[level] < (RANK[process.env.LOG_LEVEL as Level] ?? 0)) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...(redact(fields) as object) });
  console.log(line);
}
