import "server-only";

// One set per process (Next may load this module in several bundles): the audit intents whose requests are
// still running here, which settlement must leave to them.
const holder = globalThis as typeof globalThis & { __auditInFlight?: Set<number> };

export function auditsInFlight(): Set<number> {
  return (holder.__auditInFlight ??= new Set());
}
