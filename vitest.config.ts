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
    // Batch worker threads and processors started from the sources load that compiled dist/ instead
    // of registering tsx in every thread (src/paths.ts, moduleUrl); test/cli/build.test.ts runs the
    // sources' own workers once.
    env: { BISTAND_WORKERS_FROM_DIST: '1' },
    // Test files are independent (each uses its own temp folders and stores): run them side by side.
    // Vitest's default on 2 cores is one file at a time; many files wait on a browser, a child
    // process or the disk, so one more worker than cores keeps both cores busy.
    pool: 'forks',
    // Test files in one worker share the imported modules instead of importing and transforming the
    // engine again for each of the 75 files (import time 36 s → 10 s, npm test 85 s → 70 s). Files keep
    // their state in temp folders and stores of their own; none changes process-wide settings.
    isolate: false,
    maxWorkers: availableParallelism() + 1,
  },
});
