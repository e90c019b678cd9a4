// Signups while Inngest's event API is unreachable, then once it is back: the real Inngest client,
// the real relay, and a loopback stand-in for the event API on a port where nothing listened before.
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startInngestEventApi, type InngestEventApi } from '../../test/mocks/inngest-event-api.mjs'

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

let port: number
let api: InngestEventApi | undefined

beforeAll(async () => {
  port = await freePort()
  process.env.INNGEST_BASE_URL = `http://127.0.0.1:${port}`
  process.env.INNGEST_DEV = '1'
})
afterAll(() => api?.close())

describe('outbox delivery to the Inngest event API', () => {
  test('signups succeed while the event API is down; once it is up each event arrives exactly once with its id', async () => {
    const { callRoute, formRequest, unwrap } = await import('../../test/route-harness')
    const { action } = await import('~/routes/signup')
    const { db } = await import('~/db/client.server')
    const { outboxEvents } = await import('~/db/schema')
    const { getRelay } = await import('./index.server')
    const relay = getRelay()

    for (let i = 0; i < 3; i++) {
      const res = unwrap(await callRoute(action, formRequest('/signup', { name: `User ${i}`, email: `down-${i}@example.com`, password: 'a long enough password' })))
      expect(res.status).toBe(302)
    }
    // Nothing listens on the port: the relay tries, and every event stays pending with its error.
    await relay.drain()
    const pending = db.select().from(outboxEvents).all()
    expect(pending).toHaveLength(3)
    for (const row of pending) {
      expect(row.status).toBe('pending')
      expect(row.attempts).toBe(1)
      expect(row.lastError).toBeTruthy()
    }

    api = await startInngestEventApi({ port })
    // Due again after the backoff; deliver as the background loop would, then once more.
    db.$client.prepare('UPDATE outbox_events SET next_attempt_at = 0').run()
    expect(await relay.drain()).toBe(3)
    expect(await relay.drain()).toBe(0)

    const ids = pending.map((row) => row.id).sort()
    expect(api.received.map((event) => event.id).sort()).toEqual(ids)
    expect(api.received.every((event) => event.name === 'user/registered')).toBe(true)
    expect(db.select().from(outboxEvents).all().every((row) => row.status === 'sent')).toBe(true)
  })
})
