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
    rules: { "no-restricted-imports": ["error", { patterns: ["@/lib/server/*", "@/lib/im/*", "@/im-server/*"] }] },
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
