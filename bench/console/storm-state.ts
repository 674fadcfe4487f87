// The storm's groups: created through the IM server's REST API, with the members the benchmark believes each has
// (so a webhook's change can be made first), and the check that the console's directory matches the IM server.
import path from "node:path";
import Database from "better-sqlite3";
import type { ImCaller } from "../lib/im-rest";

export type StormGroups = {
  ids: string[];
  /** Groups that need approval: applications go there. */
  needPermission: string[];
  owners: Map<string, string>;
  members: Map<string, Set<string>>;
  /** `group|user` with a change under way: not picked again until it is done. */
  busy: Set<string>;
  accounts: string[];
  /** IM changes the IM server refused (the webhook still goes: it is only a hint). */
  failures: number;
  /** The IM server's error codes for them, counted. */
  failureCodes: Map<string, number>;
  random: () => number;
};

const ACCOUNTS = 5000;
const FIRST_MEMBERS = 4;

/** A small deterministic generator: the same storm on every run. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** At most `perSecond` calls started in any second (the IM server refuses beyond 200), `concurrency` at a time. */
async function paced<T>(items: T[], perSecond: number, work: (item: T, i: number) => Promise<void>) {
  const started = Date.now();
  const running: Promise<void>[] = [];
  for (const [i, item] of items.entries()) {
    const wait = started + (i * 1000) / perSecond - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    running.push(work(item, i));
  }
  await Promise.all(running);
}

/** Tencent's limit answered (60007) when calls started a second apart arrive together: wait and try again. */
async function patiently(call: ImCaller, command: string, body: Record<string, unknown>) {
  for (let tries = 1; ; tries++) {
    try {
      return await call(command, body);
    } catch (err) {
      if (tries >= 10 || !String(err).includes("60007")) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export async function createStormGroups(call: ImCaller, count: number): Promise<StormGroups> {
  const random = mulberry32(19);
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => `storm_u${i}`);
  for (let i = 0; i < accounts.length; i += 100)
    await patiently(call, "im_open_login_svc/multiaccount_import", { Accounts: accounts.slice(i, i + 100) });
  const state: StormGroups = {
    ids: [],
    needPermission: [],
    owners: new Map(),
    members: new Map(),
    busy: new Set(),
    accounts,
    failures: 0,
    failureCodes: new Map(),
    random,
  };
  const pick = () => accounts[Math.floor(random() * accounts.length)];
  const drafts = Array.from({ length: count }, (_, i) => {
    const owner = pick();
    const others = new Set<string>();
    while (others.size < FIRST_MEMBERS) {
      const u = pick();
      if (u !== owner) others.add(u);
    }
    return { i, owner, others, needPermission: i % 4 === 0 };
  });
  await paced(drafts, 100, async (d) => {
    const answer = await patiently(call, "group_open_http_svc/create_group", {
      Owner_Account: d.owner,
      Type: "Public",
      Name: `Storm ${d.i} 嵐 ${d.i}`,
      ApplyJoinOption: d.needPermission ? "NeedPermission" : "FreeAccess",
      MemberList: [...d.others].map((u) => ({ Member_Account: u })),
    });
    const id = String(answer.GroupId);
    state.ids.push(id);
    if (d.needPermission) state.needPermission.push(id);
    state.owners.set(id, d.owner);
    state.members.set(id, new Set([d.owner, ...d.others]));
  });
  return state;
}

type Compared = { matched: boolean; at: number; differing: number; example: string };

/**
 * Polls the console's directory (its SQLite store) against the IM server's own store until every group has the
 * same name and member count, or `timeoutMs` passes. Both are read from disk: no IM call is added to what is
 * counted, and the IM server no longer changes.
 */
export async function compareDirectory(consoleFile: string, imDir: string, timeoutMs: number): Promise<Compared> {
  const imDb = new Database(path.join(imDir, "im.sqlite"), { readonly: true, fileMustExist: true });
  const truth = new Map(
    imDb
      .prepare("SELECT g.group_id AS id, g.name AS name, (SELECT count(*) FROM members m WHERE m.group_id = g.group_id) AS n FROM groups g")
      .all()
      .map((r) => {
        const row = r as { id: string; name: string; n: number };
        return [row.id, `${row.name}|${row.n}`] as const;
      }),
  );
  imDb.close();
  const consoleDb = new Database(consoleFile, { readonly: true, fileMustExist: true });
  const read = consoleDb.prepare("SELECT id, name, member_count AS n FROM directory_groups");
  const end = Date.now() + timeoutMs;
  try {
    for (;;) {
      const seen = new Map((read.all() as { id: string; name: string; n: number }[]).map((r) => [r.id, `${r.name}|${r.n}`]));
      const differing = [...truth].filter(([id, v]) => seen.get(id) !== v);
      const at = Date.now();
      if (differing.length === 0 || at > end) {
        const [id, v] = differing[0] ?? ["", ""];
        return { matched: differing.length === 0, at, differing: differing.length, example: `${id}: IM ${v}, console ${seen.get(id)}` };
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    consoleDb.close();
  }
}
