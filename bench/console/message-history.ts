// A group's message history through the BFF with 1,000,000 messages stored in the IM server: the newest page of
// 20, a page further back by cursor, and one sender's messages (the console scans at most the newest 1,000 for
// them: Tencent has no sender filter). Seeded straight into the IM server's store, as the other scale runs are.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedGroupMessages } from "../../im-server/src/store/seed-messages";
import { openStore } from "../../im-server/src/store/store";
import { startConsole } from "../lib/console-server";
import { signIn } from "../lib/console-session";
import { stopGroup } from "../lib/processes";
import { seedImData } from "../lib/seed-im";
import { ms, printTable, sample, summarize, type Goal } from "../lib/stats";

const GROUPS = 1_000;
const PER_GROUP = 1_000;
const SENDERS = ["u_000001", "u_000002", "u_000003", "u_000004", "u_000005"];
type MessagePage = { items: { seq: number; senderId: string }[]; nextCursor: string | null };

function seedMessages(imDir: string): { groupIds: string[]; messages: number; seconds: number } {
  const seeded = seedImData(imDir, { accounts: 2_000, groups: GROUPS, memberships: 20_000, pending: 0 });
  const started = performance.now();
  const store = openStore(imDir);
  // AVChatRooms keep no history: only the others get messages, and only they are read.
  const withHistory = seeded.groupIds.filter((id) => store.groups.get(id)?.type !== "AVChatRoom");
  const perGroup = Math.ceil((GROUPS * PER_GROUP) / withHistory.length);
  const messages = seedGroupMessages(store, withHistory, perGroup, { senders: SENDERS });
  store.db.pragma("wal_checkpoint(TRUNCATE)");
  store.close();
  return { groupIds: withHistory, messages, seconds: (performance.now() - started) / 1000 };
}

export async function measureMessageHistory(port: number, imPort: number, admin: { email: string; password: string }): Promise<Goal[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "group-console-bench-messages-"));
  let launcher: Awaited<ReturnType<typeof startConsole>> | undefined;
  let failed = false;
  try {
    const { groupIds, messages, seconds } = seedMessages(path.join(dataDir, "im"));
    console.log(`  seeded ${messages.toLocaleString("en")} messages in ${groupIds.length} groups (${seconds.toFixed(1)} s)`);
    launcher = await startConsole({ port, imPort, dataDir, admin, requestLog: path.join(dataDir, "im-requests.log") });
    const session = await signIn(launcher.base, admin.email, admin.password);
    const pick = (i: number) => encodeURIComponent(groupIds[(i * 7919) % groupIds.length]);
    const newest = (i: number) => session.get<MessagePage>(`/api/groups/${pick(i)}/messages?limit=20`);
    const further = async (i: number) => {
      const first = await newest(i);
      const t0 = performance.now();
      await session.get(`/api/groups/${pick(i)}/messages?limit=20&cursor=${encodeURIComponent(first.nextCursor ?? "")}`);
      return performance.now() - t0;
    };
    const bySender = (i: number) => session.get(`/api/groups/${pick(i)}/messages?limit=20&sender=${SENDERS[i % SENDERS.length]}`);

    await sample(20, 1, newest); // warm-up: the first reads of each kind compile and fill caches
    const first = summarize(await sample(300, 1, newest));
    const back: number[] = [];
    for (let i = 0; i < 200; i++) back.push(await further(i + 1000));
    const older = summarize(back);
    const sender = summarize(await sample(50, 1, bySender));
    printTable([
      ["call", "n", "p50", "p95"],
      ["GET /api/groups/{id}/messages?limit=20 (newest page)", first.n, ms(first.p50), ms(first.p95)],
      ["… &cursor= (the next page back)", older.n, ms(older.p50), ms(older.p95)],
      ["… &sender= (a sender's within the newest 1,000)", sender.n, ms(sender.p50), ms(sender.p95)],
    ]);
    const worst = Math.max(first.p95, older.p95);
    return [
      {
        what: "message history page of 20 at 1,000,000 messages, p95 (worst of newest and older)",
        figure: ms(worst),
        goal: "≤ 50 ms",
        met: worst <= 50,
      },
    ];
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    if (launcher) await stopGroup(launcher.service);
    if (failed) console.error(`kept the message history run's data in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}
