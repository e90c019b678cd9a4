// Signups while Inngest's event API is unreachable, then once it is back: the real Inngest client,
// the real relay, and the loopback stand-in for the event API (test/app-context.ts), first not listening.
import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { outboxEvents } from '~/db/schema'
import { action } from '~/routes/signup'
import { inngestEventApi as api } from '../../test/app-context'
import { callRoute, formRequest, unwrap } from '../../test/route-harness'
import { getRelay } from './index.server'

describe('outbox delivery to the Inngest event API', () => {
  test('signups succeed while the event API is down; once it is up each event arrives exactly once with its id', async () => {
    await api.stopListening()
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
      expect(row.lastError).toBe('fetch failed')
    }

    await api.listenAgain()
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
