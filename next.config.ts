import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The AWS SDK is large and server-only; keep it out of the bundler so builds stay quick.
  serverExternalPackages: ["@aws-sdk/client-ecs", "@aws-sdk/client-ecr", "@aws-sdk/credential-providers"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
