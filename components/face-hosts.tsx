"use client";
import { createContext, useContext } from "react";
import { faceAllowed } from "@/lib/face-hosts";

/** The hosts faces may be loaded from (FACE_HOSTS), handed down by the console layout: none by default. */
const FaceHostsContext = createContext<readonly string[]>([]);

export function FaceHostsProvider({ hosts, children }: { hosts: readonly string[]; children: React.ReactNode }) {
  return <FaceHostsContext.Provider value={hosts}>{children}</FaceHostsContext.Provider>;
}

/** The face URL when its host is allowed, else null: the caller shows initials, and no other host hears of the moderator. */
export function useAllowedFace(url: string | null | undefined): string | null {
  const hosts = useContext(FaceHostsContext);
  return url && faceAllowed(url, hosts) ? url : null;
}
