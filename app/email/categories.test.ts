import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { mailboxMessages } from '~/db/schema'
import { eventCatalogue } from '~/events'
import { readUnsubscribeToken } from '~/preferences/unsubscribe-token.server'
import { createConfirmedUser } from '../../test/db-utils'
import { DEV_COMPANY } from './categories'
import { listUnsubscribe } from './envelope.server'
import { templates, TEMPLATE_IDS } from './registry.server'
import { renderEmail } from './render.server'
import { sendEmail } from './send.server'
import { sent } from '../../test/sent'

const { context } = eventCatalogue['user/registered'].samples['new-user-en']
const stored = (id: string) => db.select().from(mailboxMessages).where(eq(mailboxMessages.id, id)).get()!

describe('template categories', () => {
  test('every template declares one; the onboarding series is lifecycle, account and billing email transactional', () => {
    const lifecycle = TEMPLATE_IDS.filter((id) => templates[id].kind.category === 'lifecycle')
    expect(lifecycle).toEqual(['welcome-follow-up', 'onboarding-day-3', 'onboarding-day-7'])
    expect(TEMPLATE_IDS.filter((id) => templates[id].kind.category === 'transactional')).toEqual([
      'welcome',
      'subscription-created',
      'trial-reminder',
      'invitation',
      'password-reset',
      'password-changed',
      'account-deleted',
      'activation-reminder',
      'email-confirmation',
      'payment-failed',
      'subscription-canceled',
    ])
  })
})

describe('headers by category', () => {
  test('a lifecycle email carries List-Unsubscribe (https link bound to its user and list) and the one-click List-Unsubscribe-Post', async () => {
    const user = createConfirmedUser({ language: 'en' })
    const result = await sendEmail({ template: 'welcome-follow-up', to: user.email, locale: 'en', data: { userId: user.id }, context, eventId: 'evt-headers-1', userId: user.id })
    if (!('id' in result)) throw new Error(`skipped: ${result.skipped}`)
    const { headers, html } = stored(result.id)
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const link = /^<(http:\/\/localhost:5173\/unsubscribe\/([^>]+))>$/.exec(headers['List-Unsubscribe']!)
    expect(link).not.toBeNull()
    expect(readUnsubscribeToken(link![2]!)).toEqual({ userId: user.id, topic: 'onboarding', version: 0 })
    // The same link in the footer, for people (a GET shows the page; it never unsubscribes by itself).
    expect(html).toContain(`href="${link![1]}"`)
  })

  test('a transactional email carries neither header and no unsubscribe link', async () => {
    const user = createConfirmedUser({ language: 'en' })
    const result = sent(await sendEmail({ template: 'welcome', to: user.email, locale: 'en', data: { userId: user.id }, context, eventId: 'evt-headers-2' }))
    const { headers, html } = stored(result.id)
    expect(Object.keys(headers)).toEqual(['X-Entity-Ref-ID'])
    expect(html).not.toContain('/unsubscribe/')
  })

  test('the mailto joins the https link when LIST_UNSUBSCRIBE_MAILTO is set', () => {
    const { headers } = listUnsubscribe({ userId: 'u-1', topic: 'onboarding', version: 2 }, { appUrl: 'https://mail.example.com', mailto: 'unsubscribe@example.com' })
    expect(headers['List-Unsubscribe']).toMatch(/^<https:\/\/mail\.example\.com\/unsubscribe\/[\w-]+\.[\w-]{43}>, <mailto:unsubscribe@example\.com\?subject=unsubscribe%20onboarding%20u-1>$/)
  })
})

describe('the footer of every email', () => {
  test.each(TEMPLATE_IDS)('%s names the company, its postal address and links to the preferences page, in every language', async (id) => {
    const key = templates[id].samples[0]!
    const sample = eventCatalogue[templates[id].event].samples[key as never] as { data: never; context: never }
    for (const locale of ['fr', 'en', 'es'] as const) {
      const email = await renderEmail(id, sample, locale, { appUrl: 'https://mail.example.com' })
      expect(email.text).toContain(DEV_COMPANY.name)
      expect(email.text).toContain(DEV_COMPANY.address)
      expect(email.html).toContain('href="https://mail.example.com/settings/notifications"')
    }
  })
})
