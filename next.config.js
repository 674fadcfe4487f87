import path from "node:path";
import { fileURLToPath } from "node:url";
import createNextIntlPlugin from "next-intl/plugin";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

// Pages get their nonce-based policy from proxy.ts. API answers (JSON, CSV, event streams) load nothing
// and are framed by no one.
const apiPolicy = {
  key: "Content-Security-Policy",
  value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Movable (NEXT_DIST_DIR=.next-x) so that two test runs in one checkout do not rebuild under each other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // A self-contained server (server.js and the node_modules it needs), which scripts/standalone/assemble.ts
  // completes into dist/standalone. Traced from this directory, so the output mirrors no parent folder.
  output: "standalone",
  outputFileTracingRoot: path.dirname(fileURLToPath(import.meta.url)),
  reactStrictMode: true,
  // npm test type-checks the whole tree (tests included) with tsc before it builds; the build need not again.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  experimental: {
    // Each API route's server chunk carries its own copy of the shared server code (38 copies of a 317 KB chunk,
    // held as source text and code): loading every route at start cost about 30 MB of heap before the first
    // request. A route now loads on its first request (tens of milliseconds, once). docs/directory.md § Memory
    preloadEntriesOnStart: false,
  },
  // Native and Node-only packages stay outside the server bundle; tracing loads only when configured.
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "bcryptjs",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
  ],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [apiPolicy] },
    ];
  },
};

// The plugin points next-intl at i18n/request.ts (language per request, no locale in the URL). The messages are
// compiled at build time, so the browser gets no ICU parser, only a small formatter (docs/front-end.md § What loads when).
export default createNextIntlPlugin({
  experimental: { messages: { format: "json", path: "./messages", locales: "infer", precompile: true } },
})(nextConfig);
