// Where a whole get_group_info answer (50 random groups, MemberList included) spends its time inside the IM
// server, without HTTP: the SQL rows, rows → store objects, store objects → wire objects, and JSON text.
// Run against a seeded data directory: node --import tsx bench/im-group-info-split.ts <IM data dir>
// The same 50-ID requests go through each stage in turn, many times, and the stages are printed side by side.
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
  const t = { sql: [] as number[], store: [] as number[], wire: [] as number[], json: [] as number[], fast: [] as number[] };
  let rows = 0;
  let bytes = 0;
  for (const [round, request] of requests.entries()) {
    let started = performance.now();
    for (const id of request) {
      groupRow.get(id);
      rows += memberRows.all(id).length;
    }
    const sql = performance.now() - started;
    started = performance.now();
    const read = request.map((id) => ({ group: store.groups.getLive(id)!, members: store.members.list(id) }));
    const storeTime = performance.now() - started;
    started = performance.now();
    const answer = okEnvelope({ GroupInfo: read.map(({ group, members }) => groupInfoObject(group, 1400000000, members, 0, WHOLE)) });
    const wire = performance.now() - started;
    started = performance.now();
    const text = stringifyJson(answer);
    const json = performance.now() - started;
    started = performance.now();
    const fastText = groupInfoAnswer(store, request, 1400000000, 0, WHOLE);
    const fast = performance.now() - started;
    if (round === 0 && JSON.stringify(JSON.parse(fastText).GroupInfo) !== JSON.stringify(answer.GroupInfo))
      throw new Error("the fast answer differs");
    bytes += text.length;
    if (round < 20) continue; // warm-up: compiled code, prepared statements, pages in the cache
    t.sql.push(sql);
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
    ["stage (per 50-group answer)", "p50", "p95", "mean"],
    ...Object.entries({
      "SQL: group row + member rows": t.sql,
      "rows → store objects (toGroup, toMember)": t.store,
      "store objects → wire objects": t.wire,
      "wire objects → JSON text": t.json,
      "the whole answer as the server builds it now": t.fast,
    }).map(([what, v]) => {
      const s = summarize(v);
      return [what, ms(s.p50), ms(s.p95), ms(v.reduce((a, b) => a + b, 0) / v.length)];
    }),
  ]);
}

main();
