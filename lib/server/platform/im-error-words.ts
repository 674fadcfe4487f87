import "server-only";
import { IM_BAD_RESPONSE, ImError } from "@/lib/im/errors";
import { ApiError, type ErrorCode } from "./api-error";
import { log } from "./log";

/** Tencent codes → the BFF code and words an operator understands; the IM code stays in details for support. */
const KNOWN: Record<number, [ErrorCode, string]> = {
  10004: ["validation", "The IM server rejected a value as invalid for this group"],
  10005: ["validation", "Too many users in one request"],
  10007: ["validation", "This group type does not allow that operation"],
  10009: ["validation", "The owner cannot leave this type of group; transfer ownership or dismiss it instead"],
  10010: ["not_found", "This group does not exist or has been dismissed"],
  10013: ["conflict", "That user is already a member of this group"],
  10014: ["conflict", "This group is full"],
  10015: ["not_found", "This group does not exist or has been dismissed"],
  10016: ["validation", "The app's backend refused this change"],
  10019: ["validation", "That user ID does not exist in the IM app"],
  10021: ["conflict", "That group ID is already taken"],
  10024: ["conflict", "This application has already been handled"],
  10025: ["conflict", "That group ID is already taken"],
  10038: ["conflict", "This group has reached the member limit of the plan"],
};

const RATE_LIMITED = "The IM server is busy (rate limit reached). Wait a moment and try again";

export function apiErrorFromIm(err: ImError): ApiError {
  const details = { imCode: err.code, imInfo: err.info, command: err.command };
  if (err.unavailable) return new ApiError("im_unavailable", "The IM server cannot be reached right now. Try again shortly", details);
  if (err.rateLimited) return new ApiError("rate_limited", RATE_LIMITED, details);
  if (err.badSignature) {
    log("error", "IM server refused the console's UserSig: check IM_SDKAPPID, IM_SECRET_KEY and IM_ADMIN_ID", {
      imCode: err.code,
      imInfo: err.info,
    });
    return new ApiError(
      "im_error",
      "The console's IM credentials were refused (check IM_SDKAPPID, IM_SECRET_KEY and IM_ADMIN_ID)",
      details,
    );
  }
  if (err.code === IM_BAD_RESPONSE) {
    log("error", "IM answer not understood", { imCommand: err.command, imInfo: err.info });
    return new ApiError("im_error", "The IM server sent an answer the console cannot read. It has been logged; try again shortly", details);
  }
  if (err.code === 10024) return alreadyHandled(err, details);
  const known = KNOWN[err.code];
  if (known) return new ApiError(known[0], known[1], details);
  return new ApiError("im_error", `The IM server refused the request (code ${err.code})`, details);
}

/**
 * A change sent to the IM server that got no answer: it may have taken effect. Still 503 im_unavailable, in
 * words that do not invite a blind retry; the audit entry waits for settlement to ask the IM server.
 */
export function apiErrorForUnknownOutcome(err: ImError): ApiError {
  const message =
    "The IM server did not answer, so it is not known whether the change took effect. The console will ask the IM server and record the outcome in the audit log; check there before trying again";
  return ApiError.because("im_unavailable", "outcomeUnknown", message, undefined, {
    imCode: err.code,
    imInfo: err.info,
    command: err.command,
  });
}

/** Who won the race: the IM server names the handler and when, so the loser can be told. */
function alreadyHandled(err: ImError, details: Record<string, unknown>): ApiError {
  const handledBy = typeof err.extra.Handler_Account === "string" && err.extra.Handler_Account ? err.extra.Handler_Account : undefined;
  const handledAt =
    typeof err.extra.HandleTime === "number" && err.extra.HandleTime > 0 ? new Date(err.extra.HandleTime * 1000).toISOString() : undefined;
  const status = err.extra.Status === "Approved" ? "approved" : err.extra.Status === "Refused" ? "refused" : undefined;
  const message = `This application was already ${status ?? "handled"}${handledBy ? ` by ${handledBy}` : ""}`;
  return new ApiError("conflict", message, { ...details, handledBy, handledAt, status });
}
