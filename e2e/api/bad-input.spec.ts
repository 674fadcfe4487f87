// Longer than 250 lines: one table of every hostile input per route (a line each) over one shared fixture;
// split by route, each part would build and tear down the same groups and users again.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedInApi } from "../support/api";
import { importAppUser, newAppUser } from "../support/app-users";
import { imAdmin } from "../support/im-webhooks";

/**
 * Whatever a script or a broken form sends, the console answers 4xx in the error contract with the right
 * code, and the IM server is left exactly as it was: each case snapshots what it could have touched (read
 * live from the IM server) before and after. Limits are counted in UTF-8 bytes, as Tencent counts them.
 */
const run = Date.now().toString(36);
const kanji = (n: number) => "漢".repeat(n); // 3 bytes each
const emoji = (n: number) => "😀".repeat(n); // 4 bytes each
const overOneMegabyte = () => ({ type: "Public", name: "x", introduction: "x".repeat(1_100_000) });

type Fixtures = Record<
  "public" | "work" | "meeting" | "av" | "owner" | "member" | "outsider" | "application" | "viewer" | "approvedCursor",
  string
>;
/** What a case could have changed, and so what is compared before and after. */
type Watch = "groups" | "public" | "work" | "meeting" | "av" | "users" | "me";
type Case = {
  what: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** `{public}`, `{owner}`… are replaced by the fixtures' IDs (in the path and the body). */
  path: string;
  body?: unknown;
  /** Raw bytes instead of a JSON body, with this content type (null: none). */
  raw?: { data: string; type: string | null };
  status: number;
  code: string;
  /** The field the validation error must name (`""` for the body as a whole). */
  field?: string;
  imCode?: number;
  watch: Watch;
};

const create = (what: string, body: unknown, field: string | undefined, extra: Partial<Case> = {}): Case => ({
  what,
  method: "POST",
  path: "/api/groups",
  body,
  status: 422,
  code: "validation",
  field,
  watch: "groups",
  ...extra,
});
const patch = (what: string, body: unknown, field: string | undefined, watch: Watch = "public", group = watch): Case => ({
  what,
  method: "PATCH",
  path: `/api/groups/{${group}}`,
  body,
  status: 422,
  code: "validation",
  field,
  watch,
});
const post =
  (path: string, watch: Watch) =>
  (what: string, body: unknown, field: string | undefined, extra: Partial<Case> = {}): Case => ({
    what,
    method: "POST",
    path,
    body,
    status: 422,
    code: "validation",
    field,
    watch,
    ...extra,
  });
const query = (path: string, status: 400 | 422, what: string, watch: Watch = "groups"): Case => ({
  what,
  method: "GET",
  path,
  status,
  code: status === 400 ? "bad_request" : "validation",
  watch,
});
const malformed = { data: '{"name": "half', type: "application/json" };

const addMembers = post("/api/groups/{public}/members", "public");
const setOwner = post("/api/groups/{public}/owner", "public");
const notify = post("/api/groups/{public}/notifications", "public");
const approve = post("/api/applications/{application}/approve", "public");
const bulk = post("/api/applications/bulk", "public");
const claim = post("/api/applications/{application}/claim", "public");
const note = post("/api/app-users/{member}/notes", "public");
const addUser = post("/api/users", "users");
const role = (what: string, body: unknown, field: string | undefined, userId = "{member}", watch: Watch = "public"): Case => ({
  what,
  method: "PATCH",
  path: `/api/groups/{${watch}}/members/${userId}`,
  body,
  status: 422,
  code: "validation",
  field,
  watch,
});
const PASSWORD = "bad-input-password";

const CASES: Case[] = [
  // Creating a group
  create("no type", { name: "No type" }, "type"),
  create("no name", { type: "Public" }, "name"),
  create("an empty name", { type: "Public", name: "" }, "name"),
  create("a name of spaces only", { type: "Public", name: "   " }, "name"),
  create("a name of 34 kanji (102 bytes > 100)", { type: "Public", name: kanji(34) }, "name"),
  create("a name of 26 emoji (104 bytes > 100)", { type: "Public", name: emoji(26) }, "name"),
  create("a name that is a number", { type: "Public", name: 42 }, "name"),
  create("the REST type name Private instead of Work", { type: "Private", name: "REST name" }, "type"),
  create("a type in the wrong case", { type: "public", name: "Lower case" }, "type"),
  create("an unknown join option", { type: "Public", name: "Open door", joinOption: "Open" }, "joinOption"),
  create("a Work group anyone may join", { type: "Work", name: "Free work", joinOption: "FreeAccess" }, "joinOption"),
  create("a Meeting that needs approval", { type: "Meeting", name: "Gated meeting", joinOption: "NeedPermission" }, "joinOption"),
  create("an @TGS# ID outside Community", { type: "Public", name: "Reserved", id: `@TGS#${run}` }, "id"),
  create("a Community ID without @TGS#_", { type: "Community", name: "Plain community", id: `plain-${run}` }, "id"),
  create("a non-ASCII group ID", { type: "Public", name: "Kana ID", id: `グループ-${run}` }, "id"),
  create("a group ID of 49 bytes", { type: "Public", name: "Long ID", id: `${run}-`.padEnd(49, "g") }, "id"),
  create("an empty group ID", { type: "Public", name: "Empty ID", id: "" }, "id"),
  create(
    "an introduction of 134 kanji (402 bytes > 400)",
    { type: "Public", name: "Long intro", introduction: kanji(134) },
    "introduction",
  ),
  create(
    "a notification of 101 emoji (404 bytes > 400)",
    { type: "Public", name: "Long notice", notification: emoji(101) },
    "notification",
  ),
  create("a face URL that is not a URL", { type: "Public", name: "Bad face", faceUrl: "not a url" }, "faceUrl"),
  create("a javascript: face URL", { type: "Public", name: "Script face", faceUrl: "javascript:alert(1)" }, "faceUrl"),
  create(
    "an http: face URL (pages load images over https only)",
    { type: "Public", name: "Plain face", faceUrl: "http://faces.e2e.test/a.png" },
    "faceUrl",
  ),
  create("a member limit of 0", { type: "Public", name: "No room", maxMemberCount: 0 }, "maxMemberCount"),
  create("a member limit given as a string", { type: "Public", name: "String limit", maxMemberCount: "100" }, "maxMemberCount"),
  create("muteAll given as a string", { type: "Public", name: "Mute string", muteAll: "yes" }, "muteAll"),
  create("topics on a Public group", { type: "Public", name: "Topics", supportTopic: true }, "supportTopic"),
  create("members on an AVChatRoom", { type: "AVChatRoom", name: "Live with members", memberIds: ["{member}"] }, "memberIds"),
  create("101 initial members", { type: "Public", name: "Crowd", memberIds: Array.from({ length: 101 }, (_, i) => `u${i}`) }, "memberIds"),
  create("an extra field", { type: "Public", name: "Extra", color: "red" }, ""),
  create("a body that is an array", [{ type: "Public", name: "Array" }], ""),
  create("an owner unknown to the IM server", { type: "Public", name: "Orphan", ownerId: `nobody_${run}` }, undefined, { imCode: 10019 }),
  create(
    "a member unknown to the IM server",
    { type: "Public", name: "Ghost member", memberIds: ["{member}", `ghost_${run}`] },
    undefined,
    { imCode: 10019 },
  ),
  create("a member limit above the type's ceiling", { type: "Public", name: "Too big", maxMemberCount: 6001 }, undefined, {
    imCode: 10004,
  }),
  create("malformed JSON", undefined, undefined, { raw: malformed, status: 400, code: "bad_request" }),
  create("a text/plain body", undefined, undefined, {
    raw: { data: '{"type":"Public","name":"Plain"}', type: "text/plain" },
    status: 415,
    code: "unsupported_media_type",
  }),
  create("a form body", undefined, undefined, {
    raw: { data: "type=Public&name=Form", type: "application/x-www-form-urlencoded" },
    status: 415,
    code: "unsupported_media_type",
  }),
  create("no content type", undefined, undefined, {
    raw: { data: '{"type":"Public","name":"Untyped"}', type: null },
    status: 415,
    code: "unsupported_media_type",
  }),
  create("a body over 1 MB", overOneMegabyte(), undefined, { status: 413, code: "payload_too_large" }),

  // Editing a group
  patch("nothing to change", {}, ""),
  patch("a new type", { type: "Work" }, ""),
  patch("a new ID", { id: `moved-${run}` }, ""),
  patch("a name of 34 kanji (102 bytes)", { name: kanji(34) }, "name"),
  patch("a name of 26 emoji (104 bytes)", { name: emoji(26) }, "name"),
  patch("an empty name", { name: "" }, "name"),
  patch("an unknown join option", { joinOption: "Open" }, "joinOption"),
  patch("a member limit below the member count", { maxMemberCount: 1 }, "maxMemberCount"),
  patch("a member limit over a million", { maxMemberCount: 1_000_001 }, "maxMemberCount"),
  patch("muteAll given as a string", { muteAll: "true" }, "muteAll"),
  patch("a data: face URL", { faceUrl: "data:text/html,<script>alert(1)</script>" }, "faceUrl"),
  patch("a Work group made free to join", { joinOption: "FreeAccess" }, "joinOption", "work"),
  patch("a Work group taking applications", { joinOption: "NeedPermission" }, "joinOption", "work"),
  patch("a Meeting that needs approval", { joinOption: "NeedPermission" }, "joinOption", "meeting"),
  patch("an AVChatRoom closed to applications", { joinOption: "DisableApply" }, "joinOption", "av"),
  {
    what: "malformed JSON",
    method: "PATCH",
    path: "/api/groups/{public}",
    raw: malformed,
    status: 400,
    code: "bad_request",
    watch: "public",
  },
  {
    what: "a form body",
    method: "PATCH",
    path: "/api/groups/{public}",
    raw: { data: "name=Form", type: "application/x-www-form-urlencoded" },
    status: 415,
    code: "unsupported_media_type",
    watch: "public",
  },
  {
    what: "a body over 1 MB",
    method: "PATCH",
    path: "/api/groups/{public}",
    body: { introduction: "x".repeat(1_100_000) },
    status: 413,
    code: "payload_too_large",
    watch: "public",
  },
  {
    what: "a group that does not exist",
    method: "PATCH",
    path: "/api/groups/no-such-group-for-bad-input",
    body: { name: "Ghost" },
    status: 404,
    code: "not_found",
    watch: "groups",
  },

  // Members
  addMembers("no userIds", {}, "userIds"),
  addMembers("an empty list", { userIds: [] }, "userIds"),
  addMembers("userIds as a string", { userIds: "{outsider}" }, "userIds"),
  addMembers("a user ID with a space", { userIds: ["two words"] }, "userIds.0"),
  addMembers("a user ID of 33 characters", { userIds: ["u".repeat(33)] }, "userIds.0"),
  addMembers("301 users at once", { userIds: Array.from({ length: 301 }, (_, i) => `u${i}`) }, "userIds"),
  addMembers("an extra field", { userIds: ["{outsider}"], role: "Admin" }, ""),
  {
    what: "members for an AVChatRoom",
    method: "POST",
    path: "/api/groups/{av}/members",
    body: { userIds: ["{outsider}"] },
    status: 422,
    code: "validation",
    watch: "av",
  },
  {
    what: "a group that does not exist",
    method: "POST",
    path: "/api/groups/no-such-group-for-bad-input/members",
    body: { userIds: ["{outsider}"] },
    status: 404,
    code: "not_found",
    watch: "groups",
  },
  role("the role Owner", { role: "Owner" }, "role"),
  role("a role in the wrong case", { role: "admin" }, "role"),
  role("no role", {}, "role"),
  role("the owner's own role", { role: "Member" }, undefined, "{owner}"),
  role("an admin in a Work group", { role: "Admin" }, undefined, "{owner}", "work"),
  {
    what: "a reason over 200 characters",
    method: "DELETE",
    path: `/api/groups/{public}/members/{member}?reason=${"r".repeat(201)}`,
    status: 422,
    code: "validation",
    field: "reason",
    watch: "public",
  },
  { what: "the owner", method: "DELETE", path: "/api/groups/{public}/members/{owner}", status: 422, code: "validation", watch: "public" },
  {
    what: "a member of an AVChatRoom",
    method: "DELETE",
    path: "/api/groups/{av}/members/{member}",
    status: 422,
    code: "validation",
    watch: "av",
  },

  // Ownership and notifications
  setOwner("no user", {}, "userId"),
  setOwner("a non-ASCII user ID", { userId: "オーナー" }, "userId"),
  setOwner("someone who is not a member", { userId: "{outsider}" }, undefined, { imCode: 10004 }),
  setOwner("the current owner", { userId: "{owner}" }, undefined),
  {
    what: "an AVChatRoom",
    method: "POST",
    path: "/api/groups/{av}/owner",
    body: { userId: "{member}" },
    status: 422,
    code: "validation",
    watch: "av",
  },
  notify("no content", {}, "content"),
  notify("empty content", { content: "" }, "content"),
  notify("4,097 kanji (12,291 bytes > 12 KB)", { content: kanji(4097) }, "content"),
  notify("recipients as a string", { content: "hi", userIds: "{member}" }, "userIds"),
  {
    what: "chosen recipients in an AVChatRoom",
    method: "POST",
    path: "/api/groups/{av}/notifications",
    body: { content: "hi", userIds: ["{member}"] },
    status: 422,
    code: "validation",
    watch: "av",
  },

  // Applications
  approve("an extra field", { reason: "ok", notify: false }, ""),
  approve("a reason of 101 kanji (303 bytes > 300)", { reason: kanji(101) }, "reason"),
  approve("a reason that is a number", { reason: 7 }, "reason"),
  approve("malformed JSON", undefined, undefined, { raw: malformed, status: 400, code: "bad_request" }),
  approve("a text/plain body", undefined, undefined, {
    raw: { data: "{}", type: "text/plain" },
    status: 415,
    code: "unsupported_media_type",
  }),
  {
    what: "a reason of 76 emoji (304 bytes)",
    method: "POST",
    path: "/api/applications/{application}/refuse",
    body: { reason: emoji(76) },
    status: 422,
    code: "validation",
    field: "reason",
    watch: "public",
  },
  {
    what: "an application that does not exist",
    method: "POST",
    path: "/api/applications/999999999/approve",
    body: {},
    status: 404,
    code: "not_found",
    watch: "public",
  },
  claim("force that is a string", { force: "yes" }, "force"),
  claim("an extra field", { force: false, minutes: 60 }, ""),
  claim("malformed JSON", undefined, undefined, { raw: malformed, status: 400, code: "bad_request" }),
  {
    what: "a claim on an application that does not exist",
    method: "POST",
    path: "/api/applications/999999999/claim",
    body: {},
    status: 404,
    code: "not_found",
    watch: "public",
  },
  {
    what: "a claim on an application ID that is not one",
    method: "POST",
    path: "/api/applications/not%20an%20id/claim",
    body: {},
    status: 404,
    code: "not_found",
    watch: "public",
  },
  note("no text", {}, "text"),
  note("a note of spaces", { text: "   " }, "text"),
  note("a note of 334 kanji (1,002 bytes > 1,000)", { text: kanji(334) }, "text"),
  note("an extra field", { text: "ok", pinned: true }, ""),
  bulk("no ids", { ids: [], action: "approve" }, "ids"),
  bulk("101 ids", { ids: Array.from({ length: 101 }, (_, i) => String(i + 1)), action: "approve" }, "ids"),
  bulk("an unknown action", { ids: ["{application}"], action: "delete" }, "action"),
  bulk("no action", { ids: ["{application}"] }, "action"),
  bulk("ids that are numbers", { ids: [1, 2], action: "approve" }, "ids.0"),
  bulk("an id of 41 characters", { ids: ["9".repeat(41)], action: "approve" }, "ids.0"),
  bulk("a reason of 101 kanji", { ids: ["{application}"], action: "refuse", reason: kanji(101) }, "reason"),
  bulk("an extra field", { ids: ["{application}"], action: "approve", dryRun: true }, ""),

  // Console users and one's own profile
  addUser("a password of 25 kanji (75 bytes > 72)", { email: `long-pw-${run}@e2e.test`, password: kanji(25), role: "viewer" }, "password"),
  addUser(
    "a name over 100 characters",
    { email: `long-name-${run}@e2e.test`, name: "n".repeat(101), password: PASSWORD, role: "viewer" },
    "name",
  ),
  addUser("a role that is a number", { email: `num-role-${run}@e2e.test`, password: PASSWORD, role: 2 }, "role"),
  addUser("an email over 254 characters", { email: `${"e".repeat(250)}@e2e.test`, password: PASSWORD, role: "viewer" }, "email"),
  {
    what: "the role owner",
    method: "PATCH",
    path: "/api/users/{viewer}",
    body: { role: "owner" },
    status: 422,
    code: "validation",
    field: "role",
    watch: "users",
  },
  {
    what: "disabled as a string",
    method: "PATCH",
    path: "/api/users/{viewer}",
    body: { disabled: "yes" },
    status: 422,
    code: "validation",
    field: "disabled",
    watch: "users",
  },
  {
    what: "a scope naming a group the console does not know",
    method: "PATCH",
    path: "/api/users/{viewer}",
    body: { scope: { groupIds: ["no-such-group-for-bad-input"] } },
    status: 422,
    code: "validation",
    field: "scope",
    watch: "users",
  },
  {
    what: "a scope naming a group twice",
    method: "PATCH",
    path: "/api/users/{viewer}",
    body: { scope: { groupIds: ["g-twice", "g-twice"] } },
    status: 422,
    code: "validation",
    field: "scope.groupIds",
    watch: "users",
  },
  {
    what: "an empty scope",
    method: "PATCH",
    path: "/api/users/{viewer}",
    body: { scope: { groupIds: [] } },
    status: 422,
    code: "validation",
    field: "scope.groupIds",
    watch: "users",
  },
  {
    what: "a short password",
    method: "PATCH",
    path: "/api/users/{viewer}",
    body: { password: "short" },
    status: 422,
    code: "validation",
    field: "password",
    watch: "users",
  },
  {
    what: "a role for oneself",
    method: "PATCH",
    path: "/api/me",
    body: { role: "admin" },
    status: 422,
    code: "validation",
    field: "",
    watch: "me",
  },
  {
    what: "an unknown theme",
    method: "PATCH",
    path: "/api/me",
    body: { theme: "blue" },
    status: 422,
    code: "validation",
    field: "theme",
    watch: "me",
  },
  {
    what: "a name over 100 characters",
    method: "PATCH",
    path: "/api/me",
    body: { name: "n".repeat(101) },
    status: 422,
    code: "validation",
    field: "name",
    watch: "me",
  },
  {
    what: "a new email",
    method: "PATCH",
    path: "/api/me",
    body: { email: `me-${run}@e2e.test` },
    status: 422,
    code: "validation",
    field: "",
    watch: "me",
  },

  // Query parameters
  query("/api/groups?type=Private", 422, "an unknown type filter"),
  query("/api/groups?joinOption=Open", 422, "an unknown join option filter"),
  query("/api/groups?sort=size", 422, "an unknown sort"),
  query("/api/groups?limit=abc", 422, "a limit that is not a number"),
  query("/api/groups?limit=1.5", 422, "a fractional limit"),
  query("/api/groups?limit=0", 422, "a limit of 0"),
  query("/api/groups?limit=101", 422, "a limit of 101"),
  query("/api/groups?cursor=not-a-cursor", 400, "a made-up cursor"),
  query(`/api/groups?q=${"q".repeat(101)}`, 422, "a search over 100 characters"),
  query("/api/applications?status=done", 422, "an unknown status", "public"),
  query("/api/applications?limit=0", 422, "a limit of 0", "public"),
  query("/api/applications?cursor=bogus", 400, "a made-up cursor", "public"),
  query("/api/applications?status=refused&limit=1&cursor={approvedCursor}", 400, "a cursor made for another filter", "public"),
  query(`/api/applications?groupId=${"g".repeat(49)}`, 422, "a group ID of 49 characters", "public"),
  query("/api/audit?limit=abc", 422, "a limit that is not a number"),
  query(`/api/audit?actor=${"a".repeat(255)}`, 422, "an actor over 254 characters"),
  query("/api/groups/{public}/members?cursor=bogus", 400, "a made-up members cursor", "public"),
  query("/api/groups/{public}/members?limit=0", 422, "a members limit of 0", "public"),
  query("/api/groups/{av}/members", 422, "the member list of an AVChatRoom", "av"),
  query(`/api/groups/{public}/members?q=${"q".repeat(101)}`, 422, "a member search over 100 characters", "public"),
  query("/api/groups/{public}/members?role=Boss", 422, "an unknown member role filter", "public"),
  query("/api/groups/{public}/members?muted=yes", 422, "a muted filter that is not true or false", "public"),
  query("/api/groups/{public}/members.csv?role=Boss", 422, "the members CSV with an unknown role filter", "public"),
  query("/api/groups/{av}/members.csv", 422, "the members CSV of an AVChatRoom", "av"),
  query("/api/groups.csv?cursor=abc", 422, "the groups CSV with a cursor (an export has no pages)"),
  query("/api/groups.csv?type=Private", 422, "the groups CSV with an unknown type filter"),
  query("/api/users?cursor=bogus", 400, "a made-up users cursor", "users"),
  query("/api/users?limit=101", 422, "a users limit of 101", "users"),
];

let api: APIRequestContext;
const f = {} as Fixtures;
const fill = (text: string) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in f ? encodeURIComponent(f[key as keyof Fixtures]) : whole));
const fillBody = (body: unknown) =>
  JSON.parse(JSON.stringify(body).replace(/\{(\w+)\}/g, (whole, key: string) => (key in f ? f[key as keyof Fixtures] : whole)));

async function json(path: string): Promise<unknown> {
  const res = await api.get(path);
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return res.json();
}

/** The state a case could have touched, read live from the IM server wherever it lives there. */
async function snapshot(watch: Watch, c: Case): Promise<unknown> {
  switch (watch) {
    case "groups": {
      const name = (c.body as { name?: unknown } | undefined)?.name;
      const searchable = typeof name === "string" && name.trim() && name.length <= 100;
      const im = await imAdmin("group_open_http_svc/get_appid_group_list", { Limit: 1 });
      return {
        imTotal: im.TotalCount,
        directoryTotal: ((await json("/api/groups?limit=1")) as { total: number }).total,
        byName: searchable ? ((await json(`/api/groups?limit=100&q=${encodeURIComponent(name)}`)) as { total: number }).total : null,
      };
    }
    case "public":
    case "work":
    case "meeting":
    case "av": {
      const id = encodeURIComponent(f[watch]);
      return {
        group: await json(`/api/groups/${id}`),
        members: watch === "av" ? null : await json(`/api/groups/${id}/members?limit=100`),
        applications: await json(`/api/applications?groupId=${id}&status=pending&limit=100`),
      };
    }
    case "users":
      return json("/api/users?limit=100");
    case "me":
      return json("/api/me");
  }
}

async function createGroup(data: Record<string, unknown>): Promise<string> {
  const res = await api.post("/api/groups", { data: { name: `Bad input ${run}`, ...data } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

test.beforeAll(async () => {
  api = await signedInApi();
  f.owner = `bi_owner_${run}`;
  f.member = `bi_member_${run}`;
  f.outsider = `bi_outsider_${run}`;
  for (const id of [f.owner, f.member, f.outsider]) await importAppUser(id, `Bad input ${id}`);
  f.public = await createGroup({ type: "Public", ownerId: f.owner, memberIds: [f.member] });
  f.work = await createGroup({ type: "Work", ownerId: f.owner, memberIds: [f.member] });
  f.meeting = await createGroup({ type: "Meeting", ownerId: f.owner });
  f.av = await createGroup({ type: "AVChatRoom", ownerId: f.owner });
  const applicant = await newAppUser("Bad input applicant");
  f.application = (await applicant.phone.joinGroup(f.public, "let me in")).applicationID!;
  await applicant.phone.logout();
  const viewer = await api.post("/api/users", { data: { email: `bi-viewer-${run}@e2e.test`, password: PASSWORD, role: "viewer" } });
  f.viewer = (await viewer.json()).id;
  const approved = (await json("/api/applications?status=approved&limit=1")) as { nextCursor: string | null };
  expect(approved.nextCursor, "the demo data has more than one approved application").not.toBeNull();
  f.approvedCursor = approved.nextCursor!;
});
test.afterAll(() => api.dispose());

for (const c of CASES) {
  test(`${c.method} ${c.path.split("?")[0]} with ${c.what} → ${c.status} ${c.code}, and nothing changes`, async () => {
    const before = await snapshot(c.watch, c);
    const path = fill(c.path);
    const res = c.raw
      ? await api.fetch(path, {
          method: c.method,
          data: Buffer.from(c.raw.data),
          headers: c.raw.type ? { "content-type": c.raw.type } : {},
        })
      : await api.fetch(path, { method: c.method, ...(c.body !== undefined ? { data: fillBody(c.body) } : {}) });
    const text = await res.text();
    expect(res.status(), text.slice(0, 500)).toBe(c.status);
    expect(res.headers()["content-type"]).toContain("application/json");
    const body = JSON.parse(text);
    expect(Object.keys(body)).toEqual(["error"]);
    expect(["code", "message", "details"]).toEqual(expect.arrayContaining(Object.keys(body.error)));
    expect(body.error.code).toBe(c.code);
    expect(body.error.message).toMatch(/\S/);
    if (c.field !== undefined) expect(body.error.details.fields.map((x: { path: string }) => x.path)).toContain(c.field);
    if (c.imCode !== undefined) expect(body.error.details.imCode).toBe(c.imCode);
    expect(await snapshot(c.watch, c)).toEqual(before);
  });
}
