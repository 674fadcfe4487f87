import type { SessionUser } from "@/lib/schemas/user";

/**
 * Who asks, as every service that changes something takes it (its second argument, after the input): the
 * signed-in user, the request (its ID goes into the audit log), and the client's address (for throttling).
 */
export type Actor = { user: SessionUser; requestId: string; ip: string | null };
