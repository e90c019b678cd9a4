// The server is killed with SIGKILL in the middle of a burst of signed Stripe webhooks, restarted on the
// same database, and the whole burst is redelivered as Stripe would (it retries whatever it did not see
// acknowledged, and may resend what it did): every subscription is taken exactly once.
import Database from 'better-sqlite3'
import Stripe from 'stripe'
import { afterAll, expect, test } from 'vitest'
import { sampleSubscriptionEvent } from '~/billing/sample-events'
import { startInngestEventApi } from '../mocks/inngest-event-api.mjs'
import { freePort, pool, startServer, TEST_SECRETS, type RunningServer } from './server'

const stripe = new Stripe('sk_test_resilience_only')
const api = await startInngestEventApi()
let server: RunningServer | undefined
afterAll(async () => {
  await server?.stop()
  await api.close()
})

test('SIGKILL mid-burst, restart, redelivery: one record and one event per subscription', async () => {
  const dbFile = `.tmp/test-db/resilience-kill-${crypto.randomUUID()}.db`
  const port = await freePort()
  const env = { ...TEST_SECRETS, DATABASE_URL: dbFile, INNGEST_DEV: '1', INNGEST_BASE_URL: api.url }
  const events = Array.from({ length: 150 }, (_, i) => sampleSubscriptionEvent({ email: `kill-${i}@example.com`, name: `Kill ${i}`, locale: 'fr' }))
  const deliver = (url: string, event: (typeof events)[number]) => {
    const payload = JSON.stringify(event)
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_SECRETS.STRIPE_WEBHOOK_SECRET })
    return fetch(`${url}/webhooks/stripe`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body: payload })
      .then((res) => res.status)
      .catch(() => 0) // the connection died with the server
  }

  server = await startServer(env, port)
  const first = server
  let acknowledged = 0
  const burst = pool(events, 6, async (event) => {
    const status = await deliver(first.url, event)
    if (status === 200 && ++acknowledged === 50) first.child.kill('SIGKILL')
    return status
  })
  const firstStatuses = await burst
  await first.stop()
  expect(first.child.signalCode).toBe('SIGKILL')
  const lost = firstStatuses.filter((s) => s !== 200).length
  expect(lost).toBeGreaterThan(0)

  server = await startServer(env, port)
  const secondStatuses = await pool(events, 6, (event) => deliver(server!.url, event))
  expect(secondStatuses.every((s) => s === 200)).toBe(true)

  const db = new Database(dbFile, { readonly: true })
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
  expect(count('SELECT count(*) AS n FROM stripe_events')).toBe(events.length)
  expect(count("SELECT count(*) AS n FROM outbox_events WHERE name = 'stripe/subscription.created'")).toBe(events.length)
  expect(count('SELECT count(DISTINCT id) AS n FROM subscriptions')).toBe(events.length)
  await expect.poll(() => count("SELECT count(*) AS n FROM outbox_events WHERE status != 'sent'"), { timeout: 60_000, interval: 250 }).toBe(0)

  // Each subscription reached the event API under one id. A row the killed process had sent but not yet
  // marked is sent again under the same id, which Inngest deduplicates; count those separately.
  const bySubscription = new Map<string, Set<string>>()
  for (const e of api.received) {
    const sub = (e.data as { subscriptionId: string }).subscriptionId
    bySubscription.set(sub, (bySubscription.get(sub) ?? new Set()).add(e.id))
  }
  expect(bySubscription.size).toBe(events.length)
  expect([...bySubscription.values()].every((ids) => ids.size === 1)).toBe(true)
  const resent = api.received.length - events.length
  // Only rows the killed process had claimed can be resent: at most what it had acknowledged.
  expect(resent).toBeLessThanOrEqual(acknowledged)
  console.log(`killed after ${acknowledged} acknowledgements, ${lost} deliveries lost with the process, ${resent} event(s) resent under the same id`)
  db.close()
})
