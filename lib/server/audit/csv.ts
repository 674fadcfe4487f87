import "server-only";
import { AUDIT_CSV_COLUMNS, type AuditFilters } from "@/lib/schemas/audit";
import { auditRowsBefore, type AuditRow } from "./query";
import { csvRecord, UTF8_BOM } from "@/lib/server/platform/csv";
import type { Store } from "@/lib/server/store/store";

const BATCH = 500;

// before/after are stored as JSON text already: written as they are, one JSON value per cell.
const cells = (r: AuditRow) => [r.at, r.actor_email, r.action, r.group_id, r.target, r.before, r.after, r.result, r.request_id];

/**
 * The filtered log as CSV, newest first, read a batch at a time as the client takes it: a log of millions of
 * entries never sits in memory, and a client that stops reading stops the reads.
 */
export function auditCsvStream(db: Store, filters: AuditFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let lastId: number | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = "";
      if (!started) {
        started = true;
        text = UTF8_BOM + csvRecord(AUDIT_CSV_COLUMNS);
      }
      const rows = await auditRowsBefore(db, filters, lastId, BATCH);
      for (const r of rows) text += csvRecord(cells(r));
      if (rows.length) lastId = rows[rows.length - 1].id;
      controller.enqueue(encoder.encode(text));
      if (rows.length < BATCH) controller.close();
    },
  });
}
