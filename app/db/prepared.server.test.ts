import { describe, expect, test } from 'vitest'
import { openDatabase } from '~/db/client.server'
import { outboxEvents } from '~/db/schema'
import { userRegistered } from '~/events'
import { enqueueEvent } from '~/outbox/outbox.server'

const freshDb = () => openDatabase(`.tmp/test-db/prepared-${crypto.randomUUID()}.db`)

describe('statements prepared once per database', () => {
  test('run inside the transaction that uses them: a rolled-back transaction leaves nothing', () => {
    const db = freshDb()
    // Prepared by a first transaction, then reused by one that fails after writing.
    db.transaction((tx) => void enqueueEvent(tx, userRegistered.create({ userId: 'kept' })))
    expect(() =>
      db.transaction((tx) => {
        enqueueEvent(tx, userRegistered.create({ userId: 'rolled-back' }))
        throw new Error('the change failed')
      }),
    ).toThrow('the change failed')
    expect(
      db
        .select()
        .from(outboxEvents)
        .all()
        .map((row) => row.data),
    ).toEqual([{ userId: 'kept' }])
  })

  test('each database gets its own statement, and values are encoded as the columns say', () => {
    const [a, b] = [freshDb(), freshDb()]
    const ts = Date.parse('2026-12-01T09:00:00Z')
    enqueueEvent(a, userRegistered.create({ userId: 'on-a' }, { id: 'evt-a', ts }))
    enqueueEvent(b, userRegistered.create({ userId: 'on-b' }, { id: 'evt-b' }))
    expect(a.select().from(outboxEvents).all()).toMatchObject([{ id: 'evt-a', data: { userId: 'on-a' }, ts: new Date(ts) }])
    expect(b.select().from(outboxEvents).all()).toMatchObject([{ id: 'evt-b', data: { userId: 'on-b' }, ts: null }])
  })
})
