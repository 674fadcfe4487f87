// The second half of `npm run build`: dist/standalone/ holds the console and the local IM server with only their
// runtime dependencies, started with `node dist/standalone/start.js`.
//   - Next's standalone output: server.js, the traced node_modules, the server build;
//   - what that output leaves out: the browser's files (<distDir>/static) and public/;
//   - start.js (the launcher) and im-server.js (the local IM server), bundled here. Bundling resolves the
//     `react-server` condition once, so `server-only` needs no flag at run time; native better-sqlite3 and pg
//     stay outside, found in the traced node_modules.
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { build, type BuildOptions } from "esbuild";
import { NEXT_DIST_DIR, STANDALONE_DIR } from "./paths";

const out = path.resolve(STANDALONE_DIR);
const nextOut = path.resolve(NEXT_DIST_DIR, "standalone");
if (!existsSync(path.join(nextOut, "server.js")))
  throw new Error(`${nextOut}/server.js is missing: next build did not make a standalone output`);

rmSync(out, { recursive: true, force: true });
cpSync(nextOut, out, { recursive: true, verbatimSymlinks: true });
cpSync(path.resolve(NEXT_DIST_DIR, "static"), path.join(out, NEXT_DIST_DIR, "static"), { recursive: true });
if (existsSync("public")) cpSync("public", path.join(out, "public"), { recursive: true });

// The bundles are ES modules (the package is "type": "module"); CommonJS dependencies get a require.
const common: BuildOptions = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["react-server"],
  external: ["better-sqlite3", "pg", "pg-native"],
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  logLevel: "warning",
  legalComments: "none",
};
await build({ ...common, entryPoints: ["scripts/standalone/start.ts"], outfile: path.join(out, "start.js") });
await build({ ...common, entryPoints: ["im-server/src/main.ts"], outfile: path.join(out, "im-server.js") });

for (const pkg of ["better-sqlite3", "pg"])
  if (!existsSync(path.join(out, "node_modules", pkg))) throw new Error(`${pkg} is missing from the standalone node_modules`);

const bytes = (p: string): number =>
  statSync(p).isDirectory() ? readdirSync(p).reduce((n, f) => n + bytes(path.join(p, f)), 0) : statSync(p).size;
console.log(
  `standalone: ${path.relative(process.cwd(), out)} (${(bytes(out) / 1024 / 1024).toFixed(1)} MB); start it with node ${path.relative(process.cwd(), out)}/start.js`,
);
