"use client";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { CreateGroupInput, Group } from "@/lib/schemas/group";
import type { DirectoryStatus } from "@/lib/schemas/directory";
import { apiFetch } from "./fetcher";

// The groups list is drawn on the server (docs/front-end.md § What loads when): nothing here caches, so the page
// needs no TanStack Query. After a write, the caller asks the server for the page again (router.refresh/push).

export const createGroup = (input: CreateGroupInput) => apiFetch<Group>("/api/groups", { method: "POST", body: input });

/** Poll only while a crawl runs, so progress shows without a reload. */
const POLL_WHILE_RUNNING_MS = 1000;

// The status as last read, shared by the status line and the crawl button (a tiny store: they may sit apart).
let status: DirectoryStatus | undefined;
const listeners = new Set<() => void>();
const setStatus = (next: DirectoryStatus) => {
  status = next;
  listeners.forEach((l) => l());
};
const subscribe = (l: () => void) => (listeners.add(l), () => void listeners.delete(l));

/** The directory's crawl status, read on arrival and then every second while a crawl runs. */
export function useDirectoryStatus(): { data: DirectoryStatus | undefined } {
  const data = useSyncExternalStore(
    subscribe,
    () => status,
    () => undefined,
  );
  const running = data?.running ?? false;
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () =>
      apiFetch<DirectoryStatus>("/api/directory", { signal: abort.signal })
        .then((s) => {
          setStatus(s);
          if (s.running) timer = setTimeout(read, POLL_WHILE_RUNNING_MS);
        })
        // A failed read leaves the line as it was (or absent): the list itself says what is wrong.
        .catch(() => undefined);
    void read();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [running]);
  return { data };
}

/** Starts a crawl; the status it answers shows at once (and its progress from then on). */
export function useRecrawl() {
  const [isPending, setPending] = useState(false);
  const mutate = useCallback(() => {
    setPending(true);
    apiFetch<DirectoryStatus>("/api/directory/crawl", { method: "POST", body: {} })
      .then(setStatus)
      .catch(() => undefined)
      .finally(() => setPending(false));
  }, []);
  return { mutate, isPending };
}
