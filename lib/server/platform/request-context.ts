import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/** What one API request gathers for its log line: who asked, and each IM command it sent and how it ended. */
export type RequestContext = { requestId: string; userId?: string; im: { command: string; code: number; ms: number }[] };

// Route modules are bundled separately but share one process: they must all see one store.
const holder = globalThis as typeof globalThis & { __requestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext = (holder.__requestContext ??= new AsyncLocalStorage<RequestContext>());

const MAX_IM_ENTRIES = 20;

/** Called by the gateway's observer: a request that sends hundreds of commands keeps only the first few. */
export function recordImCall(command: string, code: number, ms: number): void {
  const ctx = requestContext.getStore();
  if (ctx && ctx.im.length < MAX_IM_ENTRIES) ctx.im.push({ command, code, ms });
}
