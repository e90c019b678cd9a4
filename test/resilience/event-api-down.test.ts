// Inngest's event API is down during 50 signups, then comes back: all 50 events arrive, none twice. (It
// was 200: the relay claims up to 1,000 rows a pass and sends them in requests of up to 512 KB, so 50
// exercise the same paths, and each signup is a production scrypt hash, ~150 ms of a core.)
import Database from 'better-sqlite3'
import { afterAll, expect, test } from 'vitest'
import { startInngestEventApi } from '../mocks/inngest-event-api.mjs'
import { dueNow, pool, signupForm, startServer, TEST_SECRETS, type RunningServer } from './server'

const SIGNUPS = 50
let server: RunningServer | undefined
const api = await startInngestEventApi()
afterAll(async () => {
  await server?.stop()
  await api.close()
})

test('50 signups while the event API answers 503, then it recovers: 50 events, each once', { timeout: 300_000 }, async () => {
  const dbFile = `.tmp/test-db/resilience-down-${crypto.randomUUID()}.db`
  api.setMode('down')
  server = await startServer({ ...TEST_SECRETS, DATABASE_URL: dbFile, INNGEST_DEV: '1', INNGEST_BASE_URL: api.url, RATE_LIMIT_PER_MINUTE: '100000' })

  const statuses = await pool([...Array(SIGNUPS).keys()], 8, async (i) => {
    const res = await signupForm(server!, { name: `User ${i}`, email: `down-${i}@example.com`, password: 'a long enough password' })
    return res.status
  })
  expect(statuses.filter((s) => s === 302)).toHaveLength(SIGNUPS)

  const db = new Database(dbFile, { readonly: true })
  const pending = () => db.prepare("SELECT count(*) AS n FROM outbox_events WHERE status = 'pending'").get() as { n: number }
  expect(pending().n).toBe(SIGNUPS)
  const tried = db.prepare('SELECT count(*) AS n FROM outbox_events WHERE attempts > 0').get() as { n: number }
  expect(tried.n).toBeGreaterThan(0)
  expect(api.received).toHaveLength(0)

  api.setMode('up')
  // The relay's backoff starts at one second and doubles (capped at 5 minutes): after a minute or so of
  // failures against a dead API, the next attempt can be up to 64 s away. The clock is moved on instead of
  // waited for (every pending event made due now; the backoff's schedule is app/outbox/relay.test.ts's
  // subject), so the test checks delivery (each event once), not the clock or how fast the machine
  // hashes passwords. The relay still finds them on its own next poll.
  dueNow(dbFile)
  await expect.poll(() => pending().n, { timeout: 150_000, interval: 250 }).toBe(0)
  const ids = api.received.map((e) => e.id)
  expect(ids).toHaveLength(SIGNUPS)
  expect(new Set(ids).size).toBe(SIGNUPS)
  const users = new Set(api.received.map((e) => (e.data as { userId: string }).userId))
  expect(users.size).toBe(SIGNUPS)
  db.close()
})
