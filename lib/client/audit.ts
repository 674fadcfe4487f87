"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AuditEntry } from "@/lib/schemas/audit";
import type { Page } from "@/lib/schemas/page";
import { searchFromAuditFilters } from "./audit-filters";
import { apiFetch } from "./fetcher";
import { auditKeys, type AuditListFilters } from "./query-keys";

export function useAudit(filters: AuditListFilters) {
  return useQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ signal }) => apiFetch<Page<AuditEntry>>(`/api/audit${searchFromAuditFilters(filters)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The CSV of what the filters show (every page of it). */
export const auditCsvHref = (filters: AuditListFilters) => `/api/audit.csv${searchFromAuditFilters(filters, { withCursor: false })}`;
