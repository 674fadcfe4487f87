"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { applicationKeys } from "@/lib/client/query-keys";

/** At most one refresh this often, however many applications arrive or are decided meanwhile. */
const REFRESH_EVERY_MS = 5_000;

/**
 * Keeps the dashboard current. Its figures are drawn on the server, so nothing here holds them: this mounts a
 * query under the statistics' key, which every application event marks stale (lib/client/live-invalidations.ts),
 * and its "fetch" asks the server for the page again, at most once every few seconds.
 */
export function DashboardLive({ days }: { days: number }) {
  const router = useRouter();
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    last.current = Date.now();
    return () => clearTimeout(timer.current);
  }, []);
  useQuery({
    queryKey: [...applicationKeys.stats(), days],
    queryFn: () => {
      if (!timer.current) {
        const wait = Math.max(0, last.current + REFRESH_EVERY_MS - Date.now());
        timer.current = setTimeout(() => {
          timer.current = undefined;
          last.current = Date.now();
          router.refresh();
        }, wait);
      }
      return Date.now();
    },
    // Drawn by the server just now: nothing to fetch until an event says something changed.
    initialData: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  return null;
}
