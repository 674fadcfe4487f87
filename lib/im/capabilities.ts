import { ImError } from "./errors";
import type { ImSend } from "./transport";

/** What this IM server offers beyond Tencent Cloud Chat's REST API (docs/architecture.md § Pieces: extensions are capabilities). */
export type ImCapabilities = { applications: boolean };

// Answers that mean "no such command here": 10003 (invalid command word), 60009 (no such resource).
const ABSENT = new Set([10003, 60009]);

/**
 * Asks once whether the applications extension exists (a one-item read of the list) and keeps the answer
 * for the life of the process. A probe that fails (server down, bad signature) is not kept, so the next
 * caller asks again; concurrent callers share one probe.
 */
export function capabilityProbe(send: ImSend) {
  let known: ImCapabilities | null = null;
  let probing: Promise<ImCapabilities> | null = null;

  async function probe(): Promise<ImCapabilities> {
    try {
      await send("group_open_http_svc/get_group_application_list", { Limit: 1 });
      return { applications: true };
    } catch (err) {
      if (err instanceof ImError && ABSENT.has(err.code)) return { applications: false };
      throw err;
    }
  }

  return {
    capabilities(): Promise<ImCapabilities> {
      if (known) return Promise.resolve(known);
      probing ??= probe()
        .then((caps) => (known = caps))
        .finally(() => (probing = null));
      return probing;
    },
    /** What is known without asking: null until a probe succeeded. */
    knownCapabilities: (): ImCapabilities | null => known,
    /** An extension answered "no such command" after all (another server behind the same address): ask again. */
    forgetCapabilities(): void {
      known = null;
    },
  };
}
