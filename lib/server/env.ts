import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The console's configuration (DESIGN §7), validated once. Embedded mode (no IM_BASE_URL) needs nothing:
 * secrets come from the environment first, then from `$DATA_DIR/secrets.json`, which the start script creates.
 */
const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default(".data"),
    IM_BASE_URL: z.url().optional(),
    IM_SERVER_PORT: z.coerce.number().int().min(1).max(65535).default(5080),
    IM_SDKAPPID: z.coerce.number().int().positive().default(1400000000),
    IM_SECRET_KEY: z.string().min(16).optional(),
    IM_ADMIN_ID: z.string().min(1).max(32).default("administrator"),
    IM_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    IM_CALLBACK_TOKEN: z.string().optional(),
    CONSOLE_ADMIN_EMAIL: z.email().default("admin@localhost"),
    CONSOLE_ADMIN_PASSWORD: z.string().min(8).optional(),
    NEXTAUTH_SECRET: z.string().min(16).optional(),
    NEXTAUTH_URL: z.url().optional(),
  })
  .transform((e, ctx) => {
    const embedded = !e.IM_BASE_URL;
    const secrets = embedded ? readSecretsFile(e.DATA_DIR) : {};
    const imSecretKey = e.IM_SECRET_KEY ?? secrets.IM_SECRET_KEY;
    const nextAuthSecret = e.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET;
    if (!imSecretKey) ctx.addIssue({ code: "custom", path: ["IM_SECRET_KEY"], message: embedded ? "missing (run `npm start`, which generates it)" : "required when IM_BASE_URL is set" });
    if (!nextAuthSecret) ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: embedded ? "missing (run `npm start`, which generates it)" : "required when IM_BASE_URL is set" });
    return {
      port: e.PORT,
      dataDir: path.resolve(e.DATA_DIR),
      embedded,
      im: {
        baseUrl: e.IM_BASE_URL ?? `http://127.0.0.1:${e.IM_SERVER_PORT}`,
        sdkAppId: e.IM_SDKAPPID,
        secretKey: imSecretKey ?? "",
        adminId: e.IM_ADMIN_ID,
        timeoutMs: e.IM_TIMEOUT_MS,
      },
      admin: { email: e.CONSOLE_ADMIN_EMAIL.toLowerCase(), password: e.CONSOLE_ADMIN_PASSWORD },
      nextAuthSecret: nextAuthSecret ?? "",
      // Unset: webhooks are checked by SdkAppid only (Tencent without webhook authentication).
      callbackToken: e.IM_CALLBACK_TOKEN || secrets.IM_CALLBACK_TOKEN || undefined,
      nextAuthUrl: e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`,
    };
  });

export type Env = z.output<typeof schema>;

function readSecretsFile(dataDir: string): Record<string, string> {
  try {
    return z.record(z.string(), z.string()).parse(JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")));
  } catch {
    return {};
  }
}

export class EnvError extends Error {
  readonly name = "EnvError";
}

let cached: Env | undefined;

/** Read lazily: `next build` imports route modules without any configuration. */
export function getEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (cached && source === process.env) return cached;
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid console configuration:\n${lines.join("\n")}`);
  }
  if (source === process.env) cached = parsed.data;
  return parsed.data;
}
