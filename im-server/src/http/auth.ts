// Checks the signed query string every request carries (reference §1 and §5):
// sdkappid, identifier, usersig, random, contenttype.
import { Code, fail } from "../domain/errors";
import { verifyUserSig } from "../usersig";

export interface AuthSettings {
  sdkAppId: number;
  secretKey: string;
}

function param(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  // A repeated parameter arrives as an array: ambiguous, so refused like a malformed one.
  if (typeof value !== "string") fail(Code.BAD_URL_PARAM, `the URL parameter ${name} is malformed`);
  return value;
}

/**
 * Returns the verified identifier. Missing or malformed parameters → 60025; a well-formed
 * sdkappid that is not ours → 70020; then the UserSig verdict (70001/70002/70003/70009/70013/70014).
 */
export function authenticate(query: Record<string, unknown>, settings: AuthSettings): string {
  const sdkappid = param(query, "sdkappid");
  const identifier = param(query, "identifier");
  const usersig = param(query, "usersig");
  const random = param(query, "random");
  const contenttype = param(query, "contenttype");

  if (sdkappid === undefined || !/^\d{1,10}$/.test(sdkappid)) fail(Code.BAD_URL_PARAM, "sdkappid is missing or not a number");
  if (identifier === undefined || identifier === "") fail(Code.BAD_URL_PARAM, "identifier is missing");
  if (usersig === undefined) fail(Code.BAD_URL_PARAM, "usersig is missing");
  if (random !== undefined && (!/^\d{1,10}$/.test(random) || Number(random) > 4294967295)) {
    fail(Code.BAD_URL_PARAM, "random must be an unsigned 32-bit integer");
  }
  if (contenttype !== undefined && contenttype !== "json") fail(Code.BAD_URL_PARAM, "contenttype must be json");
  if (Number(sdkappid) !== settings.sdkAppId) fail(Code.SDKAPPID_NOT_FOUND, `SDKAppID ${sdkappid} is not served here`);

  const verdict = verifyUserSig({ sig: usersig, sdkAppId: settings.sdkAppId, key: settings.secretKey, identifier });
  if (!verdict.ok) fail(verdict.code, verdict.info);
  return identifier;
}
