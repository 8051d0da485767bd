import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30000,
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text-summary"],
      // the floor: the suite's figures when it was set (96.05 / 91 / 92.85 / 97.08 %), less a point
      // for paths that depend on the machine (a terminal, timing); raise it, never lower it
      thresholds: { statements: 95, branches: 90, functions: 91, lines: 96 },
    },
  },
});
