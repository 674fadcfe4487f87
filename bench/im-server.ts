// npm run bench:im — the local IM server at 100,000 groups and 1,000,000 memberships, measured over HTTP
// with the real protocol (admin UserSig): listing, profile reads, creation, application handling, memory.
// Goals: get_group_info (50 IDs) p95 ≤ 5 ms; RSS ≤ 300 MB. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GROUP_INFO_FILTER } from "../lib/im/group-wire";
import { imCaller } from "./lib/im-rest";
import { describeMachine } from "./lib/machine";
import { rssMb, startGroup, stopGroup, waitForHttp } from "./lib/processes";
import { seedImData } from "./lib/seed-im";
import { ms, printGoals, printTable, sample, summarize, timed } from "./lib/stats";

const PORT = Number(process.env.BENCH_IM_PORT ?? 5710);
const IM = { sdkAppId: 1400000000, secretKey: "bench-secret-key-0123456789abcdef", adminId: "administrator" };

async function main() {
  console.log(`IM server benchmark — ${describeMachine()}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), "group-console-bench-im-"));
  let server: ReturnType<typeof startGroup> | undefined;
  try {
    const seeded = seedImData(dataDir);
    console.log(
      `seeded ${seeded.groupIds.length} groups, ${seeded.accountIds.length} accounts, 1,000,000 memberships, ${seeded.pendingIds.length} pending applications in ${seeded.seconds.toFixed(1)} s`,
    );

    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      IM_DATA_DIR: dataDir,
      IM_SERVER_PORT: String(PORT),
      IM_SECRET_KEY: IM.secretKey,
      IM_SDKAPPID: String(IM.sdkAppId),
      IM_ADMIN_ID: IM.adminId,
      IM_DEMO: "0",
      IM_SIMULATOR_RATE: "0",
      IM_STRICT_TENCENT: "0",
      IM_CALLBACK_URL: "",
      IM_LOG_LEVEL: "warn",
    };
    server = startGroup("IM server", ["--import", "tsx", "im-server/src/main.ts"], env, path.join(dataDir, "im-server.log"));
    const base = `http://127.0.0.1:${PORT}`;
    await waitForHttp(`${base}/health`, 60, server);
    const call = imCaller(base, IM);
    const { groupIds, accountIds, pendingIds } = seeded;
    const randomIds = (n: number) => Array.from({ length: n }, () => groupIds[Math.floor(Math.random() * groupIds.length)]);

    // Whole listing walks, 1,000 IDs a page, following Next.
    const listTimes: number[] = [];
    for (let walk = 0; walk < 2; walk++) {
      let next = "0";
      do {
        const started = performance.now();
        const page = await call("group_open_http_svc/get_appid_group_list", { Limit: 1000, Next: next });
        listTimes.push(performance.now() - started);
        next = String(page.Next);
      } while (next !== "0");
    }
    // Interleaved, so the machine's noise falls on all three alike; account_check of one account is the floor
    // any command pays (HTTP, UserSig check, envelope) at this moment on this machine.
    const [infoTimes, filteredTimes, floorTimes]: number[][] = [[], [], []];
    for (let i = 0; i < 2050; i++) {
      const whole = await timed(() => call("group_open_http_svc/get_group_info", { GroupIdList: randomIds(50) }));
      const filtered = await timed(() =>
        call("group_open_http_svc/get_group_info", { GroupIdList: randomIds(50), ResponseFilter: GROUP_INFO_FILTER }),
      );
      const floor = await timed(() =>
        call("im_open_login_svc/account_check", { CheckItem: [{ UserID: accountIds[i % accountIds.length] }] }),
      );
      if (i < 50) continue;
      infoTimes.push(whole);
      filteredTimes.push(filtered);
      floorTimes.push(floor);
    }
    const createTimes = await sample(500, 1, (i) =>
      call("group_open_http_svc/create_group", {
        Type: "Public",
        Name: `Bench group ${i}`,
        Owner_Account: accountIds[i % accountIds.length],
      }),
    );
    const handleTimes = await sample(1000, 1, (i) =>
      call("group_open_http_svc/handle_group_application", {
        ApplicationId: String(pendingIds[i]),
        Decision: i % 2 ? "Reject" : "Agree",
        HandleMsg: "bench",
      }),
    );
    const rss = rssMb(server.child.pid!);

    const rows = [
      ["get_appid_group_list (Limit 1000, whole listing ×2)", listTimes],
      ["get_group_info (50 random IDs, whole answer)", infoTimes],
      ["get_group_info (50 random IDs, the console's filter)", filteredTimes],
      ["account_check (1 account): the floor, for comparison", floorTimes],
      ["create_group (Public, with owner)", createTimes],
      ["handle_group_application (agree/reject)", handleTimes],
    ] as const;
    console.log("");
    printTable([
      ["command (sequential, keep-alive)", "n", "p50", "p95", "max"],
      ...rows.map(([name, t]) => {
        const s = summarize([...t]);
        return [name, s.n, ms(s.p50), ms(s.p95), ms(s.max)];
      }),
    ]);
    console.log("");
    const info = summarize(infoTimes);
    printGoals([
      { what: "get_group_info (50, whole answer) p95", figure: ms(info.p95), goal: "≤ 5 ms", met: info.p95 <= 5 },
      { what: "IM server RSS after the run", figure: `${rss.toFixed(0)} MB`, goal: "≤ 300 MB", met: rss <= 300 },
    ]);
  } finally {
    if (server) await stopGroup(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
