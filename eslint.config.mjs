import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

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
  {
    // No import circle between files. The rule skips type-only imports, so keep types that implementations
    // share in a file of their own (applications/source-types.ts). A lazy import() may close one (the route
    // registry lists GET /api/openapi.json, which reads the registry): it runs after both modules loaded.
    files: ["lib/**", "app/**", "components/**"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: true }] },
  },
  {
    // The bottom layers know nothing above them (docs/architecture.md § Layers). Tests may reach up.
    files: ["lib/**"],
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
              target: "./lib/server/store",
              from: ["./lib/server/!(store)/**", "./lib/server/*.ts"],
              message: "the store is the bottom of the server: it knows no feature",
            },
            {
              target: "./lib/server",
              from: "./app",
              message: "lib/server sits below the routes (the route registry is handed down to it, never imported)",
            },
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
