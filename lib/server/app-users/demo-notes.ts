import "server-only";
import { findUserById, userIdByEmail } from "@/lib/server/users/repo";
import type { Store } from "@/lib/server/store/store";
import { addNote } from "./notes";

// What a colleague might have written; one per repeat applicant, in the demo's three languages.
const DEMO_NOTES = [
  "Demo note: applied to three groups this week with the same copied message. Check before approving.",
  "デモ用メモ：以前、別のグループで宣伝リンクを投稿していました。",
  "演示备注：上次被拒绝是因为资料不完整，这次请先确认身份。",
];

/**
 * The embedded demo (CONSOLE_DEMO=1, set by `npm start`) leaves a few notes, from the bootstrap admin and
 * audited like any other, on applicants refused before who are waiting again — so the applicant panel and the
 * queue's "note" badge have something to show on a fresh start. Only while nobody has ever written a note
 * (the audit log remembers), so it happens once per store, and never on a store people use.
 */
export async function leaveDemoNotes(db: Store, adminEmail: string): Promise<number> {
  if (await db.get("SELECT 1 AS one FROM audit WHERE action = 'note.create' LIMIT 1")) return 0;
  const adminId = await userIdByEmail(db, adminEmail);
  const admin = adminId ? await findUserById(db, adminId) : null;
  if (!admin) return 0;
  const repeat = await db.all<{ requester_id: string }>(
    `SELECT requester_id FROM inbox_applications WHERE status = 'refused'
       AND requester_id IN (SELECT requester_id FROM inbox_applications WHERE status = 'pending')
     GROUP BY requester_id ORDER BY COUNT(*) DESC, requester_id LIMIT ?`,
    [DEMO_NOTES.length],
  );
  const actor = { user: { id: admin.id, email: admin.email, name: admin.name, role: admin.role }, requestId: "demo-notes", ip: null };
  for (const [i, { requester_id }] of repeat.entries()) await addNote({ userId: requester_id, text: DEMO_NOTES[i] }, actor);
  return repeat.length;
}
