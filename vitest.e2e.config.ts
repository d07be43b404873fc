import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension in Debian's Chromium, driven by
 * playwright-core. One browser per file, files one at a time. Two at a time
 * took the whole CI run from 17.6 to about 12 minutes on this 2-core machine,
 * but the load (8–14) exposed a timing race in a test in one of two runs:
 * such races are to be found and fixed before the suite runs files in parallel.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: ['tests/e2e/setup.ts'],
    fileParallelism: false,
    // Limits, not expectations: at load 20 a browser session takes 10–20 s to start and
    // a test that takes 10 s on a quiet machine can take 50. A hung test still fails.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 20_000,
    // UI waits, not time limits: on a busy 2-core machine a panel can take seconds to update.
    expect: { poll: { timeout: 30_000, interval: 50 } },
  },
});
