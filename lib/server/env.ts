import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { rateLimitsFrom } from "@/lib/im/rate-limit-config";
import { parseRoleRules, type RoleRule } from "./oidc-roles";

/**
 * The console's configuration (DESIGN §7), validated once. Embedded mode (no IM_BASE_URL) needs nothing:
 * secrets come from the environment first, then from `$DATA_DIR/secrets.json`, which the start script creates.
 */
const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default(".data"),
    DATABASE_URL: z.union([z.literal(""), z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")]).optional(),
    IM_BASE_URL: z.url().optional(),
    IM_SERVER_PORT: z.coerce.number().int().min(1).max(65535).default(5080),
    IM_SDKAPPID: z.coerce.number().int().positive().default(1400000000),
    IM_SECRET_KEY: z.string().min(16).optional(),
    IM_ADMIN_ID: z.string().min(1).max(32).default("administrator"),
    IM_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    IM_CALLBACK_TOKEN: z.string().optional(),
    IM_RATE_LIMITS: z.string().optional(),
    CONSOLE_INSTANCES: z.coerce.number().int().min(1).default(1),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_ROLES: z.string().optional(),
    OIDC_NAME: z.string().min(1).max(40).default("SSO"),
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
    const rateLimits = orIssue(ctx, "IM_RATE_LIMITS", () => rateLimitsFrom(e.IM_RATE_LIMITS, e.CONSOLE_INSTANCES));
    const oidc = oidcConfig(e, ctx);
    return {
      port: e.PORT,
      dataDir: path.resolve(e.DATA_DIR),
      // Unset: the SQLite file in DATA_DIR.
      databaseUrl: e.DATABASE_URL || undefined,
      embedded,
      im: {
        baseUrl: e.IM_BASE_URL ?? `http://127.0.0.1:${e.IM_SERVER_PORT}`,
        sdkAppId: e.IM_SDKAPPID,
        secretKey: imSecretKey ?? "",
        adminId: e.IM_ADMIN_ID,
        timeoutMs: e.IM_TIMEOUT_MS,
        ...(rateLimits ? { rateLimits } : {}),
      },
      instances: e.CONSOLE_INSTANCES,
      oidc,
      admin: { email: e.CONSOLE_ADMIN_EMAIL.toLowerCase(), password: e.CONSOLE_ADMIN_PASSWORD },
      nextAuthSecret: nextAuthSecret ?? "",
      // Unset: webhooks are checked by SdkAppid only (Tencent without webhook authentication).
      callbackToken: e.IM_CALLBACK_TOKEN || secrets.IM_CALLBACK_TOKEN || undefined,
      nextAuthUrl: e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`,
    };
  });

export type Env = z.output<typeof schema>;

type RawEnv = { OIDC_ISSUER?: string; OIDC_CLIENT_ID?: string; OIDC_CLIENT_SECRET?: string; OIDC_ROLES?: string; OIDC_NAME: string };
export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; roles: RoleRule[]; name: string };

function orIssue<T>(ctx: z.RefinementCtx, path: string, make: () => T): T | undefined {
  try {
    return make();
  } catch (err) {
    ctx.addIssue({ code: "custom", path: [path], message: err instanceof Error ? err.message : String(err) });
    return undefined;
  }
}

/** Single sign-on is on when an issuer, client ID and secret are all set; it then needs OIDC_ROLES. */
function oidcConfig(e: RawEnv, ctx: z.RefinementCtx): OidcConfig | null {
  const parts = { OIDC_ISSUER: e.OIDC_ISSUER, OIDC_CLIENT_ID: e.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: e.OIDC_CLIENT_SECRET };
  if (Object.values(parts).every((v) => !v)) return null;
  for (const [key, value] of Object.entries(parts)) if (!value) ctx.addIssue({ code: "custom", path: [key], message: "required when any OIDC_ variable is set" });
  const roles = orIssue(ctx, "OIDC_ROLES", () => parseRoleRules(e.OIDC_ROLES ?? ""));
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET || !roles) return null;
  return { issuer: e.OIDC_ISSUER.replace(/\/+$/, ""), clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, roles, name: e.OIDC_NAME };
}

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
