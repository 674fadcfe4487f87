// Where a whole get_group_info answer (50 random groups, MemberList included) spends its time inside the IM
// server, without HTTP: the SQL rows, rows → store objects, store objects → wire objects, and JSON text.
// Run against a seeded data directory: node --import tsx bench/im-group-info-split.ts <IM data dir>
// The same 50-ID requests go through each stage in turn, many times, and the stages are printed side by side.
// The first five rows are the way the server answered before issue 19 (statement by statement, objects, text).
import { groupInfoAnswer } from "../im-server/src/http/group-info";
import { groupInfoObject, type GroupInfoFilters } from "../im-server/src/http/wire";
import { okEnvelope } from "../im-server/src/http/envelope";
import { stringifyJson } from "../im-server/src/http/json-body";
import { openStore } from "../im-server/src/store/store";
import { ms, printTable, summarize } from "./lib/stats";

const ROUNDS = Number(process.env.ROUNDS ?? 400);
const WHOLE: GroupInfoFilters = {
  hasFilter: false,
  base: undefined,
  members: undefined,
  groupDataKeys: undefined,
  memberDataKeys: undefined,
};

function main() {
  const store = openStore(process.argv[2]);
  const ids = (store.db.prepare("SELECT group_id FROM groups ORDER BY seq").pluck().all() as string[]).filter((_, i) => i % 7 === 0);
  const requests = Array.from({ length: ROUNDS }, () => Array.from({ length: 50 }, () => ids[Math.floor(Math.random() * ids.length)]));
  const groupRow = store.db.prepare("SELECT * FROM groups WHERE group_id = ?");
  const memberRows = store.db.prepare(
    "SELECT * FROM members WHERE group_id = ? ORDER BY joined_at, CASE role WHEN 'Owner' THEN 0 WHEN 'Admin' THEN 1 ELSE 2 END, user_id",
  );
  const t = {
    sqlTx: [] as number[],
    sql: [] as number[],
    store: [] as number[],
    wire: [] as number[],
    json: [] as number[],
    fast: [] as number[],
  };
  const cpu: Record<string, number> = {};
  // Wall time suffers the machine's other work; CPU time (this process's) is the steadier figure on a busy machine.
  const stage = <T>(name: string, fn: () => T): [T, number] => {
    const [started, cpuStarted] = [performance.now(), process.cpuUsage()];
    const value = fn();
    const used = process.cpuUsage(cpuStarted);
    cpu[name] = (cpu[name] ?? 0) + (used.user + used.system) / 1000;
    return [value, performance.now() - started];
  };
  let rows = 0;
  let bytes = 0;
  const fresh = () => Array.from({ length: 50 }, () => ids[Math.floor(Math.random() * ids.length)]);
  for (const [round, request] of requests.entries()) {
    // The old way, stage by stage on one request (the first stage finds its pages cold, as a server would).
    const [n, sql] = stage("sql", () => request.reduce((sum, id) => (groupRow.get(id), sum + memberRows.all(id).length), 0));
    const [, sqlTx] = stage("sqlTx", () => store.read(() => request.forEach((id) => (groupRow.get(id), memberRows.all(id)))));
    const [read, storeTime] = stage("store", () =>
      request.map((id) => ({ group: store.groups.getLive(id)!, members: store.members.list(id) })),
    );
    const [answer, wire] = stage("wire", () =>
      okEnvelope({ GroupInfo: read.map(({ group, members }) => groupInfoObject(group, 1400000000, members, 0, WHOLE)) }),
    );
    const [text, json] = stage("json", () => stringifyJson(answer));
    // The new way on a request of its own, so that it finds its pages as cold as the old way's first stage did.
    const [, fast] = stage("fast", () => groupInfoAnswer(store, fresh(), 1400000000, 0, WHOLE));
    if (
      round === 0 &&
      JSON.stringify(JSON.parse(groupInfoAnswer(store, request, 1400000000, 0, WHOLE).toString()).GroupInfo) !==
        JSON.stringify(answer.GroupInfo)
    )
      throw new Error("the new answer differs from the old one");
    rows += n;
    bytes += text.length;
    if (round < 20) continue; // warm-up: compiled code, prepared statements
    t.sql.push(sql);
    t.sqlTx.push(sqlTx);
    t.store.push(storeTime - sql);
    t.wire.push(wire);
    t.json.push(json);
    t.fast.push(fast);
  }
  store.close();
  console.log(
    `${ROUNDS} requests of 50 groups: ${(rows / ROUNDS).toFixed(0)} member rows and ${(bytes / ROUNDS / 1024).toFixed(0)} KB of JSON each`,
  );
  printTable([
    ["stage (per 50-group answer)", "p50", "p95", "mean", "CPU mean"],
    ...(
      [
        ["before: SQL, group row + member rows, a lock per statement", "sql"],
        ["  (the same SQL in one read transaction)", "sqlTx"],
        ["before: rows → store objects (toGroup, toMember)", "store"],
        ["before: store objects → wire objects", "wire"],
        ["before: wire objects → JSON text", "json"],
        ["after: one read transaction, member lists as SQLite's JSON bytes", "fast"],
      ] as const
    ).map(([what, key]) => {
      const v = t[key];
      const s = summarize(v);
      const cpuMean = (key === "store" ? cpu.store - cpu.sql : cpu[key]) / ROUNDS;
      return [what, ms(s.p50), ms(s.p95), ms(v.reduce((a, b) => a + b, 0) / v.length), ms(cpuMean)];
    }),
  ]);
}

main();
