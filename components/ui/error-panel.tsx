"use client";
import { ApiError } from "@/lib/client/api-error";
import { Button } from "./button";

/** What went wrong in words, the codes for support, and a way to try again. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const apiError = error instanceof ApiError ? error : null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-medium">{apiError?.message ?? "Something went wrong."}</p>
      {apiError && (
        <p className="mt-1 text-xs text-red-800">
          Code: {apiError.code}
          {apiError.imCode !== undefined ? ` · IM code ${apiError.imCode}` : ""}
        </p>
      )}
      {onRetry && (
        <Button className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
