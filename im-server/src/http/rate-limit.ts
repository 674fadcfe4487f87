// Tencent's per-command REST frequency limits (strict mode): no sliding one-second window may hold
// more accepted calls than the limit. Refused calls do not count.

export const RATE_LIMITS: Record<string, number> = {
  "group_open_http_svc/get_appid_group_list": 1,
  "im_open_login_svc/account_check": 100,
};
export const DEFAULT_RATE_LIMIT = 200;
const WINDOW_MS = 1000;

export class SlidingWindowLimiter {
  private readonly windows = new Map<string, number[]>();

  /** Records a call and returns true, or returns false when the window is already full. */
  take(key: string, limit: number, nowMs = Date.now()): boolean {
    let times = this.windows.get(key);
    if (!times) this.windows.set(key, (times = []));
    while (times.length > 0 && times[0] <= nowMs - WINDOW_MS) times.shift();
    if (times.length >= limit) return false;
    times.push(nowMs);
    return true;
  }

  reset(): void {
    this.windows.clear();
  }
}
