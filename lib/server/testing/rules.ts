// Test helpers for rules: groups in the directory, applications in the model as history, and requests to the
// rules routes as a signed-in console user (the tests mock the session).
import { NextRequest } from "next/server";
import type { Group, GroupType } from "@/lib/schemas/group";
import type { Role, SessionUser } from "@/lib/schemas/user";
import { upsertGroups } from "@/lib/server/directory";
import type { Store } from "@/lib/server/store/store";
import { directoryGroup } from "./groups";

export const group = (id: string, type: GroupType = "Public", name = `Group ${id}`): Group => directoryGroup({ id, type, name });

export const seedGroups = (db: Store, groups: Group[]) => upsertGroups(db, groups, 1);

export type HistoryRow = {
  groupId: string;
  groupType?: GroupType;
  requesterId: string;
  message?: string;
  status: "pending" | "approved" | "refused" | "closed";
  createdAt: string;
  handledAt?: string;
  handledVia?: "console" | "app" | "rule";
};

/** One application straight into the model, as history (the inbox's own writes are tested elsewhere). */
export async function seedApplication(db: Store, a: HistoryRow): Promise<string> {
  const decided = a.status === "approved" || a.status === "refused";
  const row = await db.get<{ id: number }>(
    `INSERT INTO inbox_applications (group_id, requester_id, message, status, created_at, handled_by, handled_at, reason, group_type, handled_via, search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '') RETURNING id`,
    [
      a.groupId,
      a.requesterId,
      a.message ?? "",
      a.status,
      a.createdAt,
      decided ? "mod@rules.test" : null,
      decided ? (a.handledAt ?? a.createdAt) : null,
      a.status === "refused" ? "no" : null,
      a.groupType ?? "Public",
      decided ? (a.handledVia ?? "console") : null,
    ],
  );
  return String(row!.id);
}

/** A console user of that role, in the users table (audit entries name them). */
export async function consoleUser(db: Store, role: Role, email = `${role}@rules.test`): Promise<SessionUser> {
  const row = await db.get<{ id: number }>(
    "INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, 'x', ?) RETURNING id",
    [email, role, role, new Date().toISOString()],
  );
  return { id: String(row!.id), email, name: role, role };
}

export const jsonRequest = (path: string, method: string, body?: unknown) =>
  new NextRequest(`http://console.test${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });

export const minutesAgo = (m: number, now = Date.now()) => new Date(now - m * 60_000).toISOString();
export const daysAgo = (d: number, now = Date.now()) => new Date(now - d * 86_400_000).toISOString();
