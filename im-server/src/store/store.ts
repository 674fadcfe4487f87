// The IM server's SQLite store: one file in the data directory, WAL so readers never wait on the
// writer, and every mutation inside one transaction so a crash (even kill -9) leaves it consistent.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import { AccountsRepo } from "./accounts-repo";
import { ApplicationsRepo } from "./applications-repo";
import { BansRepo } from "./bans-repo";
import { EventsRepo } from "./events-repo";
import { GroupsRepo } from "./groups-repo";
import { MembersRepo } from "./members-repo";
import { MessagesRepo } from "./messages-repo";
import { migrate } from "./migrations";

export const DATABASE_FILE = "im.sqlite";

export class Store {
  readonly accounts: AccountsRepo;
  readonly groups: GroupsRepo;
  readonly members: MembersRepo;
  readonly applications: ApplicationsRepo;
  readonly events: EventsRepo;
  readonly messages: MessagesRepo;
  readonly bans: BansRepo;

  constructor(readonly db: Database) {
    this.accounts = new AccountsRepo(db);
    this.groups = new GroupsRepo(db);
    this.members = new MembersRepo(db);
    this.applications = new ApplicationsRepo(db);
    this.events = new EventsRepo(db);
    this.messages = new MessagesRepo(db);
    this.bans = new BansRepo(db);
  }

  /** Runs `fn` in an IMMEDIATE transaction: the write lock is taken up front, so no upgrade deadlock. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /**
   * Runs `fn`'s reads in one (deferred) read transaction: one snapshot, and one WAL read lock instead of one
   * per statement. Taking that lock costs more than a cached lookup, so a read of 100 statements (get_group_info
   * of 50 groups) spends most of its time locking without it.
   */
  read<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred();
  }

  isEmpty(): boolean {
    return this.accounts.count() === 0 && this.groups.count() === 0;
  }

  /** Wipes every row and restarts the id sequences (test mode's reset). */
  wipe(): void {
    this.tx(() => {
      for (const table of ["events", "notices", "group_messages", "bans", "applications", "mutes", "members", "groups", "accounts"]) {
        this.db.exec(`DELETE FROM ${table}`);
      }
      this.db.exec("DELETE FROM sqlite_sequence");
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function openStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  db.pragma("journal_mode = WAL");
  // NORMAL is crash-safe in WAL mode (a process kill loses nothing committed); only a power cut
  // may lose the last transactions, never consistency.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return new Store(db);
}
