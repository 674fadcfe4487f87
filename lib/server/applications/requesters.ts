import "server-only";
import type { Requester } from "@/lib/schemas/group-event";
import { applicationSource } from "./current";
import { log } from "@/lib/server/platform/log";

// Application IDs are positive integers on both back ends; anything else was never an application.
const APPLICATION_ID = /^[1-9]\d{0,15}$/;
const MAX_IDS = 100;

/**
 * The requesters of these applications, by application ID: the audit log records only the application's ID,
 * and "refused application 6" tells a moderator nothing. They live where the applications live (the IM
 * server's extension, or the console's inbox plus the IM profiles). Best effort: what cannot be read is left
 * out, and the event is told by the application's ID as before.
 */
export async function requestersOf(applicationIds: string[]): Promise<Map<string, Requester>> {
  const ids = [...new Set(applicationIds.filter((id) => APPLICATION_ID.test(id)))].slice(0, MAX_IDS);
  if (ids.length === 0) return new Map();
  try {
    return await (await applicationSource()).requesters(ids);
  } catch (err) {
    log("warn", "application requesters not read", { error: err });
    return new Map();
  }
}
