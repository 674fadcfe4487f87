// get_group_info's answer as JSON bytes. A whole answer (no ResponseFilter) takes each group's member list as
// the JSON SQLite writes (store/members-repo.ts listJson) and splices it in unparsed; a filtered answer goes
// through the wire objects as before. Both give the same content; test/group-info-json.test.ts holds them to it.
import { Code } from "../domain/errors";
import type { Store } from "../store/store";
import { type GroupInfoFilters, groupInfoObject, listsMembers } from "./wire";

/** No ResponseFilter: every field of every member (a filtered answer lists members only when it names their fields). */
export const wantsWholeMembers = (filters: GroupInfoFilters): boolean => !filters.hasFilter;

const MEMBER_LIST_KEY = Buffer.from(',"MemberList":');
const CLOSE = Buffer.from("}");

/** One GroupInfo item's JSON, as UTF-8 pieces to concatenate. */
function item(store: Store, groupId: string, sdkAppId: number, now: number, filters: GroupInfoFilters, spliced: boolean): Buffer[] {
  const text = (value: unknown) => [Buffer.from(JSON.stringify(value))];
  const group = store.groups.getLive(groupId);
  if (!group) return text({ GroupId: groupId, ErrorCode: Code.GROUP_NOT_FOUND, ErrorInfo: "group does not exist or was dismissed" });
  if (!listsMembers(group, filters)) {
    // Reading every member costs far more than counting them: only when the answer lists them.
    return text(groupInfoObject(group, sdkAppId, store.members.count(groupId), now, filters));
  }
  if (!spliced) return text(groupInfoObject(group, sdkAppId, store.members.list(groupId), now, filters));
  const { count, json } = store.members.listJson(groupId, now);
  // groupInfoObject puts MemberList last: the item without it, then the list, is the same object.
  const head = JSON.stringify(groupInfoObject(group, sdkAppId, count, now, filters));
  return [Buffer.from(head.slice(0, -1)), MEMBER_LIST_KEY, json, CLOSE];
}

/**
 * The command's fields (`{"GroupInfo":[…]}`) in UTF-8, one item per requested ID in request order.
 * `spliced: false` builds every member as an object, the way kept for filtered answers (and for comparison).
 */
export function groupInfoAnswer(
  store: Store,
  requested: readonly string[],
  sdkAppId: number,
  now: number,
  filters: GroupInfoFilters,
  spliced = wantsWholeMembers(filters),
): Buffer {
  // One read transaction for the whole answer: one snapshot, one lock (store.ts read).
  const items = store.read(() => requested.map((id) => item(store, id, sdkAppId, now, filters, spliced)));
  const parts: Buffer[] = [Buffer.from('{"GroupInfo":[')];
  items.forEach((pieces, i) => parts.push(...(i > 0 ? [Buffer.from(",")] : []), ...pieces));
  parts.push(Buffer.from("]}"));
  return Buffer.concat(parts);
}
