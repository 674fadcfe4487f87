// What a group message may hold and who may send one (reference §9.6, §9.8.2). Pure rules: the
// services look the facts up and these decide.
import { Code, fail, invalid } from "./errors";
import type { Body } from "./fields";
import type { MemberRole } from "./group-types";
import { LIMITS, checkBytes } from "./limits";

export const ELEMENT_TYPES = ["TIMTextElem", "TIMCustomElem"] as const;

/** send_group_msg's MsgPriority names → the integer group_msg_get_simple answers. */
export const PRIORITIES = { High: 1, Normal: 2, Low: 3, Lowest: 4 } as const;
export type PriorityName = keyof typeof PRIORITIES;

/** The SDK's V2TIMMessagePriority (0 default, 1 high, 2 normal, 3 low) → wire priority. */
export function sdkPriority(value: number | undefined): number {
  return value === 1 ? PRIORITIES.High : value === 3 ? PRIORITIES.Low : PRIORITIES.Normal;
}

function optText(content: Body, field: string): void {
  const value = content[field];
  if (value !== undefined && typeof value !== "string") invalid(`MsgContent.${field} must be a string`);
}

/**
 * Checks a MsgBody and returns it as stored ({MsgType, MsgContent} only) with the text it shows.
 * Unsupported element types and a body over 12 KB are refused with 10004.
 */
export function parseMsgBody(raw: unknown[]): { body: { MsgType: string; MsgContent: Body }[]; text: string } {
  const body: { MsgType: string; MsgContent: Body }[] = [];
  let text = "";
  for (const item of raw) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) invalid("MsgBody must hold objects");
    const { MsgType: type, MsgContent: content } = item as Body;
    if (typeof type !== "string" || !(ELEMENT_TYPES as readonly string[]).includes(type)) {
      invalid(`MsgType must be one of ${ELEMENT_TYPES.join(", ")}`);
    }
    if (typeof content !== "object" || content === null || Array.isArray(content)) invalid("MsgContent must be an object");
    const fields = content as Body;
    if (type === "TIMTextElem") {
      if (typeof fields.Text !== "string" || fields.Text === "") invalid("MsgContent.Text is required");
      text += fields.Text;
      body.push({ MsgType: type, MsgContent: { Text: fields.Text } });
    } else {
      for (const field of ["Data", "Desc", "Ext", "Sound"]) optText(fields, field);
      const kept = Object.fromEntries(["Data", "Desc", "Ext", "Sound"].filter((f) => fields[f] !== undefined).map((f) => [f, fields[f]]));
      body.push({ MsgType: type, MsgContent: kept });
    }
  }
  checkBytes("MsgBody", JSON.stringify(body), LIMITS.textMessage);
  return { body, text };
}

export interface SenderFacts {
  /** The App admin speaking for itself: always allowed, member or not. */
  isAppAdmin: boolean;
  role: MemberRole | null;
  muteUntil: number;
  muteAll: boolean;
  now: number;
}

/**
 * Who may speak: members only (10007); a muted member is refused with 10017; under MuteAllMember
 * only the owner, admins and the App admin may speak (reference §9.6).
 */
export function checkSender(facts: SenderFacts, userId: string): void {
  if (facts.isAppAdmin) return;
  if (facts.role === null) fail(Code.NO_PERMISSION, `${userId} is not a member of this group`);
  if (facts.muteUntil > facts.now) fail(Code.SENDER_MUTED, `${userId} is muted until ${facts.muteUntil}`);
  if (facts.muteAll && facts.role === "Member") fail(Code.SENDER_MUTED, "the whole group is muted; only the owner and admins may speak");
}
