import "server-only";
import type { Note } from "@/lib/schemas/app-user";
import { audited } from "@/lib/server/audit/audited";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import type { Store } from "@/lib/server/store/store";
import { getContext } from "@/lib/server/platform/context";

// Notes moderators leave on an app user: shared by every moderator, audited, deletable by their author or an
// admin (docs/contracts.md § Applicant context).

type NoteRow = { id: number; user_id: string; text: string; author_id: string; author_email: string; created_at: string };

const toNote = (r: NoteRow): Note => ({ id: String(r.id), text: r.text, author: r.author_email, createdAt: r.created_at });

/** Newest first. */
export async function notesOf(db: Store, userId: string): Promise<Note[]> {
  return (await db.all<NoteRow>("SELECT * FROM app_user_notes WHERE user_id = ? ORDER BY id DESC", [userId])).map(toNote);
}

/** Whether the user has notes, for many users at once (the queue's "note" badge). */
export async function usersWithNotes(db: Store, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.all<{ user_id: string }>(
    `SELECT DISTINCT user_id FROM app_user_notes WHERE user_id IN (${userIds.map(() => "?").join(", ")})`,
    userIds,
  );
  return new Set(rows.map((r) => r.user_id));
}

export async function addNote({ userId, text }: { userId: string; text: string }, { user, requestId }: Actor): Promise<Note> {
  const { db } = getContext();
  return audited({ actor: user, action: "note.create", target: userId, after: { text }, requestId }, async () => {
    const row = await db.get<NoteRow>(
      "INSERT INTO app_user_notes (user_id, text, author_id, author_email, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *",
      [userId, text, user.id, user.email, new Date().toISOString()],
    );
    return toNote(row!);
  });
}

export async function deleteNote({ userId, noteId }: { userId: string; noteId: string }, { user, requestId }: Actor): Promise<void> {
  const { db } = getContext();
  const id = /^[1-9]\d{0,15}$/.test(noteId) ? Number(noteId) : null;
  const row = id === null ? undefined : await db.get<NoteRow>("SELECT * FROM app_user_notes WHERE id = ? AND user_id = ?", [id, userId]);
  if (!row) throw ApiError.because("not_found", "noteNotFound", "There is no such note on this user");
  if (row.author_id !== user.id && user.role !== "admin")
    throw ApiError.because("forbidden", "noteNotYours", "Only its author or an admin may delete a note");
  await audited(
    { actor: user, action: "note.delete", target: userId, before: { text: row.text, author: row.author_email }, requestId },
    () => db.run("DELETE FROM app_user_notes WHERE id = ?", [row.id]),
  );
}
