// Longer than 250 lines: every schema step since the first, in order, in one list (a step is never edited or moved).
/** Ordered schema steps; `PRAGMA user_version` records how many have run. Never edit a shipped step. */
export const SQLITE_MIGRATIONS: string[] = [
  `CREATE TABLE users (
     id            INTEGER PRIMARY KEY,
     email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
     name          TEXT NOT NULL DEFAULT '',
     role          TEXT NOT NULL CHECK (role IN ('admin','moderator','viewer')),
     password_hash TEXT NOT NULL,
     disabled      INTEGER NOT NULL DEFAULT 0,
     locale        TEXT,
     theme         TEXT,
     created_at    TEXT NOT NULL
   );
   CREATE TABLE audit (
     id          INTEGER PRIMARY KEY,
     at          TEXT NOT NULL,
     actor_id    INTEGER,
     actor_email TEXT NOT NULL,
     action      TEXT NOT NULL,
     group_id    TEXT,
     target      TEXT,
     before      TEXT,
     after       TEXT,
     result      TEXT,
     request_id  TEXT NOT NULL
   );
   CREATE INDEX audit_at ON audit (at DESC);
   CREATE INDEX audit_pending ON audit (id) WHERE result IS NULL;`,
  // The group directory (docs/architecture.md § Pieces): a searchable copy of every group's profile, filled by crawls and kept
  // current by webhooks and the console's own writes. Keyset indexes for each sort order.
  `CREATE TABLE directory_groups (
     id                   TEXT PRIMARY KEY,
     name                 TEXT NOT NULL,
     name_fold            TEXT NOT NULL,
     type                 TEXT NOT NULL,
     owner_id             TEXT,
     member_count         INTEGER NOT NULL,
     max_member_count     INTEGER NOT NULL,
     join_option          TEXT NOT NULL,
     introduction         TEXT NOT NULL,
     notification         TEXT NOT NULL,
     face_url             TEXT NOT NULL,
     mute_all             INTEGER NOT NULL,
     support_topic        INTEGER NOT NULL,
     created_at           TEXT NOT NULL,
     pending_applications INTEGER NOT NULL DEFAULT 0,
     crawl_generation     INTEGER NOT NULL,
     updated_at           TEXT NOT NULL
   );
   CREATE INDEX dir_created      ON directory_groups (created_at, id);
   CREATE INDEX dir_type_created ON directory_groups (type, created_at, id);
   CREATE INDEX dir_name         ON directory_groups (name_fold, id);
   CREATE INDEX dir_members      ON directory_groups (member_count, id);
   CREATE INDEX dir_pending      ON directory_groups (pending_applications, id);
   CREATE INDEX dir_join         ON directory_groups (join_option, created_at, id);
   CREATE TABLE directory_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Sign-in throttling: failed attempts per key ("email:…" or "ip:…"), kept only for the window. Indexes for the
  // audit log's exact filters, newest first.
  `CREATE TABLE signin_failures (key TEXT NOT NULL, at INTEGER NOT NULL);
   CREATE INDEX signin_failures_key ON signin_failures (key, at);
   CREATE INDEX signin_failures_at  ON signin_failures (at);
   CREATE INDEX audit_action ON audit (action, id);
   CREATE INDEX audit_group  ON audit (group_id, id);`,
  // The console's own inbox of join applications, for IM servers without the applications extension
  // (Tencent Cloud Chat keeps them SDK-only): fed by BeforeApplyJoinGroup webhooks. One pending
  // application per requester and group; 'closed' = its group was dismissed (never listed).
  `CREATE TABLE inbox_applications (
     id           INTEGER PRIMARY KEY,
     group_id     TEXT NOT NULL,
     requester_id TEXT NOT NULL,
     message      TEXT NOT NULL DEFAULT '',
     status       TEXT NOT NULL CHECK (status IN ('pending','approved','refused','closed')),
     created_at   TEXT NOT NULL,
     handled_by   TEXT,
     handled_at   TEXT,
     reason       TEXT
   );
   CREATE UNIQUE INDEX inbox_one_pending ON inbox_applications (group_id, requester_id) WHERE status = 'pending';
   CREATE INDEX inbox_by_status ON inbox_applications (status, created_at, id);
   CREATE INDEX inbox_by_group  ON inbox_applications (group_id, status, created_at, id);`,
  // Name searches walk the newest-first indexes and test every name: with the folded name in the index, a row
  // that does not match is skipped without being read (a search matching 1 of 100,000 groups: 55 → 17 ms).
  `DROP INDEX dir_created;
   DROP INDEX dir_type_created;
   CREATE INDEX dir_created      ON directory_groups (created_at, id, name_fold);
   CREATE INDEX dir_type_created ON directory_groups (type, created_at, id, name_fold);`,
  // Leases: which console instance does work that only one may do at a time (the directory crawl).
  `CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, until INTEGER NOT NULL);`,
  // Several instances: a dismissed group is remembered for a while, so a read of it made before the dismissal
  // (on another instance) cannot bring it back; and an application is announced once, whichever instance
  // hears of it first.
  `CREATE TABLE directory_tombstones (id TEXT PRIMARY KEY, at TEXT NOT NULL);
   CREATE TABLE announced_applications (id TEXT PRIMARY KEY, at INTEGER NOT NULL);
   CREATE INDEX announced_at ON announced_applications (at);`,
  // The list's total without a search comes from counts per type and join option, kept by triggers, instead of
  // a COUNT(*) over every group at every request.
  `CREATE TABLE directory_counts (type TEXT NOT NULL, join_option TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (type, join_option));
   INSERT INTO directory_counts (type, join_option, n) SELECT type, join_option, COUNT(*) FROM directory_groups GROUP BY type, join_option;
   CREATE TRIGGER dir_count_insert AFTER INSERT ON directory_groups BEGIN
     INSERT INTO directory_counts (type, join_option, n) VALUES (NEW.type, NEW.join_option, 1)
       ON CONFLICT (type, join_option) DO UPDATE SET n = n + 1;
   END;
   CREATE TRIGGER dir_count_delete AFTER DELETE ON directory_groups BEGIN
     UPDATE directory_counts SET n = n - 1 WHERE type = OLD.type AND join_option = OLD.join_option;
   END;
   CREATE TRIGGER dir_count_update AFTER UPDATE OF type, join_option ON directory_groups
     WHEN OLD.type IS NOT NEW.type OR OLD.join_option IS NOT NEW.join_option BEGIN
     UPDATE directory_counts SET n = n - 1 WHERE type = OLD.type AND join_option = OLD.join_option;
     INSERT INTO directory_counts (type, join_option, n) VALUES (NEW.type, NEW.join_option, 1)
       ON CONFLICT (type, join_option) DO UPDATE SET n = n + 1;
   END;`,
  // Hardening. Sessions: a version per user, in every token, bumped to end all of that user's sessions (password,
  // role, disabling, "sign out everywhere"), with why; and single tokens ended by signing out, kept until they
  // would have expired anyway. Single sign-on identities by (issuer, subject), never by email. Sign-in attempts
  // per address and account, reserved before the password is checked. Webhooks seen, so a replayed one is dropped.
  `ALTER TABLE users ADD COLUMN session_version INTEGER NOT NULL DEFAULT 1;
   ALTER TABLE users ADD COLUMN sessions_ended_reason TEXT;
   CREATE TABLE ended_sessions (sid TEXT PRIMARY KEY, until INTEGER NOT NULL);
   CREATE INDEX ended_sessions_until ON ended_sessions (until);
   CREATE TABLE sso_identities (
     issuer     TEXT NOT NULL,
     subject    TEXT NOT NULL,
     user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     PRIMARY KEY (issuer, subject)
   );
   CREATE TABLE signin_attempts (
     id      TEXT PRIMARY KEY,
     email   TEXT NOT NULL,
     ip      TEXT NOT NULL,
     at      INTEGER NOT NULL,
     outcome TEXT NOT NULL CHECK (outcome IN ('pending','failed'))
   );
   CREATE INDEX signin_attempts_ip    ON signin_attempts (ip, at);
   CREATE INDEX signin_attempts_email ON signin_attempts (email, at);
   CREATE TABLE signin_throttled (ip TEXT NOT NULL, window_start INTEGER NOT NULL, count INTEGER NOT NULL, audit_id INTEGER NOT NULL, PRIMARY KEY (ip, window_start));
   CREATE TABLE webhooks_seen (key TEXT PRIMARY KEY, at INTEGER NOT NULL);
   CREATE INDEX webhooks_seen_at ON webhooks_seen (at);
   DROP TABLE signin_failures;`,
  // Claims: which moderator is reviewing which application, until when (one claim per moderator at most).
  `CREATE TABLE application_claims (
     application_id TEXT PRIMARY KEY,
     group_id       TEXT NOT NULL,
     holder_id      TEXT NOT NULL,
     holder_email   TEXT NOT NULL,
     holder_name    TEXT NOT NULL,
     expires_at     INTEGER NOT NULL
   );
   CREATE UNIQUE INDEX application_claims_holder ON application_claims (holder_id);`,
  // Notes moderators leave on an app user (shared, audited, deletable by their author or an admin).
  `CREATE TABLE app_user_notes (
     id           INTEGER PRIMARY KEY AUTOINCREMENT,
     user_id      TEXT NOT NULL,
     text         TEXT NOT NULL,
     author_id    TEXT NOT NULL,
     author_email TEXT NOT NULL,
     created_at   TEXT NOT NULL
   );
   CREATE INDEX app_user_notes_by_user ON app_user_notes (user_id, id);`,
  // One applications model in both modes (docs/applications-model.md): what a queue filters on is kept on the row
  // (the group's type, the requester's nickname, folded search text), with how each was decided.
  `ALTER TABLE inbox_applications ADD COLUMN group_type TEXT;
   ALTER TABLE inbox_applications ADD COLUMN requester_nickname TEXT NOT NULL DEFAULT '';
   ALTER TABLE inbox_applications ADD COLUMN requester_face_url TEXT NOT NULL DEFAULT '';
   ALTER TABLE inbox_applications ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
   ALTER TABLE inbox_applications ADD COLUMN handled_via TEXT CHECK (handled_via IN ('console','app','rule'));
   ALTER TABLE inbox_applications ADD COLUMN rule_id TEXT;
   ALTER TABLE inbox_applications ADD COLUMN held_by_rule TEXT;
   UPDATE inbox_applications SET search_text = lower(requester_id || char(10) || char(10) || message),
     group_type = (SELECT type FROM directory_groups d WHERE d.id = inbox_applications.group_id),
     handled_via = CASE WHEN status IN ('approved','refused') THEN 'console' END;
   CREATE INDEX inbox_by_requester ON inbox_applications (requester_id, status);
   CREATE INDEX inbox_by_type ON inbox_applications (group_type, status, created_at, id);
   CREATE INDEX inbox_by_time ON inbox_applications (created_at, id);
   CREATE INDEX inbox_search ON inbox_applications (status, search_text, created_at);`,
  // Saved views of the queue: a name and the filters, per console user (at most 20 each).
  `CREATE TABLE saved_views (
     id         INTEGER PRIMARY KEY AUTOINCREMENT,
     user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     name       TEXT NOT NULL,
     filters    TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX saved_views_by_user ON saved_views (user_id, id);`,
  // Jobs (docs/jobs.md): one bulk decision over a filter's matches. The IDs it matched at its start are its
  // items, each moved todo → trying → ok/failed once, so a restart resumes it without deciding one twice; its
  // tallies are counted from them. The runner's heartbeat says whether a job found running was left recently.
  `CREATE TABLE jobs (
     id               TEXT PRIMARY KEY,
     kind             TEXT NOT NULL,
     state            TEXT NOT NULL CHECK (state IN ('queued','running','done','cancelled','interrupted','failed')),
     params           TEXT NOT NULL,
     total            INTEGER NOT NULL,
     started_by_id    TEXT NOT NULL,
     started_by       TEXT NOT NULL,
     started_by_name  TEXT NOT NULL,
     started_at       TEXT NOT NULL,
     finished_at      TEXT,
     cancel_requested INTEGER NOT NULL DEFAULT 0,
     heartbeat_at     INTEGER
   );
   CREATE INDEX jobs_by_state ON jobs (state);
   CREATE INDEX jobs_by_time ON jobs (started_at);
   CREATE TABLE job_items (
     job_id         TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
     position       INTEGER NOT NULL,
     application_id TEXT NOT NULL,
     state          TEXT NOT NULL CHECK (state IN ('todo','trying','ok','failed')),
     code           TEXT,
     message        TEXT,
     PRIMARY KEY (job_id, position)
   );
   CREATE INDEX job_items_by_state ON job_items (job_id, state, position);`,
  // Alerts (docs/alerts.md): each alert is a row keyed by what it is about, written by whichever instance sees it
  // first and sent by whichever holds the kind's minute; the key makes it once across instances.
  `CREATE TABLE alert_outbox (
     kind       TEXT NOT NULL CHECK (kind IN ('stale','burst')),
     key        TEXT NOT NULL,
     payload    TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     sent_at    INTEGER,
     PRIMARY KEY (kind, key)
   );
   CREATE INDEX alert_outbox_unsent ON alert_outbox (kind, sent_at, created_at);`,
  // Moderation statistics read decisions by when they were made.
  `CREATE INDEX inbox_by_handled ON inbox_applications (handled_at, status);`,
  // Moderation statistics (lib/server/stats): each decision's time, kept in the index that reads decisions by
  // when they were made (the one above, widened) and in one by moderator, so medians and percentiles over
  // 100,000 decisions sort stored numbers instead of parsing 200,000 timestamps per request; and received
  // applications by arrival.
  // An indexed expression rather than a generated column: SQLite reads the expression's value from the index
  // (the query must spell it the same way), but not a virtual column's.
  `DROP INDEX inbox_by_handled;
   CREATE INDEX inbox_decided ON inbox_applications
     (handled_at, status, handled_via, handled_by, ((julianday(handled_at) - julianday(created_at)) * 86400));
   CREATE INDEX inbox_by_moderator ON inbox_applications
     (handled_by, handled_via, handled_at, status, ((julianday(handled_at) - julianday(created_at)) * 86400));
   CREATE INDEX inbox_received ON inbox_applications (created_at, status, group_id);`,
  // Rules for join applications (docs/rules.md): ordered by a contiguous position (0..n-1, shifted in one
  // serialized transaction, so no unique index: a shift would trip it row by row), each with a version for
  // optimistic edits. Conditions and action are JSON the rules schema validates; times are epoch milliseconds.
  `CREATE TABLE rules (
     id               INTEGER PRIMARY KEY,
     name             TEXT NOT NULL,
     enabled          INTEGER NOT NULL DEFAULT 0,
     position         INTEGER NOT NULL,
     version          INTEGER NOT NULL DEFAULT 1,
     scope            TEXT NOT NULL,
     when_json        TEXT NOT NULL,
     match_everything INTEGER NOT NULL DEFAULT 0,
     then_json        TEXT NOT NULL,
     matched          INTEGER NOT NULL DEFAULT 0,
     last_matched_at  INTEGER,
     created_by       TEXT NOT NULL,
     created_at       INTEGER NOT NULL,
     updated_at       INTEGER NOT NULL
   );
   CREATE INDEX rules_by_position ON rules (position);`,
  // An admin took back a rule's approval (removed the member): who and when, on the application the rule decided.
  `ALTER TABLE inbox_applications ADD COLUMN reversed_by TEXT;
   ALTER TABLE inbox_applications ADD COLUMN reversed_at TEXT;`,
  // Dismissals with undo (docs/dismissal.md): scheduled a few seconds ahead, carried out once by whichever
  // instance claims it when due (a lease, so a crash mid-way is picked up again), cancelled before then.
  `CREATE TABLE scheduled_dismissals (
     group_id      TEXT PRIMARY KEY,
     scheduled_for INTEGER NOT NULL,
     reason        TEXT,
     actor_id      TEXT NOT NULL,
     actor_email   TEXT NOT NULL,
     actor_name    TEXT NOT NULL,
     request_id    TEXT NOT NULL,
     state         TEXT NOT NULL CHECK (state IN ('scheduled', 'running', 'done', 'cancelled', 'failed')),
     lease_until   INTEGER,
     finished_at   INTEGER,
     error         TEXT
   );
   CREATE INDEX scheduled_dismissals_due ON scheduled_dismissals (state, scheduled_for);`,
  // Bans (docs/contracts.md § Mutes, bans and messages): the IM server keeps no reason, so the console keeps its
  // own note of each ban it made (why, who, when), joined into the list of bans. One row per group and user: a
  // new ban replaces the note; an unban deletes it.
  `CREATE TABLE ban_notes (
     group_id    TEXT NOT NULL,
     user_id     TEXT NOT NULL,
     reason      TEXT,
     banned_by   TEXT NOT NULL,
     banned_at   INTEGER NOT NULL,
     PRIMARY KEY (group_id, user_id)
   );`,
  // Scoped users (docs/scopes.md): the group IDs a console user is limited to, as a JSON array; NULL is every group.
  `ALTER TABLE users ADD COLUMN scope TEXT;`,
  // Search at a million groups (docs/directory.md § Search): a trigram index over the group ID, the folded name and
  // the owner ID, so a substring of 3 characters or more is found without reading every row. External content (the
  // rows stay in directory_groups alone) and no positions (detail=none: a third of the size; the query's LIKE
  // confirms each candidate). Triggers keep it in step with every write; an existing directory is indexed here.
  // The index follows directory_groups' rowids, which only VACUUM could renumber: the console never runs it on SQLite.
  `CREATE VIRTUAL TABLE directory_search USING fts5(id, name_fold, owner_id, content = 'directory_groups', content_rowid = 'rowid',
     tokenize = 'trigram case_sensitive 0', detail = 'none');
   INSERT INTO directory_search (directory_search) VALUES ('rebuild');
   CREATE TRIGGER dir_search_insert AFTER INSERT ON directory_groups BEGIN
     INSERT INTO directory_search (rowid, id, name_fold, owner_id) VALUES (NEW.rowid, NEW.id, NEW.name_fold, NEW.owner_id);
   END;
   CREATE TRIGGER dir_search_delete AFTER DELETE ON directory_groups BEGIN
     INSERT INTO directory_search (directory_search, rowid, id, name_fold, owner_id) VALUES ('delete', OLD.rowid, OLD.id, OLD.name_fold, OLD.owner_id);
   END;
   CREATE TRIGGER dir_search_update AFTER UPDATE OF id, name_fold, owner_id ON directory_groups
     WHEN OLD.id IS NOT NEW.id OR OLD.name_fold IS NOT NEW.name_fold OR OLD.owner_id IS NOT NEW.owner_id BEGIN
     INSERT INTO directory_search (directory_search, rowid, id, name_fold, owner_id) VALUES ('delete', OLD.rowid, OLD.id, OLD.name_fold, OLD.owner_id);
     INSERT INTO directory_search (rowid, id, name_fold, owner_id) VALUES (NEW.rowid, NEW.id, NEW.name_fold, NEW.owner_id);
   END;`,
  // A search the trigram index cannot narrow walks the list's sort index and tests the name, the ID and the owner ID
  // of each row (docs/directory.md § Search). With the owner ID in the newest-first and by-name indexes too, a row
  // that does not match is skipped without being read: a common word sorted by name at a million groups, whose
  // matches sit far down the name order, walked its 20,000-row window in ~90 ms reading each row.
  `DROP INDEX dir_created;
   DROP INDEX dir_type_created;
   DROP INDEX dir_name;
   CREATE INDEX dir_created      ON directory_groups (created_at, id, name_fold, owner_id);
   CREATE INDEX dir_type_created ON directory_groups (type, created_at, id, name_fold, owner_id);
   CREATE INDEX dir_name         ON directory_groups (name_fold, id, owner_id);`,
];
