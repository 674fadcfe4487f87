/** Ordered schema steps; `PRAGMA user_version` records how many have run. Never edit a shipped step. */
export const MIGRATIONS: string[] = [
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
];
