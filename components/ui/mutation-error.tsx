"use client";
import { ApiError } from "@/lib/client/api-error";

/** A refused change in the server's words, with the codes for support. */
export function MutationError({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  return (
    <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800">
      {e?.message ?? "Something went wrong."}
      {e && (
        <span className="block text-xs">
          Code: {e.code}
          {e.imCode !== undefined ? ` · IM code ${e.imCode}` : ""}
        </span>
      )}
    </p>
  );
}
