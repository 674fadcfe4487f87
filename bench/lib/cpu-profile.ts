// BENCH_CPU_PROF=<dir>: a CPU profile of the console's Next server (…/server.js) and of the launcher in front of it,
// from start to exit, written to <dir>/console-<pid>.cpuprofile and <dir>/launcher-<pid>.cpuprofile. Node 20 refuses
// --cpu-prof in NODE_OPTIONS and the launcher starts Next itself, so a small preload (NODE_OPTIONS=--require) starts
// the inspector's profiler instead; the other processes that inherit the variable (the IM server) do nothing with it.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const PRELOAD = `
const { Session } = require("node:inspector");
const { writeFileSync } = require("node:fs");
const dir = process.env.BENCH_CPU_PROF;
// Next's server, or the launcher (its front proxy passes every request on to Next).
const role = /[\\\\/]server\\.js$/.test(process.argv[1] || "") ? "console" : /[\\\\/]start\\.(ts|js)$/.test(process.argv[1] || "") ? "launcher" : null;
if (dir && role) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  // The inspector answers in-process calls at once: the profile is written before the exit completes.
  process.on("exit", () =>
    session.post("Profiler.stop", (err, result) => {
      if (!err) writeFileSync(require("node:path").join(dir, role + "-" + process.pid + ".cpuprofile"), JSON.stringify(result.profile));
    }),
  );
}
`;

/** Makes the console started after this call (it inherits process.env) write its CPU profile into `dir`. */
export function profileConsoleInto(dir: string): void {
  const abs = path.resolve(dir);
  mkdirSync(abs, { recursive: true });
  const preload = path.join(abs, "cpu-profile-preload.cjs");
  writeFileSync(preload, PRELOAD);
  process.env.BENCH_CPU_PROF = abs;
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --require ${preload}`.trim();
}
