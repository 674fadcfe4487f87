import { ApiError } from "./api-error";

/**
 * When the BFF answers 401, the session is over: ended by a password or role change, disabling, "sign out
 * everywhere", or its 12 hours. The open page goes to the sign-in page, which says why, and comes back here.
 */
export function isSignedOut(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status === 401;
}

export function goToSignIn(err: ApiError): void {
  const reason = (err.details as { sessionEnded?: unknown } | undefined)?.sessionEnded;
  const params = new URLSearchParams({ from: window.location.pathname + window.location.search });
  if (typeof reason === "string") params.set("reason", reason);
  // A full load, not a client navigation: nothing of the ended session's cached data should survive it.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/login?${params}`);
}
