import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const alias = { "@": path.dirname(fileURLToPath(import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: { name: "integration", include: ["tests/integration/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        resolve: { alias },
        test: { name: "sandbox", include: ["tests/sandbox/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      { resolve: { alias }, test: { name: "lint", include: ["tests/lint/**/*.test.ts"], testTimeout: 60_000 } },
    ],
  },
});
