import "server-only";

// Shared by every bundle of the process, like the bus.
const holder = globalThis as typeof globalThis & { __liveSerial?: Map<string, Promise<unknown>> };
const tails = () => (holder.__liveSerial ??= new Map());

/**
 * Runs tasks with the same key one after another. Two webhooks of one group (created, then destroyed)
 * each re-read the group; run together, the older read could land last and bring a dismissed group back.
 */
export function serially<T>(key: string, task: () => Promise<T>): Promise<T> {
  const map = tails();
  const run = (map.get(key) ?? Promise.resolve()).then(task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  map.set(key, tail);
  void tail.then(() => {
    if (map.get(key) === tail) map.delete(key);
  });
  return run;
}
