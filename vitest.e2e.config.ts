import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension in Debian's Chromium, driven by
 * playwright-core. One browser per file, two files at a time
 * (`fileParallelism`, `maxWorkers: 2`), which takes the whole CI run from
 * about 15.5 to about 12 minutes on this 2-core machine. Its load (8 to over
 * 25) showed races: a page, store or server log read once right after
 * waiting for something else, a state that lasts a second polled from the
 * test. Those were fixed (polls, reads in the page by a MutationObserver),
 * and whole runs pass at load 20+. A new test must poll, never read once.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: ['tests/e2e/setup.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    // Limits, not expectations: at load 20 a browser session takes 10–20 s to start and
    // a test that takes 10 s on a quiet machine can take 50. A hung test still fails.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 20_000,
    // UI waits, not time limits: on a busy 2-core machine a panel can take seconds to update.
    expect: { poll: { timeout: 30_000, interval: 50 } },
  },
});
