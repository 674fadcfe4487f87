// Length limits are in UTF-8 bytes, as Tencent counts them (a CJK character is 3 bytes, most emoji 4).
import { invalid } from "./errors";

export const LIMITS = {
  groupName: 100,
  introduction: 400,
  notification: 400,
  faceUrl: 500,
  nameCard: 50,
  groupDataKey: 16,
  groupDataValue: 512,
  memberDataKey: 16,
  memberDataValue: 64,
  userId: 32,
  nick: 500,
  /** Messages attached to a join application and to its handling. */
  applyMessage: 300,
  handleMessage: 300,
  /** Console users are not IM accounts; their attribution string is bounded separately. */
  operatorAttribution: 64,
  systemNotification: 12 * 1024,
  textMessage: 12 * 1024,
  createMembers: 100,
  addMembers: 300,
  deleteMembers: 100,
  groupInfoIds: 50,
  roleQueryAccounts: 500,
  muteAccounts: 500,
  accountBatch: 100,
  groupListPage: 10_000,
  memberPage: 6000,
  joinedGroupsPage: 5000,
  applicationPage: 100,
  applicationPageDefault: 50,
  /** group_msg_get_simple answers at most this many messages per call (reference §9.8.1). */
  historyPage: 20,
  recallSeqs: 10,
  recallReason: 100,
  /** delete_group_msg_by_sender looks at the group's latest this many messages. */
  purgeWindow: 1000,
  banAccounts: 20,
  banDescription: 1000,
  banPage: 100,
} as const;

export function utf8Bytes(value: string): number {
  return Buffer.byteLength(value, "utf8");
}

/** Refuses (10004) a string field longer than `max` UTF-8 bytes, naming the field and its size. */
export function checkBytes(field: string, value: string, max: number): void {
  const bytes = utf8Bytes(value);
  if (bytes > max) invalid(`${field} is ${bytes} bytes; the limit is ${max} bytes (UTF-8)`);
}
