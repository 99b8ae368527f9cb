import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // e2e tests build dist/ once and drive the real binary; they share it, so run files in one pool.
    globalSetup: ["test/setup/build-dist.ts"],
  },
});
