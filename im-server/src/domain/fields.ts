// Readers for fields of a JSON request body. Each refuses a present-but-wrong value with 10004
// naming the field, so command code reads as a list of fields rather than a pile of typeof checks.
import { Code, fail, invalid } from "./errors";

export type Body = Record<string, unknown>;

export function optString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") invalid(`${field} must be a string`);
  return value;
}

export function reqString(body: Body, field: string): string {
  const value = optString(body, field);
  if (value === undefined || value === "") invalid(`${field} is required`);
  return value;
}

/** Integers arrive as JSON numbers; a numeric string is tolerated since some SDKs quote them. */
export function optInt(body: Body, field: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = body[field];
  if (raw === undefined || raw === null) return undefined;
  const value = typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== "number" || !Number.isInteger(value)) invalid(`${field} must be an integer`);
  if (value < min || value > max) invalid(`${field} must be between ${min} and ${max}`);
  return value;
}

export function optArray(body: Body, field: string): unknown[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) invalid(`${field} must be an array`);
  return value;
}

export function reqArray(body: Body, field: string): unknown[] {
  const value = optArray(body, field);
  if (value === undefined || value.length === 0) invalid(`${field} is required and must not be empty`);
  return value;
}

/** An array of strings with an upper bound on its size (over it: 10005, "too many accounts"). */
export function stringList(body: Body, field: string, max: number, required = true): string[] {
  const list = required ? reqArray(body, field) : (optArray(body, field) ?? []);
  if (list.length > max) fail(Code.TOO_MANY_ACCOUNTS, `${field} holds ${list.length} items; at most ${max} per request`);
  for (const item of list) if (typeof item !== "string" || item === "") invalid(`${field} must hold non-empty strings`);
  return [...new Set(list as string[])];
}

/** An optional list of names (response filters and the like); `body` may itself be absent. */
export function optNameList(body: Body | undefined, field: string): string[] | undefined {
  if (!body) return undefined;
  const list = optArray(body, field);
  if (list?.some((item) => typeof item !== "string")) invalid(`${field} must hold strings`);
  return list as string[] | undefined;
}

export function optEnum<T extends string>(body: Body, field: string, allowed: readonly T[]): T | undefined {
  const value = optString(body, field);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) invalid(`${field} must be one of ${allowed.join(", ")}`);
  return value as T;
}

export function optObject(body: Body, field: string): Body | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) invalid(`${field} must be an object`);
  return value as Body;
}

/** "On"/"Off" switches such as MuteAllMember. */
export function optOnOff(body: Body, field: string): boolean | undefined {
  const value = optEnum(body, field, ["On", "Off"] as const);
  return value === undefined ? undefined : value === "On";
}
