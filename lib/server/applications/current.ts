import "server-only";
import { getContext } from "@/lib/server/platform/context";
import { applicationSourceFor, type ApplicationSource } from "./source";

/** The application source of this process's IM server (see source.ts). */
export function applicationSource(): Promise<ApplicationSource> {
  const { db, im } = getContext();
  return applicationSourceFor(db, im);
}
