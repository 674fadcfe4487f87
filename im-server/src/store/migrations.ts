// Schema versions, applied in order and tracked in SQLite's user_version. Append, never edit.
import type { Database } from "better-sqlite3";

const MIGRATIONS: string[] = [
  // 1: the whole group system, shaped for every command from the start.
  `
  CREATE TABLE accounts (
    user_id    TEXT PRIMARY KEY,
    nick       TEXT NOT NULL DEFAULT '',
    face_url   TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
  );

  -- seq orders groups by creation and feeds the get_appid_group_list cursor; AUTOINCREMENT so a
  -- cursor never points at a reused number. Dismissed groups keep their row (dismissed_at set) so
  -- their applications and the reason stay answerable.
  CREATE TABLE groups (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id           TEXT NOT NULL UNIQUE,
    type               TEXT NOT NULL,
    name               TEXT NOT NULL,
    introduction       TEXT NOT NULL DEFAULT '',
    notification       TEXT NOT NULL DEFAULT '',
    face_url           TEXT NOT NULL DEFAULT '',
    owner              TEXT REFERENCES accounts(user_id),
    max_members        INTEGER NOT NULL,
    apply_join_option  TEXT NOT NULL,
    invite_join_option TEXT NOT NULL,
    mute_all           INTEGER NOT NULL DEFAULT 0,
    support_topic      INTEGER NOT NULL DEFAULT 0,
    app_defined_data   TEXT NOT NULL DEFAULT '[]',
    info_seq           INTEGER NOT NULL DEFAULT 1,
    created_at         INTEGER NOT NULL,
    last_info_time     INTEGER NOT NULL,
    last_active_at     INTEGER NOT NULL,
    dismissed_at       INTEGER,
    dismiss_reason     TEXT CHECK (dismiss_reason IN ('dismissed', 'recycled'))
  );
  CREATE INDEX groups_live_by_type ON groups(type, seq) WHERE dismissed_at IS NULL;
  CREATE INDEX groups_activity ON groups(last_active_at) WHERE dismissed_at IS NULL;

  CREATE TABLE members (
    group_id                TEXT NOT NULL REFERENCES groups(group_id) ON DELETE CASCADE,
    user_id                 TEXT NOT NULL REFERENCES accounts(user_id),
    role                    TEXT NOT NULL CHECK (role IN ('Owner', 'Admin', 'Member')),
    joined_at               INTEGER NOT NULL,
    mute_until              INTEGER NOT NULL DEFAULT 0,
    name_card               TEXT NOT NULL DEFAULT '',
    msg_flag                TEXT NOT NULL DEFAULT 'AcceptAndNotify',
    app_member_defined_data TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (group_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX members_by_user ON members(user_id);
  CREATE INDEX members_by_join ON members(group_id, joined_at, user_id);

  -- A mute outlives membership (reference §3.13: it persists when the user leaves and rejoins);
  -- members.mute_until is the copy the member object shows while they are in.
  CREATE TABLE mutes (
    group_id   TEXT NOT NULL REFERENCES groups(group_id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL,
    mute_until INTEGER NOT NULL,
    PRIMARY KEY (group_id, user_id)
  ) WITHOUT ROWID;

  CREATE TABLE applications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id   TEXT NOT NULL REFERENCES groups(group_id) ON DELETE CASCADE,
    requester  TEXT NOT NULL REFERENCES accounts(user_id),
    message    TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
    created_at INTEGER NOT NULL,
    handled_by TEXT,
    handled_at INTEGER,
    reason     TEXT
  );
  CREATE INDEX applications_newest ON applications(created_at DESC, id DESC);
  CREATE INDEX applications_by_group ON applications(group_id, status);
  -- One open application per user and group: re-applying refreshes it instead of piling up.
  CREATE UNIQUE INDEX applications_one_pending ON applications(group_id, requester) WHERE status = 'pending';

  -- One-to-one messages (openim/sendmsg) and group system notifications, kept per recipient.
  CREATE TABLE notices (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('c2c', 'group_system')),
    from_account TEXT NOT NULL,
    group_id     TEXT,
    content      TEXT NOT NULL,
    msg_time     INTEGER NOT NULL,
    msg_key      TEXT NOT NULL
  );
  CREATE INDEX notices_by_user ON notices(user_id, id);

  -- Listener events per user for the client API; the id is the SSE event id used for replay.
  CREATE TABLE events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    TEXT NOT NULL,
    name       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX events_by_user ON events(user_id, id);
  CREATE INDEX events_by_age ON events(created_at);
  `,
  // An applicant's history across groups (get_group_application_list with Requestor_Account).
  `
  CREATE INDEX applications_by_requester ON applications(requester, created_at DESC, id DESC);
  `,
  // Group messages (send_group_msg, group_msg_get_simple, recall, purge by sender) and bans.
  // Each group numbers its own messages: groups.msg_seq is the last seq handed out, so an AVChatRoom
  // (which keeps no history) still answers increasing MsgSeqs. History is read newest first by
  // (group_id, seq); the purge walks a sender's messages within the group's latest 1000.
  `
  ALTER TABLE groups ADD COLUMN msg_seq INTEGER NOT NULL DEFAULT 0;

  CREATE TABLE group_messages (
    id           INTEGER PRIMARY KEY,
    group_id     TEXT NOT NULL REFERENCES groups(group_id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    from_account TEXT NOT NULL,
    random       INTEGER NOT NULL,
    priority     INTEGER NOT NULL DEFAULT 2,
    body         TEXT NOT NULL,
    -- sha1 of sender + body: with random, what makes a resend within 5 minutes a duplicate.
    digest       TEXT NOT NULL,
    msg_time     INTEGER NOT NULL,
    msg_key      TEXT NOT NULL,
    recalled     INTEGER NOT NULL DEFAULT 0
  );
  CREATE UNIQUE INDEX group_messages_by_seq ON group_messages(group_id, seq);
  CREATE INDEX group_messages_by_random ON group_messages(group_id, random);

  -- A ban outlives membership (the banned are removed and kept out); lapsed rows are ignored, not swept.
  CREATE TABLE bans (
    group_id     TEXT NOT NULL REFERENCES groups(group_id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    banned_until INTEGER NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    banned_at    INTEGER NOT NULL,
    PRIMARY KEY (group_id, user_id)
  ) WITHOUT ROWID;
  `,
  // Live groups per type, kept by triggers: get_appid_group_list answers TotalCount on every page, and counting
  // a million rows each time cost ~100 ms. Triggers keep it right whatever writes the groups (commands, the
  // recycler, a bench seeding straight into the store, the test reset).
  `
  CREATE TABLE live_group_counts (type TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
  INSERT INTO live_group_counts (type, n) SELECT type, COUNT(*) FROM groups WHERE dismissed_at IS NULL GROUP BY type;
  CREATE TRIGGER live_group_counts_insert AFTER INSERT ON groups WHEN NEW.dismissed_at IS NULL BEGIN
    INSERT INTO live_group_counts (type, n) VALUES (NEW.type, 1) ON CONFLICT (type) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER live_group_counts_delete AFTER DELETE ON groups WHEN OLD.dismissed_at IS NULL BEGIN
    UPDATE live_group_counts SET n = n - 1 WHERE type = OLD.type;
  END;
  CREATE TRIGGER live_group_counts_update AFTER UPDATE OF type, dismissed_at ON groups BEGIN
    UPDATE live_group_counts SET n = n - 1 WHERE type = OLD.type AND OLD.dismissed_at IS NULL;
    INSERT INTO live_group_counts (type, n) SELECT NEW.type, 1 WHERE NEW.dismissed_at IS NULL
      ON CONFLICT (type) DO UPDATE SET n = n + 1;
  END;
  `,
];

export function migrate(db: Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`the IM data directory has schema version ${current}, newer than this server (${MIGRATIONS.length})`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
