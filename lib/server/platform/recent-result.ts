/**
 * `check`, run at most once per `maxAgeMs` however many ask: a caller joins the check still running (never
 * two at once, however slow), or gets the result of one answered less than `maxAgeMs` ago, or else starts a
 * new one. A result's age counts from its answer, so checks begin at least `maxAgeMs` apart. A check that
 * throws is not kept: its callers get the error, the next caller a new check. `now` is a monotonic clock.
 */
export function recentResult<T>(check: () => Promise<T>, maxAgeMs: number, now: () => number = () => performance.now()): () => Promise<T> {
  let last: { result: Promise<T>; answeredAt: number | null } | null = null;
  return () => {
    if (last && (last.answeredAt === null || now() - last.answeredAt < maxAgeMs)) return last.result;
    const current: { result: Promise<T>; answeredAt: number | null } = {
      result: new Promise<T>((resolve) => resolve(check())),
      answeredAt: null,
    };
    last = current;
    current.result.then(
      () => (current.answeredAt = now()),
      () => {
        if (last === current) last = null;
      },
    );
    return current.result;
  };
}
