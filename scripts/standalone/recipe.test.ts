import { readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";

// Containers cannot run where this console is built and tested, so the recipe is checked as text: that it
// builds and starts what `npm run build` makes, and configures nothing the documentation does not name.

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (f: string) => readFileSync(path.join(ROOT, f), "utf8");

/** The variables a README's configuration table names (every `NAME` in its first column). */
function configured(readme: string): Set<string> {
  const names = new Set<string>();
  for (const line of read(readme).split("\n"))
    if (line.startsWith("| `")) for (const m of line.split("|")[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(m[1]);
  return names;
}
const CONSOLE_VARIABLES = configured("README.md");
const IM_VARIABLES = configured("im-server/README.md");

type Instruction = { op: string; args: string };
const dockerfile: Instruction[] = read("Dockerfile")
  .replace(/\\\n/g, " ")
  .split("\n")
  .filter((l) => l.trim() && !l.trim().startsWith("#"))
  .map((l) => {
    const [op, ...rest] = l.trim().split(/\s+/);
    return { op: op.toUpperCase(), args: rest.join(" ") };
  });
const stages = dockerfile.reduce<Instruction[][]>((all, i) => (i.op === "FROM" ? [...all, [i]] : (all.at(-1)!.push(i), all)), []);
const runtime = stages.at(-1)!;
const of = (op: string) => runtime.filter((i) => i.op === op).map((i) => i.args);

describe("the Dockerfile", () => {
  it("builds in one stage and runs the standalone directory alone in another, as a user without rights", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0].some((i) => i.op === "RUN" && i.args.includes("npm run build"))).toBe(true);
    expect(of("COPY").some((a) => /--from=build\b.*\/dist\/standalone\/? \.\/?$/.test(a))).toBe(true);
    expect(of("COPY").filter((a) => !a.includes("--from="))).toEqual([]);
    const user = of("USER").at(-1);
    expect(user).toBeDefined();
    expect(["root", "0"]).not.toContain(user);
  });

  it("starts with the README's command, listens on every interface, keeps data in a volume, and checks /api/health", () => {
    expect(of("CMD").at(-1)).toBe('["node", "start.js"]');
    const env = of("ENV").join(" ");
    expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
    const dataDir = env.match(/\bDATA_DIR=(\S+)/)?.[1];
    expect(dataDir).toBeDefined();
    expect(of("VOLUME").join(" ")).toContain(dataDir);
    expect(of("EXPOSE").join(" ")).toBe(env.match(/\bPORT=(\d+)/)?.[1]);
    expect(of("HEALTHCHECK").join(" ")).toContain("/api/health");
  });

  it("sets only variables the configuration table names", () => {
    const names = of("ENV")
      .join(" ")
      .split(/\s+/)
      .map((kv) => kv.split("=")[0])
      .filter((n) => !["NODE_ENV", "NEXT_TELEMETRY_DISABLED"].includes(n));
    expect(names.filter((n) => !CONSOLE_VARIABLES.has(n))).toEqual([]);
  });
});

type Service = {
  build?: unknown;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
};
const compose = yaml.load(read("compose.yaml")) as { services: Record<string, Service> };
const consoles = Object.entries(compose.services).filter(([, s]) => s.build && !s.command);
const imServers = Object.entries(compose.services).filter(([, s]) => s.command?.join(" ") === "node im-server.js");

describe("compose.yaml", () => {
  it("runs two console instances on one PostgreSQL, sharing one IM server, behind one proxy", () => {
    expect(consoles.map(([name]) => name)).toHaveLength(2);
    expect(imServers).toHaveLength(1);
    const [imName] = imServers[0];
    for (const [, s] of consoles) {
      expect(s.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(s.environment?.IM_BASE_URL).toBe(`http://${imName}:5080`);
      expect(s.environment?.CONSOLE_INSTANCES).toBe("2");
      expect(s.volumes?.some((v) => v.endsWith(`:${s.environment?.DATA_DIR}`))).toBe(true);
    }
    expect(compose.services.postgres?.image).toMatch(/^postgres:/);
    const proxyConf = read("deploy/nginx.conf");
    for (const [name] of consoles) expect(proxyConf).toContain(`server ${name}:3000;`);
    expect(compose.services.proxy?.ports).toEqual(["8080:8080"]);
  });

  it("gives the consoles and the IM server only variables their configuration tables name", () => {
    const unknown = [
      ...consoles.flatMap(([, s]) => Object.keys(s.environment ?? {}).filter((n) => !CONSOLE_VARIABLES.has(n))),
      ...imServers.flatMap(([, s]) => Object.keys(s.environment ?? {}).filter((n) => !IM_VARIABLES.has(n))),
    ];
    expect(unknown).toEqual([]);
  });

  it("has the IM server call the consoles back through the proxy, with the token they check", () => {
    const [, im] = imServers[0];
    expect(im.environment?.IM_CALLBACK_URL).toBe("http://proxy:8080/api/im/callback");
    for (const [, s] of consoles) expect(s.environment?.IM_CALLBACK_TOKEN).toBe(im.environment?.IM_CALLBACK_TOKEN);
  });
});
