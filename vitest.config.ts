import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests: pure logic next to the code, with WXT's fake browser. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // Files share a worker's module cache: re-importing openai, zod, Dexie and the MCP SDK for each of
    // ~150 files was most of the unit run (238 s → 131 s on this 2-core machine). Each test still starts
    // from an empty settings table (tests/unit/setup.ts); tests that use WXT's fake browser reset it first.
    isolate: false,
    // Vitest leaves one core free by default; on this 2-core machine that halves the unit run's
    // parallelism (119 s → 95 s with both cores).
    maxWorkers: os.availableParallelism(),
  },
});
