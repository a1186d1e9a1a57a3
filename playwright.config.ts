import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium with the built extension (.output/chrome-mv3).
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
});
