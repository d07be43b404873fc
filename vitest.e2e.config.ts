import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension in Debian's Chromium, driven by
 * playwright-core. One browser per file, files one at a time (2 cores).
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: ['tests/e2e/setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    // UI waits, not time limits: on a busy 2-core machine a panel can take seconds to update.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
