"use client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "@/lib/client/api-error";
import { goToSignIn, isSignedOut } from "@/lib/client/session-ended";

/** Any answer saying the session is over takes the tab to the sign-in page, whatever asked. */
const onError = (err: unknown) => {
  if (isSignedOut(err)) goToSignIn(err);
};

/** One QueryClient per browser tab; 4xx answers are final, so only network and 5xx failures are retried. */
export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError }),
        mutationCache: new MutationCache({ onError }),
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            retry: (count, err) => count < 2 && (!(err instanceof ApiError) || err.status === 0 || err.status >= 500),
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
