// The schemas' fixed lists and limits, apart from zod: the browser's pages read these without loading the
// schemas (docs/front-end.md § What loads when). Each schema file re-exports its own.

export const GROUP_TYPES = ["Work", "Public", "Meeting", "Community", "AVChatRoom"] as const;
export const JOIN_OPTIONS = ["FreeAccess", "NeedPermission", "DisableApply"] as const;

export const APPLICATION_STATUS = ["pending", "approved", "refused"] as const;
/** What the queue can show: one status, or every decided and pending application (`all`). */
export const APPLICATION_STATUS_FILTERS = [...APPLICATION_STATUS, "all"] as const;
/** The most applications one bulk decision may name. */
export const BULK_MAX = 100;

export const JOB_STATES = ["queued", "running", "done", "cancelled", "interrupted", "failed"] as const;
export const FINISHED_JOB_STATES: readonly (typeof JOB_STATES)[number][] = ["done", "cancelled", "interrupted", "failed"];

export const LOCALES = ["en", "ja", "zh"] as const;

export const VIEWS_MAX = 20;
