import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'
import { openDatabase } from '~/db/client.server'
import { outboxEvents } from '~/db/schema'
import { subscriptionCreated, subscriptionCreatedSamples, userRegistered } from '~/events'
import { enqueueEvent } from './outbox.server'
import { OutboxRelay, type RelayedEvent } from './relay.server'

function freshDb() {
  return openDatabase(`.tmp/test-db/relay-${crypto.randomUUID()}.db`)
}

describe('outbox relay', () => {
  test('delivers pending events with their row id, marks them sent, and sends nothing twice', async () => {
    const db = freshDb()
    const ids = Array.from({ length: 5 }, (_, i) => enqueueEvent(db, userRegistered.create({ userId: `u${i}` })))
    const sent: RelayedEvent[] = []
    const relay = new OutboxRelay({ sqlite: db.$client, send: async (events) => void sent.push(...events), batchSize: 2 })
    expect(await relay.drain()).toBe(5)
    expect(await relay.drain()).toBe(0)
    expect(sent.map((e) => e.id).sort()).toEqual([...ids].sort())
    const rows = db.select().from(outboxEvents).all()
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt && !r.claimedBy)).toBe(true)
  })

  test('keeps failed events pending with their attempt count, last error and a later retry time', async () => {
    const db = freshDb()
    const id = enqueueEvent(db, userRegistered.create({ userId: 'u1' }))
    const relay = new OutboxRelay({ sqlite: db.$client, send: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:8288')) })
    const before = Date.now()
    expect(await relay.deliverOnce()).toEqual({ claimed: 1, sent: 0, retrying: 1 })
    const row = db.select().from(outboxEvents).get()!
    expect(row).toMatchObject({ id, status: 'pending', attempts: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:8288', claimedBy: null })
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 500)
    // Not due yet: nothing is claimed until the backoff has passed.
    expect((await relay.deliverOnce()).claimed).toBe(0)
    expect((await relay.deliverOnce(row.nextAttemptAt.getTime() + 1)).claimed).toBe(1)
  })

  test('never writes a secret it was given into the row or the log', async () => {
    const db = freshDb()
    enqueueEvent(db, userRegistered.create({ userId: 'u1' }))
    const logged: string[] = []
    const relay = new OutboxRelay({
      sqlite: db.$client,
      send: async () => Promise.reject(new Error('POST https://inn.gs/e/ek_live_SECRET failed: 401')),
      secrets: ['ek_live_SECRET'],
      log: (m) => logged.push(m),
    })
    await relay.deliverOnce()
    expect(db.select().from(outboxEvents).get()!.lastError).toBe('POST https://inn.gs/e/[redacted] failed: 401')
    expect(logged.join('\n')).not.toContain('ek_live_SECRET')
  })

  test('marks an event failed after the last attempt, and keeps it', async () => {
    const db = freshDb()
    enqueueEvent(db, userRegistered.create({ userId: 'u1' }))
    const relay = new OutboxRelay({ sqlite: db.$client, send: async () => Promise.reject(new Error('boom')), maxAttempts: 2 })
    await relay.deliverOnce()
    await relay.deliverOnce(Date.now() + 10 * 60_000)
    expect(db.select().from(outboxEvents).get()).toMatchObject({ status: 'failed', attempts: 2, lastError: 'boom' })
  })

  test('sends a claimed batch in requests under the byte limit, in order, and marks each request sent once accepted', async () => {
    const db = freshDb()
    const ids = Array.from({ length: 10 }, (_, i) => enqueueEvent(db, userRegistered.create({ userId: `u${i}` })))
    const requests: string[][] = []
    const relay = new OutboxRelay({ sqlite: db.$client, send: async (events) => void requests.push(events.map((e) => e.id)), maxRequestBytes: 400 })
    expect(await relay.deliverOnce()).toEqual({ claimed: 10, sent: 10, retrying: 0 })
    expect(requests.length).toBeGreaterThan(2)
    expect(requests.flat()).toEqual(ids)
    expect(
      db
        .select()
        .from(outboxEvents)
        .all()
        .every((r) => r.status === 'sent' && r.attempts === 1),
    ).toBe(true)
  })

  test('when a later request of a batch fails, the requests accepted before stay sent and the rest wait for a retry', async () => {
    const db = freshDb()
    for (let i = 0; i < 10; i++) enqueueEvent(db, userRegistered.create({ userId: `u${i}` }))
    let calls = 0
    const accepted: string[] = []
    const relay = new OutboxRelay({
      sqlite: db.$client,
      maxRequestBytes: 400,
      send: async (events) => {
        if (++calls === 2) throw new Error('event API down')
        accepted.push(...events.map((e) => e.id))
      },
    })
    const result = await relay.deliverOnce()
    expect(result.sent).toBe(accepted.length)
    expect(result.sent).toBeGreaterThan(0)
    expect(result.retrying).toBe(10 - accepted.length)
    const rows = db.select().from(outboxEvents).all()
    expect(
      rows
        .filter((r) => r.status === 'sent')
        .map((r) => r.id)
        .sort(),
    ).toEqual([...accepted].sort())
    expect(rows.filter((r) => r.status === 'pending').every((r) => r.lastError === 'event API down' && r.attempts === 1 && !r.claimedBy)).toBe(true)
  })

  test('two relays on one database file never deliver the same row', async () => {
    const file = `.tmp/test-db/relay-shared-${crypto.randomUUID()}.db`
    const a = openDatabase(file)
    const b = new Database(file)
    b.pragma('busy_timeout = 5000')
    for (let i = 0; i < 300; i++) enqueueEvent(a, userRegistered.create({ userId: `u${i}` }))
    const delivered: string[] = []
    const slowSend = async (events: RelayedEvent[]) => {
      await new Promise((r) => setTimeout(r, 2))
      delivered.push(...events.map((e) => e.id))
    }
    const relays = [new OutboxRelay({ sqlite: a.$client, send: slowSend, batchSize: 7 }), new OutboxRelay({ sqlite: b, send: slowSend, batchSize: 11 })]
    await Promise.all(relays.map((r) => r.drain()))
    expect(delivered).toHaveLength(300)
    expect(new Set(delivered).size).toBe(300)
  })

  test("a crashed relay's claims lapse and its events are delivered by the next process", async () => {
    const db = freshDb()
    const id = enqueueEvent(db, userRegistered.create({ userId: 'u1' }))
    // A relay claimed the row, then the process died before the event API answered.
    db.$client.prepare('UPDATE outbox_events SET claimed_by = ?, claimed_until = ? WHERE id = ?').run('dead', Date.now() + 30_000, id)
    const sent: string[] = []
    const relay = new OutboxRelay({ sqlite: db.$client, send: async (events) => void sent.push(...events.map((e) => e.id)) })
    expect((await relay.deliverOnce()).claimed).toBe(0)
    await relay.deliverOnce(Date.now() + 31_000)
    expect(sent).toEqual([id])
  })

  test('an event with a stable id is recorded once however often it is enqueued', () => {
    const db = freshDb()
    for (let i = 0; i < 3; i++) enqueueEvent(db, subscriptionCreated.create(subscriptionCreatedSamples['trial-pro-fr'].data, { id: 'stripe-evt_1' }))
    expect(db.select().from(outboxEvents).all()).toHaveLength(1)
  })

  test('start() delivers in the background and kick() wakes it after a commit', async () => {
    const db = freshDb()
    const sent: string[] = []
    const relay = new OutboxRelay({ sqlite: db.$client, send: async (events) => void sent.push(...events.map((e) => e.id)), pollMs: 60_000 })
    relay.start()
    await new Promise((r) => setTimeout(r, 20))
    const id = enqueueEvent(db, userRegistered.create({ userId: 'u1' }))
    relay.kick()
    await expect.poll(() => sent, { timeout: 2_000 }).toEqual([id])
    await relay.stop()
  })
})

describe('outbox relay in the background', () => {
  test('a burst of commits, each with its kick, goes out in one request', async () => {
    const db = freshDb()
    const requests: string[][] = []
    // A kick delay far longer than the burst, so a loaded machine (CI runs this beside other suites)
    // cannot stretch the burst past it: the rule under test is "kicks within the delay make one pass".
    const relay = new OutboxRelay({ sqlite: db.$client, send: async (events) => void requests.push(events.map((e) => e.id)), pollMs: 60_000, kickDelayMs: 1_000 })
    relay.start()
    await new Promise((r) => setTimeout(r, 20))
    const ids: string[] = []
    // Deliveries a few milliseconds apart, as a burst of webhooks arrives.
    const started = performance.now()
    for (let i = 0; i < 5; i++) {
      ids.push(enqueueEvent(db, userRegistered.create({ userId: `u${i}` })))
      relay.kick()
      await new Promise((r) => setTimeout(r, 5))
    }
    expect(performance.now() - started).toBeLessThan(1_000)
    await expect.poll(() => requests.flat(), { timeout: 5_000 }).toEqual(ids)
    expect(requests).toHaveLength(1)
    await relay.stop()
  })

  test('a steady stream of commits goes out in passes at least minPassIntervalMs apart, not one per kick', async () => {
    const db = freshDb()
    const requests: string[][] = []
    const relay = new OutboxRelay({
      sqlite: db.$client,
      send: async (events) => void requests.push(events.map((e) => e.id)),
      pollMs: 60_000,
      kickDelayMs: 10,
      minPassIntervalMs: 100,
    })
    relay.start()
    await new Promise((r) => setTimeout(r, 20))
    const ids: string[] = []
    // 60 deliveries 5 ms apart (at least 300 ms): one pass per kick delay would make some twenty requests.
    const started = performance.now()
    for (let i = 0; i < 60; i++) {
      ids.push(enqueueEvent(db, userRegistered.create({ userId: `u${i}` })))
      relay.kick()
      await new Promise((r) => setTimeout(r, 5))
    }
    const elapsed = performance.now() - started
    await expect.poll(() => requests.flat(), { timeout: 5_000 }).toEqual(ids)
    // The rule itself: passes start at least 100 ms apart, so however long a loaded machine stretches the
    // stream, there are at most one pass per 100 ms of it plus the one after the last kick (5 at 300 ms).
    expect(requests.length).toBeLessThanOrEqual(Math.max(5, Math.ceil(elapsed / 100) + 1))
    expect(requests.length).toBeLessThan(30)
    await relay.stop()
  })

  test('a kick while a request is on its way is not lost: that commit goes out without waiting for the next poll', async () => {
    const db = freshDb()
    const sent: string[] = []
    let release: (() => void) | undefined
    const relay = new OutboxRelay({
      sqlite: db.$client,
      pollMs: 60_000,
      send: async (events) => {
        if (!sent.length) await new Promise<void>((r) => (release = r))
        sent.push(...events.map((e) => e.id))
      },
    })
    relay.start()
    await new Promise((r) => setTimeout(r, 20))
    const first = enqueueEvent(db, userRegistered.create({ userId: 'u1' }))
    relay.kick()
    await expect.poll(() => release, { timeout: 2_000 }).toBeDefined()
    const second = enqueueEvent(db, userRegistered.create({ userId: 'u2' }))
    relay.kick()
    release!()
    await expect.poll(() => sent, { timeout: 2_000 }).toEqual([first, second])
    await relay.stop()
  })
})

describe('enqueueEvent', () => {
  test('refuses a payload its catalogue schema would refuse, and writes nothing', () => {
    const db = freshDb()
    expect(() => enqueueEvent(db, userRegistered.create({ userId: '' }))).toThrow(/userId/)
    expect(db.select().from(outboxEvents).all()).toEqual([])
  })
})
