import { defineConfig } from 'vitest/config';

// Unit tests live in test/unit (fast); browser, CLI and end-to-end tests in test/e2e.
// `npm test` runs both; `npm run test:unit` only the fast ones.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'actions/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
  },
});
