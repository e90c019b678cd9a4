import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { mailboxMessages } from '~/db/schema'
import { eventCatalogue } from '~/events'
import { createUser } from '../../test/db-utils'
import { sendEmail } from './send.server'
import { sent } from '../../test/sent'

// RESEND_API_KEY is unset for every test file (test/app-context.ts): emails go to the local mailbox.
const { data, context } = eventCatalogue['user/registered'].samples['new-user-en']

describe('sendEmail to the local mailbox', () => {
  test('renders and stores the message with everything the studio shows', async () => {
    const result = sent(await sendEmail({ template: 'welcome', to: 'Alex@Example.com ', locale: 'fr', data, context, eventId: 'evt-local-1' }))
    expect(result).toEqual({ id: expect.any(String), transport: 'local' })
    const row = db.select().from(mailboxMessages).where(eq(mailboxMessages.id, result.id)).get()!
    expect(row).toMatchObject({
      to: 'Alex@Example.com',
      from: 'onboarding@resend.dev',
      subject: 'Bienvenue sur Courrier, Alex Morgan',
      previewText: 'Votre compte est prêt. Voici par où commencer.',
      template: 'welcome',
      locale: 'fr',
      eventId: 'evt-local-1',
      idempotencyKey: 'welcome/evt-local-1',
      headers: { 'X-Entity-Ref-ID': 'welcome/evt-local-1' },
    })
    expect(row.html).toContain('<html')
    expect(row.text).toContain('Bonjour Alex Morgan,')
    expect(row.createdAt).toBeInstanceOf(Date)
  })

  test('the same event and template stored twice is one message; another template of the same event is another', async () => {
    const first = sent(await sendEmail({ template: 'welcome', to: 'twice@example.com', locale: 'en', data, context, eventId: 'evt-twice' }))
    const again = sent(await sendEmail({ template: 'welcome', to: 'twice@example.com', locale: 'en', data, context, eventId: 'evt-twice' }))
    const user = createUser({ email: 'twice@example.com', emailVerifiedAt: new Date() })
    const followUp = await sendEmail({ template: 'welcome-follow-up', to: 'twice@example.com', locale: 'en', data, context, eventId: 'evt-twice', userId: user.id })
    expect(again.id).toBe(first.id)
    expect('id' in followUp && followUp.id).not.toBe(first.id)
    expect(db.select().from(mailboxMessages).where(eq(mailboxMessages.to, 'twice@example.com')).all()).toHaveLength(2)
  })

  test('concurrent sends of one email store it once', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => sendEmail({ template: 'welcome', to: 'race@example.com', locale: 'es', data, context, eventId: 'evt-race' })),
    )
    expect(new Set(results.map((r) => sent(r).id)).size).toBe(1)
    expect(db.select().from(mailboxMessages).where(eq(mailboxMessages.to, 'race@example.com')).all()).toHaveLength(1)
  })

  test('what retrying cannot fix is refused for good (NonRetriableError) and nothing is stored', async () => {
    const refusals = [
      sendEmail({ template: 'welcome', to: 'no-at-sign', locale: 'en', data, context, eventId: 'evt-bad-1' }),
      sendEmail({ template: 'welcome', to: 'x@example.com', locale: 'en', data, context: { userName: '' }, eventId: 'evt-bad-2' }),
      sendEmail({ template: 'trial-reminder', to: 'x@example.com', locale: 'en', data: { organizationId: 'o', subscriptionId: 's' }, eventId: 'evt-bad-3' } as never),
      sendEmail({ template: 'welcome', to: 'x@example.com', locale: 'en', data, context, eventId: '' }),
    ]
    for (const refusal of refusals) await expect(refusal).rejects.toMatchObject({ name: 'NonRetriableError' })
    expect(db.select().from(mailboxMessages).where(eq(mailboxMessages.eventId, 'evt-bad-1')).all()).toEqual([])
  })
})
