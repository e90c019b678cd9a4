import { count, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { db } from '~/db/client.server'
import { functionFailures, mailboxMessages, outboxEvents } from '~/db/schema'

import { OUTBOX_STATUSES, type OutboxStatus } from '~/outbox/status'

export { OUTBOX_STATUSES, type OutboxStatus }

export const ActivityQuerySchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
})

export type OutboxRow = {
  id: string
  name: string
  status: OutboxStatus
  attempts: number
  lastError: string | null
  createdAt: string
  sentAt: string | null
  nextAttemptAt: string
  ts: string | null
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function toOutboxRow(row: typeof outboxEvents.$inferSelect): OutboxRow {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: iso(row.sentAt),
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    ts: iso(row.ts),
  }
}

/** How many events are pending, sent and failed. */
export function outboxCounts(): Record<OutboxStatus, number> {
  const counts = { pending: 0, sent: 0, failed: 0 }
  for (const row of db.select({ status: outboxEvents.status, n: count() }).from(outboxEvents).groupBy(outboxEvents.status).all()) {
    counts[row.status] = row.n
  }
  return counts
}

/** The latest events, newest first, optionally of one status. */
export function listOutbox({ status, limit = 50 }: { status?: OutboxStatus; limit?: number } = {}): OutboxRow[] {
  return db
    .select()
    .from(outboxEvents)
    .where(status ? eq(outboxEvents.status, status) : undefined)
    .orderBy(desc(outboxEvents.createdAt), desc(outboxEvents.id))
    .limit(limit)
    .all()
    .map(toOutboxRow)
}

export type FailureRow = { id: string; functionId: string; runId: string | null; eventName: string | null; eventId: string | null; error: string; createdAt: string }

/** What the functions' onFailure handlers recorded, newest first. */
export function listFailures({ eventId, limit = 50 }: { eventId?: string; limit?: number } = {}): FailureRow[] {
  return db
    .select()
    .from(functionFailures)
    .where(eventId ? eq(functionFailures.eventId, eventId) : undefined)
    .orderBy(desc(functionFailures.createdAt))
    .limit(limit)
    .all()
    .map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))
}

export type EventDetail = {
  event: (OutboxRow & { data: Record<string, unknown> }) | null
  messages: Array<{ id: string; to: string; subject: string; template: string; locale: string; createdAt: string }>
  failures: FailureRow[]
}

/**
 * One event with what it caused: the emails it sent and the failures recorded for it. An id that is not
 * in the outbox (an event sent by another system, or a test email's id) can still have messages.
 */
export function getEventDetail(id: string): EventDetail {
  const row = db.select().from(outboxEvents).where(eq(outboxEvents.id, id)).get()
  const messages = db
    .select({
      id: mailboxMessages.id,
      to: mailboxMessages.to,
      subject: mailboxMessages.subject,
      template: mailboxMessages.template,
      locale: mailboxMessages.locale,
      createdAt: mailboxMessages.createdAt,
    })
    .from(mailboxMessages)
    .where(eq(mailboxMessages.eventId, id))
    .orderBy(desc(mailboxMessages.createdAt))
    .all()
    .map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))
  return {
    event: row ? { ...toOutboxRow(row), data: row.data } : null,
    messages,
    failures: listFailures({ eventId: id }),
  }
}
