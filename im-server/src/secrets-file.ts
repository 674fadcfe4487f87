// Generated secrets of the embedded setup, kept in <dataDir>/secrets.json. Shared with the console's
// start script, so both sides of the webhook and of UserSig agree without any configuration.
import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Secrets {
  IM_SECRET_KEY: string;
  NEXTAUTH_SECRET: string;
  IM_CALLBACK_TOKEN: string;
}

const NAMES = ["IM_SECRET_KEY", "NEXTAUTH_SECRET", "IM_CALLBACK_TOKEN"] as const;

function fresh(): string {
  return randomBytes(32).toString("hex");
}

function readExisting(path: string): Partial<Secrets> | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed !== "object" || parsed === null) throw new Error(`${path} does not hold a JSON object`);
  return parsed as Partial<Secrets>;
}

/**
 * Reads the secrets file, adding any secret it lacks. Writes go to a temp file that is then linked
 * or renamed into place, so a crash never leaves half a file.
 */
export function loadOrCreateSecrets(dataDir: string): Secrets {
  const path = join(dataDir, "secrets.json");
  const existing = readExisting(path);
  if (existing && NAMES.every((name) => typeof existing[name] === "string" && existing[name] !== "")) {
    return existing as Secrets;
  }
  const secrets = { ...existing } as Record<string, unknown>;
  for (const name of NAMES) if (typeof secrets[name] !== "string" || secrets[name] === "") secrets[name] = fresh();

  mkdirSync(dataDir, { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(temp, 0o600);
  if (existing === null) {
    // First creation: link() fails if another process created the file meanwhile, and then its
    // secrets win, so two processes starting together never end up with different keys.
    try {
      linkSync(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(temp);
    }
    return loadOrCreateSecrets(dataDir);
  }
  renameSync(temp, path);
  return secrets as unknown as Secrets;
}
