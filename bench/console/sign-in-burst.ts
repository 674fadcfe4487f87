// The sign-in burst (npm run bench:sign-in, and part of npm run bench): what 20 sign-ins at once cost everyone else,
// with password hashes verified by bcryptjs (before: pure JavaScript on the main thread) and by scrypt (after: Node's
// crypto, on libuv's thread pool), side by side in one run:
//   1. in this process: 20 verifications at once, and the event loop's delay meanwhile;
//   2. against the console as it runs (the launcher, production build): 20 sign-ins at once for users whose stored
//      hash is bcrypt (they sign in as before: bcryptjs compare on the main thread, then an upgrade to scrypt off
//      it) and then for the same users again, now on scrypt; meanwhile a bystander asks GET /api/me every 20 ms.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import Database from "better-sqlite3";
import bcrypt from "bcryptjs";
import { hashPassword, verifyPassword } from "../../lib/server/users/passwords";
import { startConsole } from "../lib/console-server";
import { signIn } from "../lib/console-session";
import { stopGroup } from "../lib/processes";
import { ms, printTable, sample, summarize, type Goal } from "../lib/stats";

const PARALLEL = 20;
const PASSWORD = "bench-user-password";

async function loopDelayDuring(work: () => Promise<unknown>) {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const started = performance.now();
  await work();
  const wall = performance.now() - started;
  h.disable();
  return { wall, p50: h.percentile(50) / 1e6, p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
}

async function inProcess() {
  const bcryptHash = bcrypt.hashSync(PASSWORD, 12);
  const scryptHash = await hashPassword(PASSWORD);
  const rows: (string | number)[][] = [["hash", "20 at once: wall", "event-loop delay p50", "p99", "max"]];
  let scryptMax = NaN;
  for (const [name, hash] of [
    ["bcryptjs, cost 12 (before)", bcryptHash],
    ["scrypt N=2^15 r=8 p=3 (after)", scryptHash],
  ] as const) {
    const d = await loopDelayDuring(() => Promise.all(Array.from({ length: PARALLEL }, () => verifyPassword(PASSWORD, hash))));
    rows.push([name, ms(d.wall), ms(d.p50), ms(d.p99), ms(d.max)]);
    if (hash === scryptHash) scryptMax = d.max;
  }
  printTable(rows);
  return scryptMax;
}

async function againstConsole(port: number) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "group-console-signin-bench-"));
  const admin = { email: "bench@example.com", password: "bench-admin-password" };
  const launcher = await startConsole({ port, imPort: port + 2000, dataDir, admin, requestLog: path.join(dataDir, "im.log") });
  try {
    const adminSession = await signIn(launcher.base, admin.email, admin.password);
    const emails = Array.from({ length: PARALLEL }, (_, i) => `signin-bench-${i}@example.com`);
    for (const email of emails) await adminSession.post("/api/users", { email, password: PASSWORD, role: "viewer" });
    // Give them hashes from before (bcrypt, cost 12), as after an upgrade of the console.
    const db = new Database(path.join(dataDir, "console.sqlite"));
    const legacy = bcrypt.hashSync(PASSWORD, 12);
    for (const email of emails) db.prepare("UPDATE users SET password_hash = ? WHERE email = ?").run(legacy, email);
    db.close();

    const rows: (string | number)[][] = [["stored hash", "sign-in p50", "p95", "max", "bystander GET /api/me p50", "p95", "max"]];
    let bystanderP95 = NaN;
    for (const label of ["bcrypt (before; upgraded on the way)", "scrypt (after)"]) {
      const bystander: number[] = [];
      let running = true;
      const probe = (async () => {
        while (running) {
          const t = performance.now();
          await adminSession.get("/api/me");
          bystander.push(performance.now() - t);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const times = await sample(PARALLEL, PARALLEL, (i) => signIn(launcher.base, emails[i], PASSWORD));
      running = false;
      await probe;
      const s = summarize(times);
      const b = summarize(bystander);
      rows.push([label, ms(s.p50), ms(s.p95), ms(s.max), ms(b.p50), ms(b.p95), ms(b.max)]);
      bystanderP95 = b.p95;
    }
    printTable(rows);
    return bystanderP95;
  } finally {
    await stopGroup(launcher.service);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Both parts, and the goals of the sign-in issue: hashing never stalls the event loop, and a burst of sign-ins
 * leaves everyone else's requests quick (`load` is printed beside each part by the caller's function).
 */
export async function signInGoals(port: number, describe: (what: string) => void = console.log): Promise<Goal[]> {
  describe(`[sign-in, in process] ${PARALLEL} password verifications at once`);
  const stall = await inProcess();
  describe(`[sign-in, console] ${PARALLEL} parallel sign-ins through the launcher's production build`);
  const bystander = await againstConsole(port);
  return [
    { what: "sign-in: event-loop stall during 20 scrypt checks", figure: ms(stall), goal: "≤ 50 ms", met: stall <= 50 },
    { what: "sign-in burst: bystander GET /api/me p95", figure: ms(bystander), goal: "≤ 100 ms", met: bystander <= 100 },
  ];
}
