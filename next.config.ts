import path from "node:path";
import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/auth/security-headers";

const nextConfig: NextConfig = {
  // The container image (Dockerfile) ships only .next/standalone: server.js and the traced node_modules.
  output: "standalone",
  // Trace from this folder, so the bundle's server.js sits at .next/standalone/server.js whatever
  // lockfiles the folders above hold.
  outputFileTracingRoot: path.resolve("."),
  // Tests and tools that build while another build's server runs use their own folder (STEADYSTATE_DIST_DIR).
  distDir: process.env.STEADYSTATE_DIST_DIR ?? ".next",
  // The AWS SDK is large and server-only; keep it out of the bundler so builds stay quick.
  // The store's drivers (better-sqlite3, a native addon, and pg) are already in Next's built-in list
  // (next/dist/lib/server-external-packages.jsonc), so they are never bundled either; so is pino. prom-client
  // is loaded from node_modules too, so instrumentation and the routes count into one copy of it.
  serverExternalPackages: ["@aws-sdk/client-ecs", "@aws-sdk/client-ecr", "@aws-sdk/credential-providers", "prom-client"],
  poweredByHeader: false,
  typedRoutes: false,
  // Static files skip proxy.ts; they still get the fixed security headers (pages also get the CSP there).
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
  experimental: {
    // Server actions answer only same-origin requests: Next compares Origin with Host (or
    // X-Forwarded-Host) and no other origin is trusted. proxy.ts refuses cross-site POSTs first.
    serverActions: { allowedOrigins: [] },
  },
};

export default nextConfig;
