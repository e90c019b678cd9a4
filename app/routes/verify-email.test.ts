import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { CONFIRMATION_LINKS_PER_DAY, confirmationPathFor, requestConfirmationLink } from '~/auth/email-verification.server'
import { createUserSessionCookie, getUserId } from '~/auth/session.server'
import { signup } from '~/auth/signup.server'
import { deriveUserToken, TOKEN_TTL_MS } from '~/auth/user-tokens.server'
import { db } from '~/db/client.server'
import { memberships, organizations, outboxEvents, sessions, users, userTokens } from '~/db/schema'
import type { Locale } from '~/i18n/locales'
import { createOrganizationForSubscription } from '~/organizations/organizations.server'
import { APP, callRoute, formRequest, unwrap } from '../../test/route-harness'
import { action as dashboardAction, loader as dashboardLoader } from './dashboard'
import { action as verifyAction, loader as verifyLoader } from './verify-email.$token'

const password = 'a long enough password'
const cookieOf = (setCookie: string) => setCookie.split(';')[0]!

/** A new account through the signup module (which issues the first confirmation link). */
async function newAccount(language: Locale = 'fr') {
  const email = `verify-${crypto.randomUUID().slice(0, 8)}@example.com`
  const result = await signup({ email, name: 'Camille Dupont', password }, language)
  if (!result.ok) throw new Error('signup failed')
  return db.select().from(users).where(eq(users.id, result.userId)).get()!
}

const tokenRows = (userId: string) =>
  db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, 'email-verification')))
    .all()

/** The token the newest confirmation email carries: derived from the newest row, as the step derives it. */
const latestLink = (userId: string) => deriveUserToken('email-verification', tokenRows(userId).sort((a, b) => +b.createdAt - +a.createdAt)[0]!.id)

const eventsFor = (name: string, userId: string) => db.select().from(outboxEvents).all().filter((e) => e.name === name && (e.data as { userId: string }).userId === userId)

const open = (token: string, headers: Record<string, string> = {}) =>
  callRoute(verifyLoader, new Request(`${APP}/verify-email/${token}`, { headers }), { params: { token } }).then(unwrap)
const confirm = (token: string, headers: Record<string, string> = {}) =>
  callRoute(verifyAction, formRequest(`/verify-email/${token}`, {}, headers), { params: { token } }).then(unwrap)
const verifiedAt = (userId: string) => db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).get()!.at

describe('address confirmation link', () => {
  test('signup issues one link (hash only at rest); the welcome step derives the same link from it', async () => {
    const user = await newAccount()
    const rows = tokenRows(user.id)
    expect(rows).toHaveLength(1)
    const token = latestLink(user.id)
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBe(TOKEN_TTL_MS['email-verification'])
    // A retried welcome step finds the same pending link rather than issuing another.
    expect(confirmationPathFor(user.id)).toBe(`/verify-email/${token}`)
    expect(confirmationPathFor(user.id)).toBe(`/verify-email/${token}`)
    expect(tokenRows(user.id)).toHaveLength(1)
    // No token in the event: ids only.
    expect(JSON.stringify(eventsFor('user/registered', user.id))).not.toContain(token)
  })

  test('opening the link changes nothing (scanners open links); the page names the address, in the user’s language', async () => {
    const user = await newAccount('es')
    const token = latestLink(user.id)
    const page = await open(token, { 'Accept-Language': 'es' })
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ state: 'valid', email: user.email, title: 'Confirma tu dirección' })
    expect(page.headers.get('Referrer-Policy')).toBe('no-referrer')
    expect(page.headers.get('Cache-Control')).toBe('no-store')
    expect(verifiedAt(user.id)).toBeNull()
    expect(tokenRows(user.id)[0]!.usedAt).toBeNull()
  })

  test('confirming proves the address, writes user/activated once, signs the browser in and lands on the dashboard', async () => {
    const user = await newAccount()
    const token = latestLink(user.id)
    const answer = await confirm(token)
    expect(answer.status).toBe(302)
    expect(answer.headers.get('Location')).toBe('/dashboard?confirmed=1')
    const cookie = cookieOf(answer.headers.get('Set-Cookie')!)
    expect(await getUserId(new Request(APP, { headers: { Cookie: cookie } }))).toBe(user.id)
    expect(verifiedAt(user.id)).toBeInstanceOf(Date)
    expect(eventsFor('user/activated', user.id).map((e) => e.data)).toEqual([{ userId: user.id }])

    // Used: refused (410), nothing new written.
    const again = await confirm(token)
    expect(again.status).toBe(410)
    expect(again.body).toEqual({ refused: 'used' })
    expect((await open(token)).status).toBe(410)
    expect(eventsFor('user/activated', user.id)).toHaveLength(1)

    // The dashboard, reached with the flag, says so; the banner is gone.
    const dashboard = await callRoute(dashboardLoader, new Request(`${APP}/dashboard?confirmed=1`, { headers: { Cookie: cookie } }))
    expect(dashboard.address).toEqual({ state: 'confirmed', justConfirmed: true })
  })

  test('a browser already signed in as that user keeps its session; one signed in as someone else is replaced', async () => {
    const user = await newAccount()
    const own = cookieOf(await createUserSessionCookie(new Request(APP), user.id))
    const kept = await confirm(latestLink(user.id), { Cookie: own })
    expect(kept.status).toBe(302)
    expect(kept.headers.get('Set-Cookie')).toBeNull()

    const other = await newAccount()
    const stranger = await newAccount()
    const strangerSession = await createUserSessionCookie(new Request(APP), stranger.id)
    const replaced = await confirm(latestLink(other.id), { Cookie: cookieOf(strangerSession) })
    expect(await getUserId(new Request(APP, { headers: { Cookie: cookieOf(replaced.headers.get('Set-Cookie')!) } }))).toBe(other.id)
    // The stranger's session row in this browser is gone; their other sessions are theirs to keep.
    expect(db.select().from(sessions).where(eq(sessions.userId, stranger.id)).all()).toHaveLength(0)
  })

  test('forged, expired, another purpose’s, or cross-site: refused with a 4xx, nothing changes', async () => {
    const user = await newAccount()
    const token = latestLink(user.id)
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
    expect((await open(forged)).status).toBe(404)
    expect((await confirm(forged)).status).toBe(404)
    expect((await confirm('not-even-a-token')).status).toBe(404)
    // A reset token for the same id is another link: the purpose is part of what is signed.
    const row = tokenRows(user.id)[0]!
    expect((await confirm(deriveUserToken('password-reset', row.id))).status).toBe(404)
    // Cross-site POST: the origin check refuses it before anything is read.
    expect((await confirm(token, { Origin: 'https://evil.example' })).status).toBe(403)

    db.update(userTokens).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(userTokens.id, row.id)).run()
    const expired = await open(token, { 'Accept-Language': 'fr' })
    expect(expired.status).toBe(410)
    expect(expired.body).toMatchObject({ state: 'expired', title: 'Ce lien a expiré' })
    expect((await confirm(token)).status).toBe(410)
    expect(verifiedAt(user.id)).toBeNull()
    expect(eventsFor('user/activated', user.id)).toEqual([])
  })

  test('two clicks racing: one confirms, the other is told the link was used; one event', async () => {
    const user = await newAccount()
    const token = latestLink(user.id)
    const answers = await Promise.all([confirm(token), confirm(token)])
    expect(answers.map((a) => a.status).sort()).toEqual([302, 410])
    expect(eventsFor('user/activated', user.id)).toHaveLength(1)
  })

  test('confirming claims the organizations waiting for that address, in the same transaction', async () => {
    const user = await newAccount()
    const subscriptionId = `sub_${crypto.randomUUID().slice(0, 8)}`
    const created = createOrganizationForSubscription({ subscriptionId, customerId: 'cus_claim', name: 'Atelier', ownerEmail: user.email.toUpperCase() })
    expect(created.owner).toBeNull()
    await confirm(latestLink(user.id))
    expect(db.select().from(memberships).where(eq(memberships.organizationId, created.id)).all()).toEqual([
      expect.objectContaining({ userId: user.id, role: 'owner' }),
    ])
    expect(db.select().from(organizations).where(eq(organizations.id, created.id)).get()!.pendingOwnerEmail).toBeNull()
  })
})

describe('send the link again', () => {
  const resend = (cookie: string) => callRoute(dashboardAction, formRequest('/dashboard', { intent: 'resend-confirmation' }, { Cookie: cookie })).then(unwrap)

  test('at most one a minute and five a day per account (its address), counted from the links issued; each one an event with ids only', async () => {
    const user = await newAccount()
    const cookie = cookieOf(await createUserSessionCookie(new Request(APP), user.id))
    // The signup's link was issued a moment ago.
    const tooSoon = await resend(cookie)
    expect(tooSoon.status).toBe(429)
    expect(tooSoon.body.errors).toEqual({ confirmation: 'verifyEmail.errors.tooSoon' })
    expect(Number(tooSoon.headers.get('Retry-After'))).toBeGreaterThan(0)

    // Time passes (the links' creation times are what the limit reads).
    const age = (ms: number) => db.update(userTokens).set({ createdAt: new Date(Date.now() - ms) }).where(eq(userTokens.userId, user.id)).run()
    for (let sent = 1; sent < CONFIRMATION_LINKS_PER_DAY; sent++) {
      age(2 * 60 * 1000)
      const ok = await resend(cookie)
      expect(ok.status).toBe(200)
      expect(ok.body).toEqual({ done: 'resent' })
    }
    age(2 * 60 * 1000)
    const daily = await resend(cookie)
    expect(daily.status).toBe(429)
    expect(daily.body.errors).toEqual({ confirmation: 'verifyEmail.errors.dailyLimit' })
    const requested = eventsFor('user/email-confirmation.requested', user.id)
    expect(requested).toHaveLength(CONFIRMATION_LINKS_PER_DAY - 1)
    expect(Object.keys(requested[0]!.data).sort()).toEqual(['tokenId', 'userId'])
    expect(tokenRows(user.id)).toHaveLength(CONFIRMATION_LINKS_PER_DAY)
  })

  test('a confirmed address has nothing to resend (409), and no banner', async () => {
    const user = await newAccount()
    await confirm(latestLink(user.id))
    const cookie = cookieOf(await createUserSessionCookie(new Request(APP), user.id))
    expect((await resend(cookie)).status).toBe(409)
    expect(requestConfirmationLink(user.id)).toEqual({ ok: false, error: 'alreadyConfirmed' })
    const dashboard = await callRoute(dashboardLoader, new Request(`${APP}/dashboard`, { headers: { Cookie: cookie } }))
    expect(dashboard.address).toEqual({ state: 'confirmed', justConfirmed: false })
  })

  test('a pending account sees the banner; ?confirmed on a pending account claims nothing', async () => {
    const user = await newAccount()
    const cookie = cookieOf(await createUserSessionCookie(new Request(APP), user.id))
    const dashboard = await callRoute(dashboardLoader, new Request(`${APP}/dashboard?confirmed=1`, { headers: { Cookie: cookie } }))
    expect(dashboard.address).toEqual({ state: 'pending', justConfirmed: false })
  })

  test('any earlier link still works until one is used; using one spends them all', async () => {
    const user = await newAccount()
    const first = latestLink(user.id)
    db.update(userTokens).set({ createdAt: new Date(Date.now() - 2 * 60 * 1000) }).where(eq(userTokens.userId, user.id)).run()
    expect(requestConfirmationLink(user.id)).toEqual({ ok: true })
    const second = latestLink(user.id)
    expect(second).not.toBe(first)
    expect((await confirm(first)).status).toBe(302)
    expect((await confirm(second)).status).toBe(410)
  })
})

describe('signing up again with a pending address', () => {
  test('creates no second account', async () => {
    const user = await newAccount()
    expect(await signup({ email: user.email, name: 'Someone Else', password }, 'en')).toEqual({ ok: false, error: 'emailTaken' })
    expect(db.select().from(users).where(eq(users.email, user.email)).all()).toHaveLength(1)
    expect(tokenRows(user.id)).toHaveLength(1)
  })
})

