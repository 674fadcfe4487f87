import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

const config = [
  ...coreWebVitals,
  ...typescript,
  { ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", ".data-*/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
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
    files: ["im-server/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/lib/*", "**/lib/*", "@/app/*"] }] },
  },
];
export default config;
