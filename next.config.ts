import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The AWS SDK is large and server-only; keep it out of the bundler so builds stay quick.
  // The store's drivers (better-sqlite3, a native addon, and pg) are already in Next's built-in list
  // (next/dist/lib/server-external-packages.jsonc), so they are never bundled either.
  serverExternalPackages: ["@aws-sdk/client-ecs", "@aws-sdk/client-ecr", "@aws-sdk/credential-providers"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
