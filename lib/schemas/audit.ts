import { z } from "zod";
import { AUDIT_ACTIONS } from "./audit-actions";

export { AUDIT_ACTIONS };
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditActionName = z.infer<typeof auditActionSchema>;

/** The CSV's columns, in this order (docs/contracts.md § Audit). */
export const AUDIT_CSV_COLUMNS = ["at", "actor", "action", "groupId", "target", "before", "after", "result", "requestId"] as const;

// `?actor=&action=` comes from a filter form left blank: an empty parameter means "no filter", not a bad value.
const blankIsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

export const auditFiltersSchema = z.object({
  actor: blankIsAbsent(z.string().trim().max(254).optional()),
  action: blankIsAbsent(auditActionSchema.optional()),
  groupId: blankIsAbsent(z.string().max(100).optional()),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const listAuditQuerySchema = auditFiltersSchema.extend({
  cursor: blankIsAbsent(z.string().max(100).optional()),
  limit: blankIsAbsent(z.coerce.number().int().min(1).max(100).default(50)),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export type AuditEntry = {
  id: string;
  at: string;
  actor: { id: string | null; email: string };
  action: string;
  groupId: string | null;
  target: string | null;
  before: unknown;
  after: unknown;
  /** "ok", the error code, or null while a mutation's outcome is not known yet. */
  result: string | null;
  requestId: string;
};
