import { and, eq, isNull, sql } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { prepared } from '~/db/prepared.server'
import { emailSkips, mailboxMessages } from '~/db/schema'
import { countOne, utcDay } from '~/engagement/stats.server'
import type { OutgoingEmail, SendResult } from './message.server'

type Stored = { id: string; providerId: string | null; createdAt: Date }
type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0]

/**
 * Writes the email's mailbox row, once per idempotency key (a second call returns the first row). The
 * local transport stops here, and the email counts as sent; the Resend transport writes the row before it
 * hands the email over, so every webhook about it finds the row, and counts it sent once Resend took it.
 * Its statements are prepared once per database (app/db/prepared.server.ts): every email sent writes here.
 */
export function recordOutgoing(message: OutgoingEmail, transport: 'local' | 'resend'): Stored {
  const { idempotencyKey, from, to, subject, previewText, html, text, headers, template, locale, eventId } = message
  return db.transaction((tx) => {
    const inserted = prepareOutgoingInsert(tx).get({
      id: crypto.randomUUID(),
      idempotencyKey,
      from,
      to,
      subject,
      previewText,
      html,
      text,
      headers,
      template,
      locale,
      eventId,
      transport,
    })
    if (inserted) {
      if (transport === 'local') countOne(tx, { day: utcDay(inserted.createdAt), template, locale }, 'sent')
      return inserted
    }
    const row = prepareOutgoingByKey(tx).get({ idempotencyKey })
    if (!row) throw new Error('The mailbox message was neither stored nor found')
    return row
  })
}

const stored = { id: mailboxMessages.id, providerId: mailboxMessages.providerId, createdAt: mailboxMessages.createdAt }
const prepareOutgoingInsert = prepared((tx: Tx) =>
  tx
    .insert(mailboxMessages)
    .values({
      id: sql.placeholder('id'),
      idempotencyKey: sql.placeholder('idempotencyKey'),
      from: sql.placeholder('from'),
      to: sql.placeholder('to'),
      subject: sql.placeholder('subject'),
      previewText: sql.placeholder('previewText'),
      html: sql.placeholder('html'),
      text: sql.placeholder('text'),
      headers: sql.placeholder('headers'),
      template: sql.placeholder('template'),
      locale: sql.placeholder('locale'),
      eventId: sql.placeholder('eventId'),
      transport: sql.placeholder('transport'),
    })
    .onConflictDoNothing({ target: mailboxMessages.idempotencyKey })
    .returning(stored)
    .prepare(),
)
const prepareOutgoingByKey = prepared((tx: Tx) =>
  tx
    .select(stored)
    .from(mailboxMessages)
    .where(eq(mailboxMessages.idempotencyKey, sql.placeholder('idempotencyKey')))
    .prepare(),
)

/** The local transport, used when RESEND_API_KEY is not set: the message is stored, not sent. */
export function storeInMailbox(message: OutgoingEmail): SendResult {
  return { id: recordOutgoing(message, 'local').id, transport: 'local' }
}

/** Records the id Resend gave the email, and counts it sent: once, however many times a step is retried. */
export function recordHandedToResend(stored: Stored, providerId: string, message: OutgoingEmail) {
  db.transaction((tx) => {
    const updated = prepareProviderIdUpdate(tx).run({ id: stored.id, providerId }).changes
    if (updated > 0) countOne(tx, { day: utcDay(stored.createdAt), template: message.template, locale: message.locale }, 'sent')
  })
}

const prepareProviderIdUpdate = prepared((tx: Tx) =>
  tx
    .update(mailboxMessages)
    .set({ providerId: sql`${sql.placeholder('providerId')}` })
    .where(and(eq(mailboxMessages.id, sql.placeholder('id')), isNull(mailboxMessages.providerId)))
    .prepare(),
)

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
