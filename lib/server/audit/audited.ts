import "server-only";
import { ImError } from "@/lib/im/errors";
import { ApiError } from "@/lib/server/platform/api-error";
import { recordIntent, recordResult } from "./intents";
import { auditsInFlight } from "./in-flight";
import { getContext } from "@/lib/server/platform/context";
import { apiErrorForUnknownOutcome, apiErrorFromIm } from "@/lib/server/platform/im-error-words";

/**
 * Runs one audited mutation: intent before the work (an IM call), result after, IM errors in operator words.
 * When the IM server got the request but no answer came back (a timeout, a dropped connection), the outcome
 * is not known: the intent stays without a result, as after a crash, and settlement asks the IM server later.
 */
export async function audited<T>(
  intent: Parameters<typeof recordIntent>[1],
  work: () => Promise<T>,
  after?: (result: T) => { groupId?: string; after?: unknown },
): Promise<T> {
  const { db } = getContext();
  const auditId = await recordIntent(db, intent);
  const running = auditsInFlight();
  running.add(auditId);
  try {
    let result: T;
    try {
      result = await work();
    } catch (err) {
      if (err instanceof ImError && err.outcomeUnknown) throw apiErrorForUnknownOutcome(err);
      const apiError = err instanceof ImError ? apiErrorFromIm(err) : err;
      await recordResult(db, auditId, apiError instanceof ApiError ? apiError.code : "internal");
      throw apiError;
    }
    // The work was done: a result that cannot be written is never written down as a failure instead. The intent
    // stays open, as after a crash, and settlement asks the IM server what happened.
    await recordResult(db, auditId, "ok", after?.(result));
    return result;
  } finally {
    running.delete(auditId);
  }
}
