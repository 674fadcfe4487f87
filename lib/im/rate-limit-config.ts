import { TENCENT_RATE_LIMITS, type RateLimits } from "./rate-limiter";

/**
 * The gateway's rate budget from configuration: `IM_RATE_LIMITS` overrides Tencent's defaults per command
 * ("get_appid_group_list=1,default=200"; a command is the last word of its path), and `CONSOLE_INSTANCES`
 * divides every budget, so that N consoles sharing one SDKAppID stay within its limits together.
 */
export function rateLimitsFrom(spec: string | undefined, instances = 1): RateLimits {
  if (!Number.isInteger(instances) || instances < 1) throw new Error("CONSOLE_INSTANCES must be a whole number of at least 1");
  const perCommand: Record<string, number> = { ...TENCENT_RATE_LIMITS.perCommand };
  let fallback = TENCENT_RATE_LIMITS.default;
  for (const part of (spec ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z][a-z0-9_]*)\s*=\s*(\d+(?:\.\d+)?)$/i.exec(part);
    const rate = match ? Number(match[2]) : NaN;
    if (!match || !(rate > 0)) throw new Error(`IM_RATE_LIMITS: "${part}" is not command=calls-per-second (e.g. get_appid_group_list=1)`);
    if (match[1] === "default") fallback = rate;
    else perCommand[match[1]] = rate;
  }
  const share = (n: number) => n / instances;
  return { perCommand: Object.fromEntries(Object.entries(perCommand).map(([k, v]) => [k, share(v)])), default: share(fallback) };
}
