// deploy/'s own tests, run by the root's vitest (scripts/test-deploy.ts) with this folder as root, so
// the test files resolve aws-cdk-lib from deploy/node_modules and vitest from the project's.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "deploy",
    root: import.meta.dirname,
    include: ["test/**/*.test.ts"],
    // Synthesizing a stack loads most of aws-cdk-lib: seconds, not milliseconds, on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
