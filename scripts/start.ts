// npm start — builds the console (next build, then the standalone directory), then starts what
// `node dist/standalone/start.js` starts: the local IM server (embedded mode) and the console.
//   --dev        next dev and the IM server from source instead
//   SKIP_BUILD=1 reuse the existing build (the tests build once, then start many times)
import { createRequire } from "node:module";
import path from "node:path";
import { launch } from "./launch/launcher";
import { run } from "./launch/processes";
import { standalonePlan } from "./launch/standalone-plan";
import { STANDALONE_DIR } from "./standalone/paths";

const dev = process.argv.includes("--dev");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

if (dev)
  launch({
    imServer: { command: process.execPath, args: ["--import", "tsx", "im-server/src/main.ts"] },
    console: (port) => ({ command: process.execPath, args: [nextBin, "dev", "-H", "127.0.0.1", "-p", String(port)] }),
    upgrades: true,
  });
else
  launch({
    ...standalonePlan(path.resolve(STANDALONE_DIR)),
    prepare: async (env) => {
      if (env.SKIP_BUILD !== "1") await run("npm", ["run", "build"], env);
    },
  });
