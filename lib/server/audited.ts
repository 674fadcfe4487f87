import "server-only";
import { ImError } from "@/lib/im/errors";
import { ApiError } from "./api-error";
import { recordIntent, recordResult } from "./audit";
import { getContext } from "./context";
import { apiErrorFromIm } from "./im-error-words";

/** Runs one audited mutation: intent before the work (an IM call), result after, IM errors in operator words. */
export async function audited<T>(intent: Parameters<typeof recordIntent>[1], work: () => Promise<T>, after?: (result: T) => { groupId?: string; after?: unknown }): Promise<T> {
  const { db } = getContext();
  const auditId = await recordIntent(db, intent);
  try {
    const result = await work();
    await recordResult(db, auditId, "ok", after?.(result));
    return result;
  } catch (err) {
    const apiError = err instanceof ImError ? apiErrorFromIm(err) : err;
    await recordResult(db, auditId, apiError instanceof ApiError ? apiError.code : "internal");
    throw apiError;
  }
}
