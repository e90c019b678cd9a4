// The app context every Vitest file runs in. Both Vitest configs name this module in `setupFiles`, so it
// runs before each test file's imports: app/env.server.ts parses process.env once, when first imported,
// and the database connection opens then, so what they read is decided here, in one place:
// - a SQLite file of the test file's own (migrations apply when the connection opens);
// - quiet, fixed defaults, whatever the developer's shell carries;
// - loopback doubles of the vendors (Inngest's event API, Resend, Stripe), with the environment pointing
//   at them, so nothing a test does can leave the machine. Resend stays off (local mailbox) unless a
//   file sets RESEND_API_KEY.
// A file that needs another value declares it above its imports, with Vitest's own helpers:
//   vi.hoisted(() => vi.stubEnv('RATE_LIMIT_PER_MINUTE', '3'))
// and reaches a double through this module (the same instance the setup started):
//   import { resendApi } from '../../test/app-context'
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { afterAll, vi } from 'vitest'
import type * as PasswordModule from '~/auth/password.server'
import { startInngestEventApi } from './mocks/inngest-event-api.mjs'
import { startResendDouble } from './mocks/resend-api'
import { startStripeApiDouble } from './mocks/stripe-api'

// Tests make passwords by the hundred (every signup through a route, every seeded user): they are hashed
// at a cost 80 times lower than production's (scrypt N=2^10, p=1: ~2 ms instead of ~150). The stored
// format carries its cost, so checking a password is the production code's either way, and so is the
// decoy hash an unknown address is checked against. app/auth/password.test.ts unmocks the module and
// checks the production cost; the resilience suite's servers are production processes, untouched.
vi.mock('~/auth/password.server', async (importOriginal) => {
  const real = await importOriginal<typeof PasswordModule>()
  return { ...real, hashPassword: (password: string) => real.hashPassword(password, { N: 2 ** 10, r: 8, p: 1 }) }
})

export const inngestEventApi = await startInngestEventApi()
export const resendApi = await startResendDouble()
export const stripeApi = await startStripeApiDouble()
afterAll(() => Promise.all([inngestEventApi.close(), resendApi.close(), stripeApi.close()]))

mkdirSync('.tmp/test-db', { recursive: true })
Object.assign(process.env, {
  DATABASE_URL: `.tmp/test-db/${process.env.VITEST_POOL_ID ?? '0'}-${randomUUID()}.db`,
  APP_URL: 'http://localhost:5173',
  DEFAULT_LOCALE: 'en',
  OUTBOX_RELAY: '0',
  RATE_LIMIT_PER_MINUTE: '1000',
  INNGEST_DEV: '1',
  INNGEST_BASE_URL: inngestEventApi.url,
  RESEND_BASE_URL: resendApi.url,
  STRIPE_API_URL: stripeApi.url,
  STRIPE_SECRET_KEY: 'sk_test_loopback_only',
})
delete process.env.RESEND_API_KEY
