# syntax=docker/dockerfile:1
# Steady State's container image: three stages, and the runtime stage holds only what `next build`'s
# standalone output needs (server.js with its traced node_modules, the static assets), run as the
# image's non-root `node` user. tests/built/image.test.ts copies exactly this file's runtime COPY lines
# out of a real build into an empty folder and signs in, rolls back and reads the overview there, so a
# file the bundle needs but this file forgets fails that test, not a deploy.
#
# The database migrations are TypeScript modules that lib/store imports, so they are compiled into the
# server bundle (.next/standalone/.next/server) and run at start-up; there is no separate folder to copy.
# There is no public/ folder: the only static file, app/icon.svg, is served by the App Router.

# The supported LTS (docs/deploy.md): the builder and the runtime must be the same Node, because
# better-sqlite3 is a native addon compiled in the deps stage for that Node's ABI.
ARG NODE_IMAGE=node:26.12.1-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# better-sqlite3 compiles from source (no prebuilt download on a closed network).
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# NEXT_MANUAL_SIG_HANDLE: the server's own SIGTERM handler (lib/server/shutdown.ts) drains, hands its
# follower leases over and exits 0; Next's would exit at once.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NEXT_MANUAL_SIG_HANDLE=true \
    PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# The default SQLite store (DATABASE_URL unset) lives in .data/; production sets a postgres:// URL.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# ECS stops a task with SIGTERM, then SIGKILL after stopTimeout: the server drains, releases its follower
# leases and exits within 10 s on SIGTERM (docs/deploy.md, docs/architecture.md "Replicas and shutdown").
STOPSIGNAL SIGTERM
# Liveness only: /api/ready (store reachable, configuration valid) is the load balancer's readiness probe.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
