import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Four projects: `unit` (Node: core + pipeline, real tfjs-node), `extension` (WXT's fake
// browser + happy-dom for background/popup code), `e2e` (built extension in real Chromium),
// `e2e-firefox` (the Firefox build in real Firefox).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/core/**/*.test.ts', 'tests/unit/pipeline/**/*.test.ts', 'tests/unit/bench/**/*.test.ts', 'tests/unit/harness/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          include: ['tests/unit/extension/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ['tests/e2e/firefox/**'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/require-browser.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
      {
        // The same extension built for Firefox, in Debian's firefox-esr over WebDriver BiDi. After
        // every other project (one browser at a time on small machines).
        test: {
          name: 'e2e-firefox',
          include: ['tests/e2e/firefox/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/firefox/require-firefox.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
