// The IM server's environment, validated in one place. A bad value stops the start with a list of
// every problem, not the first one.
import { join } from "node:path";
import { z } from "zod";
import { loadOrCreateSecrets } from "./secrets-file";

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v));
const nonNegative = z.coerce.number().nonnegative();

const EnvSchema = z.object({
  DATA_DIR: z.string().min(1).default(".data"),
  IM_SERVER_HOST: z.string().min(1).default("127.0.0.1"),
  IM_SERVER_PORT: z.coerce.number().int().min(0).max(65535).default(5080),
  IM_DATA_DIR: optionalText,
  IM_SDKAPPID: z.coerce.number().int().min(1).max(4294967295).default(1400000000),
  IM_SECRET_KEY: optionalText,
  IM_ADMIN_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.@-]{1,32}$/, "letters, digits, _ - . @; at most 32")
    .default("administrator"),
  IM_DEMO: flag.default(false),
  IM_TEST_MODE: flag.default(false),
  IM_STRICT_TENCENT: flag.default(false),
  IM_CALLBACK_URL: optionalText.pipe(z.url().optional()),
  IM_CALLBACK_TOKEN: optionalText,
  IM_RECYCLE_AFTER_DAYS: nonNegative.optional(),
  IM_RECYCLE_AFTER_SECONDS: nonNegative.optional(),
  IM_SIMULATOR_RATE: nonNegative.default(0),
  IM_EVENT_RETENTION_HOURS: z.coerce.number().positive().default(24),
  IM_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  IM_REQUEST_LOG: optionalText,
  IM_BAN_ENABLED: flag.default(true),
  IM_CALLBACK_AFTER_SEND_MSG: flag.default(false),
});

export interface ImServerConfig {
  host: string;
  port: number;
  dataDir: string;
  sdkAppId: number;
  secretKey: string;
  adminId: string;
  demo: boolean;
  testMode: boolean;
  strictTencent: boolean;
  callbackUrl: string | undefined;
  callbackToken: string | undefined;
  /** Seconds of inactivity after which a group is reclaimed; undefined = never. */
  recycleAfterSeconds: number | undefined;
  /** Simulated app-user actions per minute; 0 = off. */
  simulatorRate: number;
  eventRetentionHours: number;
  logLevel: string;
  /** A file that gets one line per request (arrival time in ms, path), for benchmarks; unset = none. */
  requestLog?: string;
  /** Member banning (ban_group_member & co.); false answers those commands like an edition without it. Unset = on. */
  banEnabled?: boolean;
  /** Group.CallbackAfterSendMsg, one POST per message: off unless switched on, as in Tencent's console. */
  callbackAfterSendMsg?: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid IM server configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ImServerConfig {
  // An empty variable means "not set" (shells and .env files produce them), not the number 0.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data;
  const recycleAfterSeconds =
    e.IM_RECYCLE_AFTER_SECONDS ?? (e.IM_RECYCLE_AFTER_DAYS !== undefined ? e.IM_RECYCLE_AFTER_DAYS * 86400 : undefined);
  return {
    host: e.IM_SERVER_HOST,
    port: e.IM_SERVER_PORT,
    dataDir: e.IM_DATA_DIR ?? join(e.DATA_DIR, "im"),
    sdkAppId: e.IM_SDKAPPID,
    // Embedded mode needs no configuration: the key comes from the shared secrets file.
    secretKey: e.IM_SECRET_KEY ?? loadOrCreateSecrets(e.DATA_DIR).IM_SECRET_KEY,
    adminId: e.IM_ADMIN_ID,
    demo: e.IM_DEMO,
    testMode: e.IM_TEST_MODE,
    strictTencent: e.IM_STRICT_TENCENT,
    callbackUrl: e.IM_CALLBACK_URL,
    callbackToken: e.IM_CALLBACK_TOKEN,
    recycleAfterSeconds: recycleAfterSeconds === 0 ? undefined : recycleAfterSeconds,
    simulatorRate: e.IM_SIMULATOR_RATE,
    eventRetentionHours: e.IM_EVENT_RETENTION_HOURS,
    logLevel: e.IM_LOG_LEVEL,
    requestLog: e.IM_REQUEST_LOG,
    banEnabled: e.IM_BAN_ENABLED,
    callbackAfterSendMsg: e.IM_CALLBACK_AFTER_SEND_MSG,
  };
}
