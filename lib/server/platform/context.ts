import "server-only";
import path from "node:path";
import { createImGateway, type ImGateway } from "@/lib/im/gateway";
import { getEnv } from "./env";
import { observeIm } from "./im-observer";
import { openStore } from "@/lib/server/store/open-store";
import type { Store } from "@/lib/server/store/store";

type Context = { db: Store; im: ImGateway };

// Next may evaluate this module in several bundles of one process; keep one store and one gateway
// (one rate budget) per process.
const holder = globalThis as typeof globalThis & { __groupConsole?: Context };

/** Closes the store if this process opened it (at exit, after the last request). */
export async function closeContext(): Promise<void> {
  await holder.__groupConsole?.db.close();
}

export function getContext(): Context {
  if (!holder.__groupConsole) {
    const env = getEnv();
    holder.__groupConsole = {
      db: openStore({ databaseUrl: env.databaseUrl, sqliteFile: path.join(env.dataDir, "console.sqlite") }),
      im: createImGateway({ ...env.im, observe: observeIm }),
    };
  }
  return holder.__groupConsole;
}
