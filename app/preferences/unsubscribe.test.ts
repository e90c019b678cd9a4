import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { createUserSessionCookie } from '~/auth/session.server'
import { db } from '~/db/client.server'
import { emailSuppressions, outboxEvents } from '~/db/schema'
import { eventCatalogue } from '~/events'
import { sendEmail } from '~/email/send.server'
import { action as preferencesAction, loader as preferencesLoader } from '~/routes/settings.notifications'
import { action as unsubscribeAction, loader as unsubscribeLoader } from '~/routes/unsubscribe.$token'
import { createConfirmedUser, createUser, mailbox } from '../../test/db-utils'
import { APP, callRoute, formRequest, unwrap } from '../../test/route-harness'
import { consentVersion, isUnsubscribed } from './suppressions.server'
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.server'

const tokenFor = (userId: string, version = consentVersion(db, userId, 'onboarding')) => unsubscribeToken({ userId, topic: 'onboarding', version })
const unsubscribedEvents = (userId: string) => db.select().from(outboxEvents).all().filter((e) => e.name === 'user/unsubscribed' && (e.data as { userId: string }).userId === userId)

/** What a mail client sends (RFC 8058): a bare POST, no cookie, no Origin, no CSRF token. */
function oneClick(token: string, headers: Record<string, string> = {}) {
  const request = new Request(`${APP}/unsubscribe/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: 'List-Unsubscribe=One-Click' })
  return callRoute(unsubscribeAction, request, { params: { token } }).then(unwrap)
}
const page = (token: string) => callRoute(unsubscribeLoader, new Request(`${APP}/unsubscribe/${token}`), { params: { token } }).then(unwrap)
const undo = (token: string, headers: Record<string, string> = {}) =>
  callRoute(unsubscribeAction, formRequest(`/unsubscribe/${token}`, { intent: 'undo' }, headers), { params: { token } }).then(unwrap)

async function signedIn(user: { id: string }) {
  return (await createUserSessionCookie(new Request(APP), user.id)).split(';')[0]!
}
const savePreferences = async (cookie: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  callRoute(preferencesAction, formRequest('/settings/notifications', fields, { Cookie: cookie, ...headers })).then(unwrap)

describe('unsubscribe tokens', () => {
  test('are bound to one user and one list: the claim is signed, anything changed is refused', () => {
    const alice = createConfirmedUser()
    const bob = createConfirmedUser()
    const token = tokenFor(alice.id)
    expect(readUnsubscribeToken(token)).toEqual({ userId: alice.id, topic: 'onboarding', version: 0 })
    const [payload, signature] = token.split('.') as [string, string]
    // Bob's id under Alice's signature, a flipped character, a forged signature: all refused.
    const swapped = Buffer.from(`${bob.id}:onboarding:0`).toString('base64url')
    expect(readUnsubscribeToken(`${swapped}.${signature}`)).toBeNull()
    expect(readUnsubscribeToken(`${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`)).toBeNull()
    expect(readUnsubscribeToken(`${payload}.${'x'.repeat(43)}`)).toBeNull()
    expect(readUnsubscribeToken('not-a-token')).toBeNull()
    expect(readUnsubscribeToken(`${Buffer.from(`${alice.id}:newsletter:0`).toString('base64url')}.${signature}`)).toBeNull()
  })

  test("another user's token unsubscribes that user, never you", async () => {
    const alice = createConfirmedUser()
    const bob = createConfirmedUser()
    expect((await oneClick(tokenFor(bob.id))).status).toBe(200)
    expect(isUnsubscribed(db, bob.id, 'onboarding')).toBe(true)
    expect(isUnsubscribed(db, alice.id, 'onboarding')).toBe(false)
  })

  test('a tampered token changes nothing and says 404', async () => {
    const alice = createConfirmedUser()
    const token = tokenFor(alice.id)
    const result = await oneClick(`${token.slice(0, -2)}xx`)
    expect(result.status).toBe(404)
    expect(isUnsubscribed(db, alice.id, 'onboarding')).toBe(false)
    expect(unsubscribedEvents(alice.id)).toEqual([])
  })

  test('an old one after re-subscribe still unsubscribes (the person means it), but can no longer undo', async () => {
    const user = createConfirmedUser()
    const old = tokenFor(user.id)
    await oneClick(old)
    const cookie = await signedIn(user)
    expect((await savePreferences(cookie, { onboarding: 'on' })).status).toBe(200)
    expect(consentVersion(db, user.id, 'onboarding')).toBe(1)
    // Emails sent now carry version 1; the old link from before the re-subscribe…
    expect((await oneClick(old)).body).toEqual({ done: 'unsubscribed' })
    expect(isUnsubscribed(db, user.id, 'onboarding')).toBe(true)
    // …cannot opt them back in: that needs a link sent under their current consent.
    expect(await undo(old)).toMatchObject({ status: 409, body: { done: 'stale' } })
    expect(isUnsubscribed(db, user.id, 'onboarding')).toBe(true)
    expect((await page(old)).body.link).toMatchObject({ status: 'unsubscribed', canUndo: false })
    const current = tokenFor(user.id)
    expect(await undo(current)).toMatchObject({ status: 200, body: { done: 'resubscribed' } })
    expect(isUnsubscribed(db, user.id, 'onboarding')).toBe(false)
  })
})

describe('one-click unsubscribe (POST /unsubscribe/:token)', () => {
  test('a bare POST with no cookie, Origin or CSRF token unsubscribes, emits user/unsubscribed once, and is idempotent', async () => {
    const user = createConfirmedUser()
    const token = tokenFor(user.id)
    const first = await oneClick(token)
    expect(first).toMatchObject({ status: 200, body: { done: 'unsubscribed' } })
    expect(first.headers.get('Cache-Control')).toBe('no-store')
    expect((await oneClick(token)).body).toEqual({ done: 'already' })
    expect(unsubscribedEvents(user.id).map((e) => e.data)).toEqual([{ userId: user.id, topic: 'onboarding' }])
    const rows = db.select().from(emailSuppressions).where(eq(emailSuppressions.userId, user.id)).all()
    expect(rows.map((r) => [r.email, r.topic, r.reason])).toEqual([[user.email, 'onboarding', 'unsubscribed']])
  })

  test("from a mail provider's servers: another Origin, no body it understands, many requests from one address", async () => {
    const users = [createConfirmedUser(), createConfirmedUser(), createConfirmedUser()]
    for (const user of users) {
      const request = new Request(`${APP}/unsubscribe/${tokenFor(user.id)}`, { method: 'POST', headers: { Origin: 'https://mail.google.com', 'Sec-Fetch-Site': 'cross-site' } })
      const result = unwrap(await callRoute(unsubscribeAction, request, { params: { token: tokenFor(user.id) }, clientAddress: '192.0.2.10' }))
      expect(result.status).toBe(200)
    }
    expect(users.every((u) => isUnsubscribed(db, u.id, 'onboarding'))).toBe(true)
  })

  test('a GET shows the page in the recipient’s language and never unsubscribes', async () => {
    const user = createConfirmedUser({ language: 'es', name: 'Lucía' })
    const result = await page(tokenFor(user.id))
    expect(result).toMatchObject({ status: 200, body: { link: { status: 'subscribed', language: 'es', userName: 'Lucía' } } })
    expect(isUnsubscribed(db, user.id, 'onboarding')).toBe(false)
    expect(result.headers.get('Referrer-Policy')).toBe('no-referrer')
  })

  test('undo is our page’s own form: refused from another site', async () => {
    const user = createConfirmedUser()
    const token = tokenFor(user.id)
    await oneClick(token)
    expect((await undo(token, { Origin: 'https://evil.example' })).status).toBe(403)
    expect(isUnsubscribed(db, user.id, 'onboarding')).toBe(true)
  })

  test('a deleted account: nothing to unsubscribe, 404, no event', async () => {
    const token = tokenFor('00000000-0000-4000-8000-000000000000')
    expect((await oneClick(token)).status).toBe(404)
    expect((await page(token)).status).toBe(404)
  })
})

describe('preferences page (/settings/notifications)', () => {
  test('turning lifecycle email off writes the suppression entry and user/unsubscribed together; on again lifts it', async () => {
    const user = createConfirmedUser()
    const cookie = await signedIn(user)
    const before = unwrap(await callRoute(preferencesLoader, new Request(`${APP}/settings/notifications`, { headers: { Cookie: cookie } })))
    expect(before.body).toMatchObject({ preferences: { onboarding: true }, confirmed: true })
    expect(await savePreferences(cookie, {})).toMatchObject({ status: 200, body: { saved: true } })
    expect(isUnsubscribed(db, user.id, 'onboarding')).toBe(true)
    expect(unsubscribedEvents(user.id)).toHaveLength(1)
    // Saving "off" again changes nothing and emits nothing.
    await savePreferences(cookie, {})
    expect(unsubscribedEvents(user.id)).toHaveLength(1)
    await savePreferences(cookie, { onboarding: 'on' })
    expect(isUnsubscribed(db, user.id, 'onboarding')).toBe(false)
    expect(unsubscribedEvents(user.id)).toHaveLength(1)
  })

  test('a value that is not a checkbox is refused with nothing written; another site is refused', async () => {
    const user = createConfirmedUser()
    const cookie = await signedIn(user)
    expect((await savePreferences(cookie, { onboarding: 'yes please' })).status).toBe(400)
    expect((await savePreferences(cookie, {}, { Origin: 'https://evil.example' })).status).toBe(403)
    expect(isUnsubscribed(db, user.id, 'onboarding')).toBe(false)
  })
})

describe('the suppression list, consulted by sendEmail for lifecycle email', () => {
  const { context } = eventCatalogue['user/registered'].samples['new-user-en']
  const followUp = (user: { id: string; email: string }, eventId: string) =>
    sendEmail({ template: 'welcome-follow-up', to: user.email, locale: 'en', data: { userId: user.id }, context, eventId, userId: user.id })

  test.each(['unsubscribed', 'bounced', 'complained'] as const)('an address suppressed as %s gets no lifecycle email: skipped with the reason', async (reason) => {
    const user = createConfirmedUser()
    // Bounces and complaints (issue 14) are recorded by address, for every list.
    db.insert(emailSuppressions).values({ email: user.email, userId: reason === 'unsubscribed' ? user.id : null, topic: reason === 'unsubscribed' ? 'onboarding' : null, reason }).run()
    expect(await followUp(user, `evt-${reason}`)).toEqual({ skipped: reason })
    expect(mailbox().filter((m) => m.to === user.email)).toEqual([])
    // Transactional email still goes out, except to an address that bounced for good: it cannot arrive.
    const transactional = await sendEmail({ template: 'welcome', to: user.email, locale: 'en', data: { userId: user.id }, context, eventId: `evt-${reason}` })
    expect(transactional).toEqual(reason === 'bounced' ? { skipped: 'hard-bounced' } : { id: expect.any(String), transport: 'local' })
  })

  test('an unconfirmed address, a deleted user, or an address that is no longer theirs gets none', async () => {
    const unconfirmed = createUser()
    expect(await followUp(unconfirmed, 'evt-unconfirmed')).toEqual({ skipped: 'unconfirmed' })
    const confirmed = createConfirmedUser()
    expect(await followUp({ id: confirmed.id, email: 'old-address@example.com' }, 'evt-moved')).toEqual({ skipped: 'address-changed' })
    expect(await followUp({ id: 'gone', email: 'gone@example.com' }, 'evt-gone')).toEqual({ skipped: 'user-deleted' })
  })

  test('a confirmed, consenting user gets it', async () => {
    const user = createConfirmedUser()
    expect(await followUp(user, 'evt-ok')).toMatchObject({ transport: 'local' })
    expect(db.select().from(emailSuppressions).where(and(eq(emailSuppressions.userId, user.id))).all()).toEqual([])
  })
})
