// The server's modules and the one direction between them (docs/architecture.md § Modules). Lint turns this
// table into import rules (eslint.config.mjs), and lib/architecture.test.ts checks the whole import graph
// against it, type-only imports included.

/**
 * Lowest first: a module may import the modules before it, never one after it. `public` lists the files other
 * code may import (paths inside the module); the foundations (store, platform) are all public.
 */
export const SERVER_MODULES = [
  { name: "store", public: "all", does: "SQLite or PostgreSQL behind one Store interface; migrations" },
  {
    name: "platform",
    public: "all",
    does: "errors, env, log, request context, tracing, shutdown, leases, cursors, CSV, the IM gateway and store of the process",
  },
  {
    name: "live",
    public: ["bus.ts", "event-stream.ts", "postgres-relay.ts"],
    does: "live events out: bus, event stream, relay between instances",
  },
  {
    name: "audit",
    public: ["audited.ts", "intents.ts", "query.ts", "service.ts", "settle.ts"],
    does: "the audit log: intents and results, reading, CSV, settlement through the probes features hand it",
  },
  {
    name: "users",
    public: ["repo.ts", "identities.ts", "passwords.ts", "bootstrap-admin.ts"],
    does: "the users table (one repository) and single sign-on identities",
  },
  {
    name: "auth",
    public: ["session.ts", "auth-options.ts", "oidc.ts", "throttle.ts", "sso-link.ts"],
    does: "sign-in, sessions, throttling, OIDC",
  },
  {
    name: "http",
    public: ["route.ts", "route-methods.ts", "read-capped-body.ts", "openapi/document.ts", "openapi/declaration.ts"],
    does: "the route wrapper, body limits, the error contract on the wire, the generated OpenAPI document",
  },
  { name: "directory", public: ["index.ts"], does: "the console's copy of the IM server's groups: crawl, list, search, fill" },
  {
    name: "applications",
    public: [
      "service.ts",
      "current.ts",
      "pending-counts.ts",
      "requesters.ts",
      "group-gone.ts",
      "settle-probe.ts",
      "inbox/repo.ts",
      "model/mirror.ts",
      "views.ts",
      "model/rows.ts",
      "by-rule.ts",
      "scope.ts",
      "own-decisions.ts",
    ],
    does: "join applications: one model read in both modes, decided through one source (the IM server's extension, or the console's inbox); claims, saved views",
  },
  {
    name: "groups",
    public: [
      "groups.ts",
      "admin.ts",
      "members.ts",
      "notifications.ts",
      "events.ts",
      "settle-probe.ts",
      "moderation-settle-probe.ts",
      "dismissal.ts",
      "mutes.ts",
      "bans.ts",
      "messages.ts",
      "message-removal.ts",
      "exports.ts",
    ],
    does: "group operations: create, edit, dismiss, owner, members, notifications, recent events",
  },
  {
    name: "app-users",
    public: ["context.ts", "notes.ts", "demo-notes.ts"],
    does: "app users as moderators see them: an applicant's history, groups and the notes left on them",
  },
  {
    name: "jobs",
    public: ["service.ts", "runner.ts"],
    does: "bulk decisions over a filter as one job: kept in the store, paced by the IM rate limit, resumed after a restart",
  },
  { name: "stats", public: ["moderation.ts"], does: "moderation statistics read from the applications model" },
  {
    name: "alerts",
    public: ["alerts.ts", "status.ts"],
    does: "outbound alerts (stale applications, bursts): detected from the model, sent once across instances",
  },
  {
    name: "rules",
    public: ["service.ts", "engine.ts", "evaluate.ts", "dry-run.ts", "arrival.ts", "demo-rules.ts"],
    does: "rules for join applications: kept ordered and versioned, compiled and evaluated without the IM server, tried on the past",
  },
  {
    name: "accounts",
    public: ["manage.ts", "me.ts", "preferences.ts"],
    does: "console users managed by admins, one's own account and preferences",
  },
  { name: "health", public: ["health.ts"], does: "/api/health and /api/ready" },
  { name: "webhooks", public: ["receive.ts"], does: "webhooks in: authentication, replay guard, plan, effects" },
];

/** The composition root: the one loose file, which may import every module and which none imports. */
export const COMPOSITION_ROOT = "background.ts";

/** Support for tests, which may reach anywhere: never imported by product code. */
export const TEST_SUPPORT = ["testing", "store/test-stores.ts", "store/fresh-schema.ts"];
