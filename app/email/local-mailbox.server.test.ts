import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { emailDailyStats, mailboxMessages } from '~/db/schema'
import { utcDay } from '~/engagement/stats.server'
import { recordHandedToResend, recordOutgoing } from './local-mailbox.server'
import type { OutgoingEmail } from './message.server'

function message(eventId = `evt-${crypto.randomUUID()}`): OutgoingEmail {
  return {
    from: 'Courrier <hello@courrier.test>',
    to: 'camille@example.com',
    subject: 'Bienvenue',
    previewText: 'Votre compte est prêt',
    html: '<p>Bonjour</p>',
    text: 'Bonjour',
    headers: { 'X-Entity-Ref-ID': `welcome/${eventId}` },
    template: 'welcome',
    locale: 'fr',
    eventId,
    idempotencyKey: `welcome/${eventId}`,
  }
}
const sentToday = () =>
  db
    .select({ sent: emailDailyStats.sent })
    .from(emailDailyStats)
    .where(and(eq(emailDailyStats.day, utcDay(new Date())), eq(emailDailyStats.template, 'welcome'), eq(emailDailyStats.locale, 'fr')))
    .get()?.sent ?? 0

describe("the outgoing email's row (statements prepared once per database)", () => {
  test('stored with every field as given, once per idempotency key: a second call returns the first row', () => {
    const email = message()
    const first = recordOutgoing(email, 'resend')
    const again = recordOutgoing({ ...email, subject: 'Autre chose' }, 'resend')
    expect(again).toEqual(first)
    expect(first.providerId).toBeNull()
    const rows = db.select().from(mailboxMessages).where(eq(mailboxMessages.idempotencyKey, email.idempotencyKey)).all()
    expect(rows).toHaveLength(1)
    const { idempotencyKey, ...fields } = email
    expect(rows[0]).toMatchObject({ ...fields, idempotencyKey, id: first.id, transport: 'resend', providerId: null, createdAt: first.createdAt })
    // Two emails get two ids.
    expect(recordOutgoing(message(), 'resend').id).not.toBe(first.id)
  })

  test("Resend's id is recorded, and the email counted sent, once however often the step is retried", () => {
    const email = message()
    const before = sentToday()
    const stored = recordOutgoing(email, 'resend')
    expect(sentToday()).toBe(before)
    recordHandedToResend(stored, 'resend-id-1', email)
    recordHandedToResend(stored, 'resend-id-2', email)
    expect(sentToday()).toBe(before + 1)
    expect(recordOutgoing(email, 'resend').providerId).toBe('resend-id-1')
  })

  test('the local transport counts the email sent when its row is first written', () => {
    const email = message()
    const before = sentToday()
    recordOutgoing(email, 'local')
    recordOutgoing(email, 'local')
    expect(sentToday()).toBe(before + 1)
  })
})
