import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium with the built extension (.output/chrome-mv3).
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // Traces of large corpus pages cost more than the tests; run one test with --trace on to debug.
  use: { trace: 'off' },
});
