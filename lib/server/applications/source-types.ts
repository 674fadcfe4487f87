import type { Application, ListApplicationsQuery } from "@/lib/schemas/application";
import type { Requester } from "@/lib/schemas/group-event";
import type { Page } from "@/lib/schemas/page";
import type { Verdict } from "@/lib/server/audit/settle";
import type { Within } from "./model/filters";

// The types alone, apart from source.ts (which picks an implementation): the implementations import these
// without importing the module that imports them.

/**
 * Where join applications are decided, behind one interface: on the IM server when it offers the applications
 * extension (the local IM server), else in the console's own inbox, fed by webhooks (Tencent Cloud Chat,
 * where applications are SDK-only). Either way the console reads them from its applications model
 * (docs/applications-model.md); callers never ask which source they have.
 */
export type ApplicationSource = {
  readonly kind: "im-extension" | "console-inbox";
  /** Whether the console keeps applications itself, from the application webhooks. */
  readonly keepsInbox: boolean;
  /** The queue; `within` keeps a scoped asker's groups alone (docs/scopes.md). */
  list(query: ListApplicationsQuery & Within): Promise<Page<Application>>;
  /** Approves or refuses one application (the caller audits); of two deciders exactly one wins. */
  decide(id: string, approve: boolean, reason: string | undefined, by: string): Promise<Application>;
  /** Where one application stands, or null when there is no such application. */
  find(id: string): Promise<{ groupId: string; status: "pending" | "approved" | "refused" | "closed" } | null>;
  /** One requester's applications to every group (or those `within`): how many of each outcome, and the newest `limit`. */
  byRequester(
    requesterId: string,
    limit: number,
    within?: Within["within"],
  ): Promise<{ pending: number; approved: number; refused: number; recent: Application[] }>;
  /** Pending applications per group (one group, or all); null when they cannot be counted now. */
  pendingCounts(groupId?: string): Promise<Map<string, number> | null>;
  /** The requesters of these applications, by application ID; what cannot be read is left out. */
  requesters(ids: string[]): Promise<Map<string, Requester>>;
  /** Brings the console's applications model in line with the IM server, where it can list them (local mode). */
  reconcile(): Promise<void>;
  /** What became of a decision whose audit entry has no result. */
  verdict(entry: { action: string; target: string; actorEmail: string }): Promise<Verdict>;
};
