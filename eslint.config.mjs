import { readdirSync, readFileSync } from "node:fs";
import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";
import { COMPOSITION_ROOT, SERVER_MODULES } from "./scripts/architecture/modules.mjs";

const server = (path = "") => `./lib/server/${path}`;
/** Everything outside one server module: the other modules, the composition root, and every caller of lib/server. */
const outside = (name) => [
  server(`!(${name})/**`),
  server("*.ts"),
  "./app/**",
  "./scripts/**",
  "./bench/**",
  "./i18n/**",
  "./proxy.ts",
  "./instrumentation.ts",
];

// One direction (docs/architecture.md § Modules): each module imports only the modules listed before it.
const orderZones = SERVER_MODULES.slice(0, -1).map(({ name }, i) => ({
  target: server(name),
  from: [...SERVER_MODULES.slice(i + 1).map((m) => server(m.name)), server(COMPOSITION_ROOT)],
  message: `${name} sits below these modules (scripts/architecture/modules.mjs): move the shared part down, or hand it in from the composition root`,
}));

// A small public surface: other code imports only the files a module lists as public.
const surfaceZones = SERVER_MODULES.filter((m) => m.public !== "all").map(({ name, public: files }) => ({
  target: outside(name),
  from: server(name),
  except: files.map((f) => `./${f}`),
  message: `not part of ${name}'s public surface (scripts/architecture/modules.mjs)`,
}));

/** The layers the browser's code never imports (docs/architecture.md § Layers). */
const SERVER_SIDE = ["@/lib/server/*", "@/lib/im/*", "@/im-server/*"];

/** The schema modules without zod at run time, which the browser's code may import (docs/front-end.md § What loads when). */
const ZOD_FREE_SCHEMAS = [
  "audit-actions",
  "constants",
  "directory",
  "group-event",
  "issue-reasons",
  "join-options",
  "live-event-types",
  "openapi",
  "utf8",
];
/** Forms loaded on first use that check what is typed: zod comes with them, off the page's load (docs/front-end.md § What loads when). */
const LAZY_FORMS = ["components/groups/create-group-dialog.tsx", "components/moderation/sanction-dialog.tsx"];

/** The files marked "use client" under a folder: those that reach the browser with a page. */
function clientFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => `${e.parentPath}/${e.name}`)
    .filter((f) => /^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use client["']/.test(readFileSync(f, "utf8")));
}

const config = [
  ...coreWebVitals,
  ...typescript,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      ".data/**",
      ".data-*/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "dist/**",
      "dist-*/**",
    ],
  },
  {
    // The store is asynchronous (SQLite or PostgreSQL): a forgotten await is a lost write or a Promise taken for a value.
    files: ["lib/server/**/*.ts", "app/**/*.ts", "app/**/*.tsx", "scripts/**/*.ts", "instrumentation.ts"],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // Layers point one way: the IM gateway knows nothing of the BFF, the browser code nothing of either.
    files: ["lib/im/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/lib/server/*", "@/lib/client/*", "**/server/*", "**/client/*"] }] },
  },
  {
    files: ["lib/client/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: SERVER_SIDE }] },
  },
  {
    // The browser code's tests draw their groups as the server's tests do (testing/groups.ts imports a type alone);
    // nothing else of the server reaches them.
    files: ["lib/client/**/*.test.ts", "components/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@/lib/server/(?!testing/groups$)" }, { group: ["@/lib/im/*", "@/im-server/*"] }] },
      ],
    },
  },
  {
    // A schema module imported at run time by a client component puts zod (about 30 KB) on the page: types only,
    // or the zod-free modules. The forms that check what is typed load with their schema on first use.
    files: [...clientFiles("components"), ...clientFiles("lib/client")],
    ignores: LAZY_FORMS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: SERVER_SIDE },
            {
              group: ["@/lib/schemas/*", ...ZOD_FREE_SCHEMAS.map((m) => `!@/lib/schemas/${m}`)],
              allowTypeImports: true,
              message:
                "this schema module brings zod into the browser: import its types (import type), or the value from a zod-free module (docs/front-end.md § What loads when)",
            },
          ],
        },
      ],
    },
  },
  // No rule for import circles here: scripts/architecture/architecture.test.ts walks the same files' whole import
  // graph, type-only imports included (which import/no-cycle skipped), and fails on a circle between files or
  // folders. The two said the same thing, and import/no-cycle was more than half of the lint's time.
  {
    // The bottom layers know nothing above them, and server modules keep their order and their surfaces
    // (docs/architecture.md § Layers and § Modules). Tests may reach anywhere.
    files: ["lib/**", "app/**", "scripts/**", "bench/**", "i18n/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["**/*.test.ts", "**/testing/**", "**/test-stores.ts"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib/schemas",
              from: ["./lib/server", "./lib/client", "./lib/im", "./app", "./components"],
              message: "lib/schemas is shared by every side and imports none of them",
            },
            {
              target: "./lib/server",
              from: "./app",
              message: "lib/server sits below the routes (the route registry is handed down to it, never imported)",
            },
            ...orderZones,
            ...surfaceZones,
          ],
        },
      ],
    },
  },
  {
    files: ["im-server/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/lib/*", "**/lib/*", "@/app/*"] }] },
  },
];
export default config;
