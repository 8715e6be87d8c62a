import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Compiles dist/ once: tests that start a real process run the compiled CLI (test/support/cli.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // Test files are independent (each uses its own temp folders and stores): run them side by side.
    // Vitest's default on 2 cores is one file at a time; many files wait on a browser, a child
    // process or the disk, so one more worker than cores keeps both cores busy.
    pool: 'forks',
    maxWorkers: availableParallelism() + 1,
  },
});
