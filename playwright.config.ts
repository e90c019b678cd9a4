import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 4317)
const eventApiPort = Number(process.env.E2E_EVENT_API_PORT ?? 4318)
const stripePort = Number(process.env.E2E_STRIPE_PORT ?? port + 2)
const resendPort = Number(process.env.E2E_RESEND_PORT ?? port + 3)
export const e2eEnv = {
  baseURL: `http://localhost:${port}`,
  eventApiURL: `http://127.0.0.1:${eventApiPort}`,
  stripeURL: `http://127.0.0.1:${stripePort}`,
  resendURL: `http://127.0.0.1:${resendPort}`,
  // Svix-style (whsec_ + base64): specs sign Resend deliveries with it, as Resend does.
  resendWebhookSecret: `whsec_${Buffer.from('e2e-only-resend-webhook-signing-key').toString('base64')}`,
  databaseFile: `.tmp/e2e-${port}.db`,
  stripeWebhookSecret: 'whsec_e2e_only_not_a_real_secret',
  // Known to the specs so a helper can derive a link the way the app does (e2e/support/accounts.ts).
  sessionSecret: 'e2e-session-secret-0123456789abcdef0123456789abcdef',
  inngestSigningKey: 'signkey-test-e2e0000000000000000000000000000000000000000000000000000',
}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  // On CI a failed test runs once more, as Playwright's own template does; one that then passes is
  // counted and printed as flaky by scripts/test.mjs (0050-ci-time.md), never hidden.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: '.tmp/reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL: e2eEnv.baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: [
    {
      command: `node test/mocks/inngest-event-api.mjs`,
      url: `${e2eEnv.eventApiURL}/_received`,
      env: { PORT: String(eventApiPort) },
      reuseExistingServer: false,
    },
    {
      // Stripe's API, hosted Checkout and portal (test/mocks/stripe-api.ts): they send the app the signed
      // webhooks Stripe would send.
      command: `npx tsx test/mocks/stripe-api-server.ts`,
      url: `http://127.0.0.1:${stripePort}/_test/checkout_sessions`,
      env: { PORT: String(stripePort), WEBHOOK_URL: `http://localhost:${port}/webhooks/stripe`, WEBHOOK_SECRET: e2eEnv.stripeWebhookSecret },
      reuseExistingServer: false,
    },
    {
      // Resend's API (test/mocks/resend-api.ts): every email of the suite goes through it, as in production.
      command: `npx tsx test/mocks/resend-api-server.ts`,
      url: `http://127.0.0.1:${resendPort}/_test/emails`,
      env: { PORT: String(resendPort) },
      reuseExistingServer: false,
    },
    {
      // The production build, as users run it; a fresh database every run, with the admin from
      // ADMIN_EMAIL/ADMIN_PASSWORD seeded by `npm run db:seed`'s script (the studio's tests sign in as it).
      command: `rm -f ${e2eEnv.databaseFile}* && npx tsx scripts/seed.ts && node server.mjs`,
      url: `${e2eEnv.baseURL}/login`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        APP_URL: e2eEnv.baseURL,
        DATABASE_URL: e2eEnv.databaseFile,
        SESSION_SECRET: e2eEnv.sessionSecret,
        // Each browser context sends its own X-Forwarded-For, so rate limits apply per test.
        TRUST_PROXY: '1',
        RATE_LIMIT_PER_MINUTE: '5',
        INNGEST_DEV: '1',
        INNGEST_BASE_URL: e2eEnv.eventApiURL,
        INNGEST_SIGNING_KEY: e2eEnv.inngestSigningKey,
        STRIPE_WEBHOOK_SECRET: e2eEnv.stripeWebhookSecret,
        STRIPE_SECRET_KEY: 'sk_test_e2e_only',
        // The Stripe double above: nothing leaves the machine.
        STRIPE_API_URL: `http://127.0.0.1:${stripePort}`,
        ADMIN_EMAIL: 'admin@courrier.test',
        ADMIN_PASSWORD: 'e2e admin password 2026',
        EMAIL_FROM: 'Courrier <hello@courrier.test>',
        RESEND_API_KEY: 're_e2e_only_not_a_real_key',
        RESEND_BASE_URL: `http://127.0.0.1:${resendPort}`,
        RESEND_WEBHOOK_SECRET: e2eEnv.resendWebhookSecret,
      },
    },
  ],
})
