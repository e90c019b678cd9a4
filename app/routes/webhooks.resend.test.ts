import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { emailDailyStats, emailEvents, emailSkips, emailSuppressions, mailboxMessages } from '~/db/schema'
import { redactLink } from '~/engagement/record.server'
import { sampleEmailEvent, signResendDelivery, type EmailEventType, type SampleOptions } from '~/engagement/sample-deliveries'
import { MAX_RESEND_WEBHOOK_BYTES } from '~/engagement/webhook.server'
import { sendEmail } from '~/email/send.server'
import { env } from '~/env.server'
import { eventCatalogue } from '~/events'
import { createConfirmedUser } from '../../test/db-utils'
import { APP, callRoute } from '../../test/route-harness'
import { sent } from '../../test/sent'
import { action, loader } from './webhooks.resend'

const secret = env.RESEND_WEBHOOK_SECRET!
const url = `${APP}/webhooks/resend`
const { context } = eventCatalogue['user/registered'].samples['new-user-en']

function post(body: BodyInit, headers: Record<string, string> = {}, method = 'POST') {
  const request = new Request(url, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: method === 'GET' ? null : body, duplex: 'half' } as RequestInit)
  return callRoute(method === 'GET' ? loader : action, request) as Promise<Response>
}

async function deliver(event: object, options: { id?: string; timestamp?: Date; secret?: string } = {}) {
  const payload = JSON.stringify(event)
  const response = await post(payload, signResendDelivery(payload, options.secret ?? secret, options))
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** A welcome email in the local mailbox, as a signup sends it, and the tags Resend would hand back with its events. */
async function sentWelcome(locale: 'fr' | 'en' | 'es' = 'en') {
  const user = createConfirmedUser({ language: locale })
  const eventId = randomUUID()
  const { id } = sent(await sendEmail({ template: 'welcome', to: user.email, locale, data: { userId: user.id }, context, eventId }))
  return { user, messageId: id, emailId: `re_${randomUUID()}`, tags: { message: id, template: 'welcome', locale, event: eventId } }
}

const event = (type: EmailEventType, email: Awaited<ReturnType<typeof sentWelcome>>, options?: SampleOptions) =>
  sampleEmailEvent(type, { emailId: email.emailId, to: email.user.email, tags: email.tags }, options)

function totals(template: string, locale: string) {
  const row = db
    .select({
      sent: sql<number>`coalesce(sum(${emailDailyStats.sent}), 0)`,
      delivered: sql<number>`coalesce(sum(${emailDailyStats.delivered}), 0)`,
      opened: sql<number>`coalesce(sum(${emailDailyStats.opened}), 0)`,
      clicked: sql<number>`coalesce(sum(${emailDailyStats.clicked}), 0)`,
      bounced: sql<number>`coalesce(sum(${emailDailyStats.bounced}), 0)`,
      complained: sql<number>`coalesce(sum(${emailDailyStats.complained}), 0)`,
      skipped: sql<number>`coalesce(sum(${emailDailyStats.skipped}), 0)`,
    })
    .from(emailDailyStats)
    .where(and(eq(emailDailyStats.template, template), eq(emailDailyStats.locale, locale)))
    .get()!
  return row
}

const everything = () => ({
  events: db.select().from(emailEvents).all().length,
  stats: db.select().from(emailDailyStats).all(),
  suppressions: db.select().from(emailSuppressions).all().length,
})

describe('POST /webhooks/resend: verification (the Resend SDK, on deliveries signed as Svix signs them)', () => {
  test('a signed delivery is recorded once, attributed to its mailbox row, template and language', async () => {
    const email = await sentWelcome('es')
    const before = totals('welcome', 'es')
    const delivery = event('email.delivered', email)
    const id = `msg_${randomUUID()}`
    expect(await deliver(delivery, { id })).toEqual({ status: 200, body: { received: true } })
    const stored = db.select().from(emailEvents).where(eq(emailEvents.id, id)).get()
    expect(stored).toMatchObject({ type: 'email.delivered', emailId: email.emailId, messageId: email.messageId, template: 'welcome', locale: 'es', recipient: email.user.email })
    expect(totals('welcome', 'es')).toMatchObject({ sent: before.sent, delivered: before.delivered + 1 })

    // Resend delivers again (it did not see our answer): acknowledged, nothing counted twice.
    expect(await deliver(delivery, { id })).toEqual({ status: 200, body: { received: true, duplicate: true } })
    expect(db.select().from(emailEvents).where(eq(emailEvents.id, id)).all()).toHaveLength(1)
    expect(totals('welcome', 'es').delivered).toBe(before.delivered + 1)
  })

  test('a forged, tampered, unsigned, stale or future delivery gets a 400 and changes nothing', async () => {
    const email = await sentWelcome()
    const payload = JSON.stringify(event('email.complained', email))
    const before = everything()
    const wrongSecret = `whsec_${Buffer.from('not-the-endpoint-secret').toString('base64')}`
    const cases: Array<[Record<string, string>, string | RegExp, string?]> = [
      [signResendDelivery(payload, wrongSecret), 'invalid signature'],
      [signResendDelivery(payload, secret), 'invalid signature', payload.replace('email.complained', 'email.delivered')],
      [{}, /missing svix-id/],
      [{ ...signResendDelivery(payload, secret), 'svix-signature': 'v1,AAAA' }, 'invalid signature'],
      [signResendDelivery(payload, secret, { timestamp: new Date(Date.now() - 10 * 60_000) }), 'timestamp outside the tolerance'],
      [signResendDelivery(payload, secret, { timestamp: new Date(Date.now() + 10 * 60_000) }), 'timestamp outside the tolerance'],
    ]
    for (const [headers, error, body] of cases) {
      const response = await post(body ?? payload, headers)
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: string }).error).toMatch(error)
    }
    expect(everything()).toEqual(before)
  })

  test('a signed body that is not JSON: 400; an oversized one: 413; GET: 405; nothing written', async () => {
    const before = everything()
    const notJson = '{"type": "email.delivered", '
    expect((await post(notJson, signResendDelivery(notJson, secret))).status).toBe(400)
    const huge = JSON.stringify({ type: 'email.delivered', created_at: new Date().toISOString(), data: { pad: 'x'.repeat(MAX_RESEND_WEBHOOK_BYTES) } })
    const tooLarge = await post(huge, signResendDelivery(huge, secret))
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.headers.get('Connection')).toBe('close')
    const get = await post('', {}, 'GET')
    expect(get.status).toBe(405)
    expect(get.headers.get('Allow')).toBe('POST')
    expect(everything()).toEqual(before)
  })

  test('every validly signed delivery gets a 2xx, including types Courrier does not read, and is recognised when redelivered', async () => {
    const contact = { type: 'contact.created', created_at: new Date().toISOString(), data: { id: 'c1', email: 'someone@example.com' } }
    const id = `msg_${randomUUID()}`
    expect(await deliver(contact, { id })).toEqual({ status: 200, body: { received: true } })
    expect(db.select().from(emailEvents).where(eq(emailEvents.id, id)).get()).toMatchObject({ type: 'contact.created', emailId: null, messageId: null })
    expect(await deliver(contact, { id })).toEqual({ status: 200, body: { received: true, duplicate: true } })
    // Signed, but not an event at all: acknowledged (a redelivery would be the same), not stored.
    expect(await deliver({ hello: 'world' })).toEqual({ status: 200, body: { received: true, ignored: true } })
  })
})

describe('what the events do', () => {
  test('out of order and repeated: opened before delivered, two clicks — each first engagement counted once', async () => {
    const email = await sentWelcome('fr')
    const before = totals('welcome', 'fr')
    const t0 = Date.now()
    await deliver(event('email.opened', email, { at: new Date(t0 + 2000) }))
    await deliver(event('email.clicked', email, { at: new Date(t0 + 3000) }))
    await deliver(event('email.delivered', email, { at: new Date(t0 + 1000) }))
    await deliver(event('email.opened', email, { at: new Date(t0 + 4000) }))
    await deliver(event('email.clicked', email, { at: new Date(t0 + 5000), link: 'https://courrier.test/pricing' }))
    expect(totals('welcome', 'fr')).toMatchObject({ delivered: before.delivered + 1, opened: before.opened + 1, clicked: before.clicked + 1, bounced: before.bounced })
    // The timeline keeps every event, in the order they happened at Resend.
    const timeline = db.select({ type: emailEvents.type }).from(emailEvents).where(eq(emailEvents.messageId, email.messageId)).orderBy(emailEvents.occurredAt).all()
    expect(timeline.map((e) => e.type)).toEqual(['email.delivered', 'email.opened', 'email.clicked', 'email.opened', 'email.clicked'])
  })

  test('attributed by its tags alone: an email the app has no row for, or whose Resend id it has not recorded yet', async () => {
    // No row at all (a message tag that names nothing, an unknown email id): the tags still give template and language.
    const before = totals('password-reset', 'es')
    const emailId = `re_${randomUUID()}`
    const orphan = sampleEmailEvent('email.delivered', { emailId, to: 'ghost@example.com', tags: { message: 'gone', template: 'password-reset', locale: 'es', event: 'evt-x' } })
    expect((await deliver(orphan)).status).toBe(200)
    expect(db.select().from(emailEvents).where(eq(emailEvents.emailId, emailId)).get()).toMatchObject({ messageId: null, template: 'password-reset', locale: 'es' })
    expect(totals('password-reset', 'es').delivered).toBe(before.delivered + 1)

    // The row exists but the send has not stored Resend's id yet (the webhook won the race): found by its tag.
    const email = await sentWelcome('en')
    expect(db.select({ providerId: mailboxMessages.providerId }).from(mailboxMessages).where(eq(mailboxMessages.id, email.messageId)).get()!.providerId).toBeNull()
    await deliver(event('email.delivered', email))
    expect(db.select().from(emailEvents).where(eq(emailEvents.emailId, email.emailId)).get()!.messageId).toBe(email.messageId)

    // Tags lost (an email sent before tagging): found by the Resend id the send recorded.
    const recorded = await sentWelcome('en')
    db.update(mailboxMessages).set({ providerId: recorded.emailId }).where(eq(mailboxMessages.id, recorded.messageId)).run()
    await deliver(sampleEmailEvent('email.opened', { emailId: recorded.emailId, to: recorded.user.email }))
    expect(db.select().from(emailEvents).where(eq(emailEvents.emailId, recorded.emailId)).get()).toMatchObject({ messageId: recorded.messageId, template: 'welcome', locale: 'en' })
  })

  test('a permanent bounce suppresses the address for every email; a lifecycle and a transactional send are then skipped, with the reason recorded', async () => {
    const email = await sentWelcome('en')
    await deliver(event('email.bounced', email, { bounceMessage: '550 5.1.1 <x>: user unknown' }))
    const entry = db.select().from(emailSuppressions).where(eq(emailSuppressions.email, email.user.email)).get()
    expect(entry).toMatchObject({ reason: 'bounced', topic: null, userId: null, detail: '550 5.1.1 <x>: user unknown' })
    // A second bounce report adds no second entry.
    await deliver(event('email.bounced', email))
    expect(db.select().from(emailSuppressions).where(eq(emailSuppressions.email, email.user.email)).all()).toHaveLength(1)

    const lifecycle = await sendEmail({
      template: 'welcome-follow-up',
      to: email.user.email,
      locale: 'en',
      data: { userId: email.user.id },
      context,
      eventId: 'evt-after-bounce',
      userId: email.user.id,
    })
    expect(lifecycle).toEqual({ skipped: 'bounced' })
    const transactional = await sendEmail({
      template: 'password-reset',
      to: email.user.email,
      locale: 'en',
      data: { userId: email.user.id, tokenId: 't' },
      context: { userName: 'x', resetPath: '/reset-password/abc' },
      eventId: 'evt-after-bounce',
    } as never)
    expect(transactional).toEqual({ skipped: 'hard-bounced' })
    expect(
      db
        .select({ reason: emailSkips.reason })
        .from(emailSkips)
        .where(eq(emailSkips.recipient, email.user.email))
        .all()
        .map((s) => s.reason)
        .sort(),
    ).toEqual(['bounced', 'hard-bounced'])
    expect(db.select().from(mailboxMessages).where(eq(mailboxMessages.to, email.user.email)).all()).toHaveLength(1)
  })

  test('a transient bounce is on the timeline but suppresses nothing; a complaint stops lifecycle email only', async () => {
    const soft = await sentWelcome('en')
    await deliver(event('email.bounced', soft, { bounceType: 'Transient' }))
    expect(db.select().from(emailSuppressions).where(eq(emailSuppressions.email, soft.user.email)).all()).toEqual([])

    const email = await sentWelcome('en')
    await deliver(event('email.complained', email))
    expect(db.select().from(emailSuppressions).where(eq(emailSuppressions.email, email.user.email)).get()).toMatchObject({ reason: 'complained' })
    const lifecycle = await sendEmail({
      template: 'welcome-follow-up',
      to: email.user.email,
      locale: 'en',
      data: { userId: email.user.id },
      context,
      eventId: 'evt-after-complaint',
      userId: email.user.id,
    })
    expect(lifecycle).toEqual({ skipped: 'complained' })
    // A password reset is owed even to someone who marked a newsletter as spam.
    const welcomeAgain = await sendEmail({ template: 'welcome', to: email.user.email, locale: 'en', data: { userId: email.user.id }, context, eventId: 'evt-after-complaint' })
    expect(welcomeAgain).toMatchObject({ transport: 'local' })
  })

  test('a clicked link is kept without its query string or its token', async () => {
    expect(redactLink('https://app.courrier.test/verify-email/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4?utm_source=x#y')).toBe('https://app.courrier.test/verify-email/:token')
    expect(redactLink('https://app.courrier.test/pricing?plan=pro')).toBe('https://app.courrier.test/pricing')
    expect(redactLink('javascript-ish nonsense')).toBe('(not a link)')
    const email = await sentWelcome('en')
    const token = 'a'.repeat(43)
    await deliver(event('email.clicked', email, { link: `https://courrier.test/reset-password/${token}?t=${token}` }))
    const stored = db
      .select()
      .from(emailEvents)
      .where(and(eq(emailEvents.messageId, email.messageId), eq(emailEvents.type, 'email.clicked')))
      .get()!
    expect(stored.detail).toEqual({ link: 'https://courrier.test/reset-password/:token' })
    expect(JSON.stringify(db.select().from(emailEvents).all())).not.toContain(token)
  })
})
