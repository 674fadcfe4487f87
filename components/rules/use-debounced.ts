"use client";
import { useEffect, useMemo, useState } from "react";

/**
 * `value` once it has stayed the same for `ms`, compared by its JSON: a draft rebuilt on every keystroke is
 * the same draft when nothing in it changed. `settling` says a newer value is waiting.
 */
export function useDebounced<T>(value: T, ms: number): { value: T; settling: boolean } {
  const key = JSON.stringify(value);
  const [settledKey, setSettledKey] = useState(key);
  useEffect(() => {
    if (key === settledKey) return;
    const timer = setTimeout(() => setSettledKey(key), ms);
    return () => clearTimeout(timer);
  }, [key, ms, settledKey]);
  const settled = useMemo(() => JSON.parse(settledKey) as T, [settledKey]);
  return { value: settled, settling: key !== settledKey };
}
