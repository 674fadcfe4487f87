"use client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "@/lib/client/api-error";
import { useLiveInvalidations } from "@/lib/client/live";
import { goToSignIn, isSignedOut } from "@/lib/client/session-ended";

/** Any answer saying the session is over takes the tab to the sign-in page, whatever asked. */
const onError = (err: unknown) => {
  if (isSignedOut(err)) goToSignIn(err);
};

/** 4xx answers are final, so only network and 5xx failures are retried. */
const makeClient = () =>
  new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, err) => count < 2 && (!(err instanceof ApiError) || err.status === 0 || err.status >= 500),
      },
    },
  });

// One QueryClient per browser tab, kept across pages (each page that caches mounts its own provider, so the
// pages that do not never load TanStack Query); on the server, one per render.
let browserClient: QueryClient | undefined;
const tabClient = () => (typeof window === "undefined" ? makeClient() : (browserClient ??= makeClient()));

/** TanStack Query for the pages that cache what they read, kept current by the tab's live stream. */
export function QueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(tabClient);
  useLiveInvalidations(client);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
