import "server-only";
import { log } from "@/lib/server/platform/log";

/**
 * Webhooks received, counted by command and logged in one line every so often instead of one line each: in a
 * storm of webhooks, a line each was about 15% of the CPU the console's own code spent per webhook (docs/webhooks.md § A bounded
 * door). What needs a look still has its own line: refusals, replays, failures, a rule refusing at the door.
 */
export const TALLY_EVERY_MS = 10_000;

type Tally = { since: number; counts: Map<string, number>; timer?: NodeJS.Timeout };
const holder = globalThis as typeof globalThis & { __webhookTally?: Tally };

/** `command` only when the console knows it (a sender could write anything there): others are counted as "other". */
export function countWebhook(command: string | null, write: typeof log = log): void {
  const tally: Tally = (holder.__webhookTally ??= { since: Date.now(), counts: new Map<string, number>() });
  const key = command ?? "other";
  tally.counts.set(key, (tally.counts.get(key) ?? 0) + 1);
  if (tally.timer) return;
  tally.timer = setTimeout(() => {
    write("info", "webhooks received", {
      route: "/api/im/callback",
      seconds: Math.round((Date.now() - tally.since) / 1000),
      byCommand: Object.fromEntries(tally.counts),
    });
    holder.__webhookTally = undefined;
  }, TALLY_EVERY_MS);
  // A tally never keeps a stopping process alive.
  tally.timer.unref?.();
}
