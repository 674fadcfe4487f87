// npm run bench:sign-in — what a burst of 20 parallel sign-ins costs everyone else, with password hashes verified
// by bcryptjs (before: pure JavaScript on the main thread) and by scrypt (after: Node's crypto, on libuv's thread
// pool), side by side in one run:
//   1. in this process: 20 verifications at once, and the event loop's delay meanwhile;
//   2. against the console as it runs (the launcher, production build): 20 sign-ins at once for users whose stored
//      hash is bcrypt (they sign in as before: bcryptjs compare on the main thread, then an upgrade to scrypt off
//      it) and then for the same users again, now on scrypt; meanwhile a bystander asks GET /api/me every 20 ms.
// Prints figures; asserts nothing (shared machines are noisy: read the ratios).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import Database from "better-sqlite3";
import bcrypt from "bcryptjs";
import { hashPassword, verifyPassword } from "../lib/server/users/passwords";
import { startConsole } from "./lib/console-server";
import { signIn } from "./lib/console-session";
import { describeMachine, load } from "./lib/machine";
import { stopGroup } from "./lib/processes";
import { ms, printTable, sample, summarize } from "./lib/stats";

const PARALLEL = 20;
const PASSWORD = "bench-user-password";
const PORT = Number(process.env.BENCH_PORT ?? 3750);

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
  for (const [name, hash] of [
    ["bcryptjs, cost 12 (before)", bcryptHash],
    ["scrypt N=2^15 r=8 p=3 (after)", scryptHash],
  ] as const) {
    const d = await loopDelayDuring(() => Promise.all(Array.from({ length: PARALLEL }, () => verifyPassword(PASSWORD, hash))));
    rows.push([name, ms(d.wall), ms(d.p50), ms(d.p99), ms(d.max)]);
  }
  printTable(rows);
}

async function againstConsole() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "group-console-signin-bench-"));
  const admin = { email: "bench@example.com", password: "bench-admin-password" };
  const launcher = await startConsole({ port: PORT, imPort: PORT + 2000, dataDir, admin, requestLog: path.join(dataDir, "im.log") });
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
    }
    printTable(rows);
  } finally {
    await stopGroup(launcher.service);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`Sign-in benchmark — ${describeMachine()}`);
  console.log(`\n[in process] ${PARALLEL} password verifications at once — ${load()}`);
  await inProcess();
  console.log(`\n[console] ${PARALLEL} parallel sign-ins through the launcher's production build — ${load()}`);
  await againstConsole();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
