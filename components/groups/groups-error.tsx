"use client";
import { useRouter } from "next/navigation";
import { ErrorPanel } from "@/components/ui/error-panel";
import { ApiError } from "@/lib/client/api-error";

/** The error contract's `error` object, as the server page read it (docs/contracts.md). */
export type ErrorBody = { status: number; code: string; message: string; details?: unknown };

/** Why the list could not be read, in the reader's language, with a retry that asks the server again. */
export function GroupsError({ error }: { error: ErrorBody }) {
  const router = useRouter();
  return <ErrorPanel error={new ApiError(error.status, error.code, error.message, error.details)} onRetry={() => router.refresh()} />;
}
