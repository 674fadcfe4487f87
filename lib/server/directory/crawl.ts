import "server-only";
import { ImError } from "@/lib/im/errors";
import type { ImGateway } from "@/lib/im/gateway";
import { leaseHolder, releaseLease, takeLease } from "@/lib/server/platform/lease";
import { onShutdown } from "@/lib/server/platform/shutdown";
import type { Store } from "@/lib/server/store/store";
import { log } from "@/lib/server/platform/log";
import { readState, removeUnseen, tidyAfterCrawl, upsertGroups, writeState } from "./repo";
import type { DirectoryStatus } from "@/lib/schemas/directory";

// Tencent allows get_appid_group_list once a second and up to 10,000 IDs a call: the biggest page keeps a
// 100,000-group crawl to a few calls (at 1,000 a page the listing alone took 100 s).
const ID_PAGE = 10_000;

/** What `GET /api/directory` answers; the browser reads the same type. */
export type CrawlStatus = DirectoryStatus;

// With several console instances, one crawls at a time: whoever holds this lease, renewed after every page.
const LEASE = "directory.crawl";
const LEASE_MS = 2 * 60 * 1000;

type CrawlState = { promise: Promise<boolean> | null; status: CrawlStatus; holderId: string };
const holder = globalThis as typeof globalThis & { __directoryCrawl?: CrawlState };
const crawlState = () =>
  (holder.__directoryCrawl ??= {
    promise: null,
    status: { running: false, seen: 0, total: null, lastFullCrawlAt: null, error: null },
    holderId: crypto.randomUUID(),
  });

/**
 * Who may crawl: with SQLite, the one process that owns the file (a fixed name, so a restart after a crash
 * takes its own lease back at once); with PostgreSQL, this process among the instances.
 */
const holderOf = (db: Store) => (db.dialect === "sqlite" ? "the-sqlite-process" : crawlState().holderId);

/** This process's crawl, or another instance's (then only "running" is known here). */
export async function crawlStatus(db: Store): Promise<CrawlStatus> {
  const { status } = crawlState();
  const holderId = holderOf(db);
  const elsewhere = !status.running && ((await leaseHolder(db, LEASE)) ?? holderId) !== holderId;
  return { ...status, running: status.running || elsewhere, lastFullCrawlAt: await readState(db, "crawl.lastFullAt") };
}

class LeaseLost extends Error {
  readonly name = "LeaseLost";
}

/**
 * Fill the directory from the IM server: every group ID page by page, then profiles in batches of 50.
 * The cursor is saved after each page, so a crawl cut short by a restart resumes where it stopped; only a
 * complete crawl may remove groups it did not see. One crawl at a time, among all instances: answers false
 * when another instance holds the crawl (its results land in the same store). `afterCrawl` runs once the
 * groups are in (the caller recounts pending applications there: they live in a feature above this one).
 */
export function crawlDirectory(db: Store, im: ImGateway, afterCrawl: () => Promise<void> = async () => undefined): Promise<boolean> {
  const state = crawlState();
  if (state.promise) return state.promise;
  state.promise = run(db, im, afterCrawl).finally(() => {
    state.promise = null;
  });
  return state.promise;
}

async function run(db: Store, im: ImGateway, afterCrawl: () => Promise<void>): Promise<boolean> {
  const { status } = crawlState();
  const holderId = holderOf(db);
  if (!(await takeLease(db, LEASE, holderId, LEASE_MS))) return false;
  // A stopping instance hands the crawl on at once rather than after the lease lapses.
  const forget = onShutdown(() => void releaseLease(db, LEASE, holderId).catch(() => undefined));
  try {
    await crawlHoldingLease(db, im, status, afterCrawl, async () => {
      if (!(await takeLease(db, LEASE, holderId, LEASE_MS))) throw new LeaseLost("another console instance took over the directory crawl");
    });
    return true;
  } finally {
    forget();
    await releaseLease(db, LEASE, holderId).catch(() => undefined);
  }
}

/** How long another instance's crawl may hold the lease without renewing it. */
export const CRAWL_LEASE_MS = LEASE_MS;

async function crawlHoldingLease(
  db: Store,
  im: ImGateway,
  status: CrawlStatus,
  afterCrawl: () => Promise<void>,
  renewLease: () => Promise<void>,
) {
  const resumeFrom = await readState(db, "crawl.next");
  const saved = Number((await readState(db, "crawl.generation")) ?? 0);
  const generation = resumeFrom ? saved : saved + 1;
  await writeState(db, "crawl.generation", String(generation));
  // A resumed crawl counts on from what the cut-short one had seen, so its progress reads as one crawl.
  const seenBefore = resumeFrom ? Number((await readState(db, "crawl.seen")) ?? 0) : 0;
  Object.assign(status, { running: true, seen: seenBefore, total: null, error: null, resumed: resumeFrom !== null });
  try {
    let next = resumeFrom ?? "0";
    do {
      const page = await im.listGroupIds({ limit: ID_PAGE, next: next === "0" ? undefined : next }).catch(async (err: unknown) => {
        // A saved cursor the IM server refuses (too old, another server) would fail every crawl: start over next time.
        if (next === resumeFrom && err instanceof ImError && !err.unavailable && !err.rateLimited && !err.badSignature)
          await writeState(db, "crawl.next", null);
        throw err;
      });
      status.total = page.total;
      await readIntoStore(db, im, page.ids, generation, status);
      next = page.next;
      await writeState(db, "crawl.next", next === "0" ? null : next);
      await writeState(db, "crawl.seen", next === "0" ? null : String(status.seen));
      await renewLease();
    } while (next !== "0");
    await removeUnseen(db, generation);
    await tidyAfterCrawl(db).catch((err: unknown) => log("warn", "directory tidy-up after the crawl failed", { error: err }));
    await afterCrawl();
    await writeState(db, "crawl.lastFullAt", new Date().toISOString());
  } catch (err) {
    status.error = err instanceof ImError ? `${err.code} ${err.info}` : String(err);
    throw err;
  } finally {
    status.running = false;
  }
}

// A page of 10,000 IDs is read and stored 500 groups at a time, by a few readers at once: the gateway's rate limit
// (200 reads a second) paces them, and no more than READERS × READ_CHUNK profiles are held at any moment (holding
// a whole page of profiles before writing it was what a 1,000,000-group crawl's memory peaked on).
const READ_CHUNK = 500;
const READERS = 4;

async function readIntoStore(db: Store, im: ImGateway, ids: string[], generation: number, status: CrawlStatus): Promise<void> {
  let next = 0;
  const reader = async () => {
    while (next < ids.length) {
      const chunk = ids.slice(next, (next += READ_CHUNK));
      const readAt = new Date().toISOString();
      await upsertGroups(db, await im.getGroups(chunk), generation, readAt);
      status.seen += chunk.length;
    }
  };
  await Promise.all(Array.from({ length: READERS }, reader));
}
