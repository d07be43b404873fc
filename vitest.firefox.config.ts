import { defineConfig } from 'vitest/config';

/**
 * Firefox end-to-end tests: the Firefox build in Debian's firefox-esr,
 * driven over WebDriver BiDi by puppeteer-core. One browser per file, files
 * one at a time (2 cores).
 */
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    // The egress audit, after every test (the same setup as the Chromium suite).
    setupFiles: ['tests/e2e/setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    // UI waits, not time limits: on a busy 2-core machine the sidebar can take seconds to update.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
