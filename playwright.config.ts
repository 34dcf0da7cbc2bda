import { defineConfig } from '@playwright/test';

const sandboxPort = process.env.KUBEFLOW_SANDBOX_PORT ?? '7010';

/**
 * End-to-end journeys in Debian's Chromium against the built portal (backend serving the app on
 * :7007, from `yarn build:backend`) and the Kubeflow sandbox with its demo seed.
 */
export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  outputDir: 'node_modules/.cache/e2e-test-results',
  webServer: [
    {
      command: `yarn sandbox --port ${sandboxPort} --seed demo`,
      url: `http://127.0.0.1:${sandboxPort}/version`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'bash scripts/serve-built-backend.sh',
      url: 'http://127.0.0.1:7007/.backstage/health/v1/readiness',
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      env: { KUBEFLOW_SANDBOX_PORT: sandboxPort },
    },
  ],
  use: {
    baseURL: 'http://localhost:7007',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
