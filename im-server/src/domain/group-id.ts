// Group ID rules (reference §2): server IDs start with `@TGS#`, Community IDs with `@TGS#_`;
// custom IDs are printable ASCII, at most 48 bytes, and must not borrow the server prefix —
// except Community, whose custom IDs must carry `@TGS#_`.
import { invalid } from "./errors";
import type { GroupType } from "./group-types";

export const SERVER_ID_PREFIX = "@TGS#";
export const COMMUNITY_ID_PREFIX = "@TGS#_";
export const CUSTOM_ID_MAX_BYTES = 48;

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export function checkCustomGroupId(id: string, type: GroupType): void {
  if (id.length === 0) invalid("GroupId is empty");
  if (!PRINTABLE_ASCII.test(id)) invalid("GroupId may only hold printable ASCII characters (0x20-0x7e)");
  if (id.length > CUSTOM_ID_MAX_BYTES) invalid(`GroupId is ${id.length} bytes; the limit is ${CUSTOM_ID_MAX_BYTES}`);
  if (type === "Community") {
    if (!id.startsWith(COMMUNITY_ID_PREFIX) || id.length === COMMUNITY_ID_PREFIX.length) {
      invalid(`a custom Community GroupId must start with ${COMMUNITY_ID_PREFIX} followed by at least one character`);
    }
  } else if (id.startsWith(SERVER_ID_PREFIX)) {
    invalid(`a custom GroupId must not start with ${SERVER_ID_PREFIX}`);
  }
}

/**
 * A server-assigned ID shaped like Tencent's (`@TGS#2J4SZEAEL`; Community `@TGS#_@TGS#…`).
 * `random` returns a float in [0, 1): crypto-backed at run time, a seeded PRNG when seeding.
 */
export function generateGroupId(type: GroupType, random: () => number): string {
  const length = 9 + Math.floor(random() * 2);
  let body = "";
  for (let i = 0; i < length; i++) body += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return type === "Community" ? `${COMMUNITY_ID_PREFIX}${SERVER_ID_PREFIX}${body}` : `${SERVER_ID_PREFIX}${body}`;
}
