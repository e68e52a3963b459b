import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const alias = { "@": path.dirname(fileURLToPath(import.meta.url)) };
// The SDK's Node 20 end-of-support notice is known (we pin Node 20 knowingly); keep test logs readable.
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
const slow = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env } },
      { resolve: { alias }, test: { name: "integration", include: ["tests/integration/**/*.test.ts"], env, ...slow } },
      // lib/store against SQLite and Postgres (TEST_DATABASE_URL, see scripts/ensure-postgres.ts).
      { resolve: { alias }, test: { name: "store", include: ["tests/store/**/*.test.ts"], env, ...slow } },
      { resolve: { alias }, test: { name: "sandbox", include: ["tests/sandbox/**/*.test.ts"], env, ...slow } },
      // Against the production build that scripts/e2e.ts made (STEADYSTATE_DIST_DIR, default .next): the
      // standalone bundle as the Dockerfile ships it, several replicas on one Postgres. Files run one at a time.
      { resolve: { alias }, test: { name: "built", include: ["tests/built/**/*.test.ts"], env, fileParallelism: false, testTimeout: 120_000, hookTimeout: 180_000 } },
      { resolve: { alias }, test: { name: "lint", include: ["tests/lint/**/*.test.ts"], env, testTimeout: 60_000 } },
    ],
  },
});
