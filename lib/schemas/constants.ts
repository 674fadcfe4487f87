// The schemas' fixed lists and limits, apart from zod: the browser's pages read these without loading the
// schemas (docs/front-end.md § What loads when). Each schema file re-exports its own.

export const GROUP_TYPES = ["Work", "Public", "Meeting", "Community", "AVChatRoom"] as const;
export const JOIN_OPTIONS = ["FreeAccess", "NeedPermission", "DisableApply"] as const;
export const LIMITS = { name: 100, introduction: 400, notification: 400, faceUrl: 500, groupId: 48, memberIds: 100 } as const;

export const APPLICATION_STATUS = ["pending", "approved", "refused"] as const;
/** What the queue can show: one status, or every decided and pending application (`all`). */
export const APPLICATION_STATUS_FILTERS = [...APPLICATION_STATUS, "all"] as const;
/** The most applications one bulk decision may name. */
export const BULK_MAX = 100;

export const JOB_STATES = ["queued", "running", "done", "cancelled", "interrupted", "failed"] as const;
export const FINISHED_JOB_STATES: readonly (typeof JOB_STATES)[number][] = ["done", "cancelled", "interrupted", "failed"];

export const LOCALES = ["en", "ja", "zh"] as const;

export const VIEWS_MAX = 20;

export const ROLES = ["viewer", "moderator", "admin"] as const;
export const THEMES = ["light", "dark", "system"] as const;
/** At most this many groups in one user's scope. */
export const SCOPE_MAX_GROUPS = 1_000;

export const MEMBER_ROLES = ["Owner", "Admin", "Member"] as const;

/** The longest mute or ban the IM server takes: uint32 seconds, which it reads as forever. */
export const FOREVER_SECONDS = 4294967295;
export const MAX_MUTE_USERS = 500;
export const MAX_BAN_USERS = 100;
export const MAX_RECALL_SEQS = 10;
export const MAX_MESSAGES_PAGE = 20;
/** With a sender filter the console reads at most this many of the newest messages (Tencent has no filter). */
export const SENDER_SCAN_WINDOW = 1000;

export const RULE_ACTIONS = ["approve", "refuse", "hold"] as const;
/** The contract's bounds (docs/contracts.md § Rules). */
export const RULE_LIMITS = {
  name: 80,
  groupIds: 100,
  words: 200,
  wordBytes: 100,
  requesters: 1_000,
  requesterId: 128,
  reasonBytes: 300,
  count: 10_000,
  days: 365,
  minutes: 1_440,
} as const;
