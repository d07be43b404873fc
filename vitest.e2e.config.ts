import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension in Debian's Chromium, driven by
 * playwright-core. One browser per file, two files at a time: a file spends
 * much of its time waiting on its browser (page loads, streams, polls), so a
 * second file fills the gaps even on 2 cores. Every file owns its browser,
 * profile, servers and ports; shared fixtures are written atomically.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: ['tests/e2e/setup.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    // UI waits, not time limits: on a busy 2-core machine a panel can take seconds to update.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
