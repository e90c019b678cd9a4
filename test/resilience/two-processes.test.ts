// Two server processes on one database file: migrations applied once, sessions made by one valid on the
// other, and the outbox relay of each never delivers an event the other delivered (rows are claimed).
import Database from 'better-sqlite3'
import { readdirSync } from 'node:fs'
import { afterAll, expect, test } from 'vitest'
import { startInngestEventApi } from '../mocks/inngest-event-api.mjs'
import { dueNow, pool, signupForm, startServer, TEST_SECRETS, type RunningServer } from './server'

const servers: RunningServer[] = []
const api = await startInngestEventApi()
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  await api.close()
})

test('two processes share one database file safely', async () => {
  const dbFile = `.tmp/test-db/resilience-two-${crypto.randomUUID()}.db`
  const env = { ...TEST_SECRETS, DATABASE_URL: dbFile, INNGEST_DEV: '1', INNGEST_BASE_URL: api.url, RATE_LIMIT_PER_MINUTE: '100000' }
  // Started together, so both run their migrations at the same moment on an empty file.
  servers.push(...(await Promise.all([startServer(env), startServer(env)])))
  const [a, b] = servers as [RunningServer, RunningServer]

  const db = new Database(dbFile, { readonly: true })
  const migrations = readdirSync('drizzle').filter((f) => f.endsWith('.sql')).length
  expect((db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(migrations)

  // While the event API is down, both relays try and back off; events pile up for both to race over.
  api.setMode('down')
  const results = await pool([...Array(120).keys()], 8, async (i) => {
    const server = i % 2 ? a : b
    const res = await signupForm(server, { name: `User ${i}`, email: `two-${i}@example.com`, password: 'a long enough password' })
    return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0], on: server }
  })
  expect(results.every((r) => r.status === 302)).toBe(true)

  // A session made by one process is valid on the other.
  const made = results.find((r) => r.on === a)!
  const dashboard = await fetch(`${b.url}/dashboard`, { headers: { Cookie: made.cookie! }, redirect: 'manual' })
  expect(dashboard.status).toBe(200)
  expect(await dashboard.text()).toContain('User ')

  api.setMode('up')
  // The clock moved on rather than waited for (see event-api-down.test.ts): both relays race for the
  // events on their next polls.
  dueNow(dbFile)
  const pending = () => (db.prepare("SELECT count(*) AS n FROM outbox_events WHERE status != 'sent'").get() as { n: number }).n
  await expect.poll(pending, { timeout: 60_000, interval: 250 }).toBe(0)
  const ids = api.received.map((e) => e.id)
  expect(ids).toHaveLength(120)
  expect(new Set(ids).size).toBe(120)
  db.close()
})
