import { and, eq, isNull } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { emailSkips, mailboxMessages } from '~/db/schema'
import { countOne, utcDay } from '~/engagement/stats.server'
import type { OutgoingEmail, SendResult } from './message.server'

type Stored = { id: string; providerId: string | null; createdAt: Date }

/**
 * Writes the email's mailbox row, once per idempotency key (a second call returns the first row). The
 * local transport stops here, and the email counts as sent; the Resend transport writes the row before it
 * hands the email over, so every webhook about it finds the row, and counts it sent once Resend took it.
 */
export function recordOutgoing(message: OutgoingEmail, transport: 'local' | 'resend'): Stored {
  const { idempotencyKey, previewText, ...fields } = message
  return db.transaction((tx) => {
    const inserted = tx
      .insert(mailboxMessages)
      .values({ ...fields, previewText, idempotencyKey, transport })
      .onConflictDoNothing({ target: mailboxMessages.idempotencyKey })
      .returning({ createdAt: mailboxMessages.createdAt })
      .get()
    if (inserted && transport === 'local') countOne(tx, { day: utcDay(inserted.createdAt), template: message.template, locale: message.locale }, 'sent')
    const row = tx
      .select({ id: mailboxMessages.id, providerId: mailboxMessages.providerId, createdAt: mailboxMessages.createdAt })
      .from(mailboxMessages)
      .where(eq(mailboxMessages.idempotencyKey, idempotencyKey))
      .get()
    if (!row) throw new Error('The mailbox message was neither stored nor found')
    return row
  })
}

/** The local transport, used when RESEND_API_KEY is not set: the message is stored, not sent. */
export function storeInMailbox(message: OutgoingEmail): SendResult {
  return { id: recordOutgoing(message, 'local').id, transport: 'local' }
}

/** Records the id Resend gave the email, and counts it sent: once, however many times a step is retried. */
export function recordHandedToResend(stored: Stored, providerId: string, message: OutgoingEmail) {
  db.transaction((tx) => {
    const updated = tx
      .update(mailboxMessages)
      .set({ providerId })
      .where(and(eq(mailboxMessages.id, stored.id), isNull(mailboxMessages.providerId)))
      .run().changes
    if (updated > 0) countOne(tx, { day: utcDay(stored.createdAt), template: message.template, locale: message.locale }, 'sent')
  })
}

/** An email sendEmail did not send, and why: recorded (and counted) once per idempotency key. */
export function recordSkip(message: Pick<OutgoingEmail, 'template' | 'locale' | 'to' | 'eventId' | 'idempotencyKey'>, reason: string) {
  db.transaction((tx) => {
    const inserted = tx
      .insert(emailSkips)
      .values({ idempotencyKey: message.idempotencyKey, template: message.template, locale: message.locale, recipient: message.to, eventId: message.eventId, reason })
      .onConflictDoNothing({ target: emailSkips.idempotencyKey })
      .returning({ createdAt: emailSkips.createdAt })
      .get()
    if (inserted) countOne(tx, { day: utcDay(inserted.createdAt), template: message.template, locale: message.locale }, 'skipped')
  })
}
