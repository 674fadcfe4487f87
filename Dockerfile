# The console as a container: a starting point, built from the standalone directory (README § Deploy).
# Untested on the machines this console is developed on: they cannot run containers.

# Build: dependencies (better-sqlite3 compiles here), then `npm run build`, which makes dist/standalone.
FROM node:20-bookworm-slim AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NEXT_TELEMETRY_DISABLED=1 npm run build

# Run: the standalone directory alone, as a user without rights, data in a volume.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
RUN groupadd --system --gid 10001 console \
 && useradd --system --uid 10001 --gid console --home-dir /app --shell /usr/sbin/nologin console \
 && mkdir -p /data && chown console:console /data
WORKDIR /app
COPY --from=build --chown=console:console /src/dist/standalone/ ./
USER console
VOLUME ["/data"]
EXPOSE 3000
# Liveness: /api/health answers 200 while the process lives (GET /api/ready says whether it can serve).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "start.js"]
