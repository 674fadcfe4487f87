import createNextIntlPlugin from "next-intl/plugin";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only packages stay outside the server bundle; tracing loads only when configured.
  serverExternalPackages: ["better-sqlite3", "bcryptjs", "@opentelemetry/sdk-trace-node", "@opentelemetry/exporter-trace-otlp-http", "@opentelemetry/resources"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// The plugin points next-intl at i18n/request.ts (language per request, no locale in the URL).
export default createNextIntlPlugin()(nextConfig);
