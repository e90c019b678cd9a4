import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import type { Locale } from '~/i18n/locales'
import { hashPassword, verifyPassword } from '~/auth/password.server'
import { RESPONSE_FLOOR_MS } from '~/auth/password-reset.server'
import { createUserSessionCookie, getUserId } from '~/auth/session.server'
import { deriveUserToken } from '~/auth/user-tokens.server'
import { db } from '~/db/client.server'
import { outboxEvents, sessions, users, userTokens } from '~/db/schema'
import { APP, callRoute, formRequest, unwrap } from '../../test/route-harness'
import { action as forgotAction, loader as forgotLoader } from './forgot-password'
import { action as resetAction, loader as resetLoader } from './reset-password.$token'

const oldPassword = 'the old password here'
const newPassword = 'a brand new password'
const cookieOf = (setCookie: string) => setCookie.split(';')[0]!

async function account(language: Locale = 'en') {
  const email = `reset-${crypto.randomUUID().slice(0, 8)}@example.com`
  return db.insert(users).values({ email, name: 'Alex Morgan', passwordHash: await hashPassword(oldPassword), language }).returning().get()
}

const forgot = (email: string, headers: Record<string, string> = {}, clientAddress?: string) =>
  callRoute(forgotAction, formRequest('/forgot-password', { email }, headers), { clientAddress }).then(unwrap)

const eventsFor = (name: string, userId: string) =>
  db.select().from(outboxEvents).all().filter((e) => e.name === name && (e.data as { userId: string }).userId === userId)

/** The link the email would carry: derived from the token row the request wrote. */
function linkTokenOf(userId: string) {
  const row = db.select().from(userTokens).where(eq(userTokens.userId, userId)).all().at(-1)!
  return deriveUserToken('password-reset', row.id)
}

/** Asks for a reset link for this account and returns the token its email would carry. */
async function resetLinkFor(user: { id: string; email: string }) {
  await forgot(user.email)
  return linkTokenOf(user.id)
}

const openLink = (token: string, headers: Record<string, string> = {}) =>
  callRoute(resetLoader, new Request(`${APP}/reset-password/${token}`, { headers }), { params: { token } }).then(unwrap)
const submit = (token: string, password: string, headers: Record<string, string> = {}) =>
  callRoute(resetAction, formRequest(`/reset-password/${token}`, { password }, headers), { params: { token } }).then(unwrap)

describe('forgot password', () => {
  test('the page is served in the visitor’s language', async () => {
    for (const [header, title] of [
      ['fr-FR', 'Mot de passe oublié ?'],
      ['en-US', 'Forgot your password?'],
      ['es', '¿Has olvidado tu contraseña?'],
    ]) {
      const data = await callRoute(forgotLoader, new Request(`${APP}/forgot-password`, { headers: { 'Accept-Language': header! } }))
      expect(data.title).toBe(title)
    }
  })

  test('same answer, same status, no sooner than the floor, whether or not the account exists; only an account gets a link and an event (ids only)', async () => {
    const user = await account()
    const started = performance.now()
    const known = await forgot(user.email.toUpperCase())
    const knownMs = performance.now() - started
    const started2 = performance.now()
    const unknown = await forgot('nobody-here@example.com')
    const unknownMs = performance.now() - started2

    expect(known.status).toBe(200)
    expect(unknown.status).toBe(200)
    expect(Object.keys(known.body)).toEqual(Object.keys(unknown.body))
    expect(known.body).toEqual({ sent: true, email: user.email })
    expect(unknown.body).toEqual({ sent: true, email: 'nobody-here@example.com' })
    expect(knownMs).toBeGreaterThanOrEqual(RESPONSE_FLOOR_MS - 5)
    expect(unknownMs).toBeGreaterThanOrEqual(RESPONSE_FLOOR_MS - 5)

    const [event] = eventsFor('user/password-reset.requested', user.id)
    const row = db.select().from(userTokens).where(eq(userTokens.userId, user.id)).get()!
    expect(event!.data).toEqual({ userId: user.id, tokenId: row.id })
    expect(row.purpose).toBe('password-reset')
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60 * 1000)
    // The token is nowhere at rest: neither in the event nor in the row.
    const token = deriveUserToken('password-reset', row.id)
    expect(JSON.stringify(db.select().from(outboxEvents).all())).not.toContain(token)
    expect(row.tokenHash).not.toBe(token)
  })

  test('a burst of requests for one address issues one link (one email) a minute', async () => {
    const user = await account()
    const answers = await Promise.all([forgot(user.email), forgot(user.email), forgot(user.email)])
    await forgot(user.email)
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(eventsFor('user/password-reset.requested', user.id)).toHaveLength(1)
    expect(db.select().from(userTokens).where(eq(userTokens.userId, user.id)).all()).toHaveLength(1)
    // A minute later, a new link may go out.
    db.update(userTokens).set({ createdAt: new Date(Date.now() - 61_000) }).where(eq(userTokens.userId, user.id)).run()
    await forgot(user.email)
    expect(eventsFor('user/password-reset.requested', user.id)).toHaveLength(2)
  })

  test.each([
    ['an invalid address', { email: 'not-an-email' }, 400, 'email', 'errors.emailInvalid'],
    ['a filled honeypot', { email: 'x@example.com', website: 'http://spam' }, 400, 'form', 'errors.rejected'],
  ])('%s is refused', async (_case, fields, status, field, key) => {
    const res = await callRoute(forgotAction, formRequest('/forgot-password', fields)).then(unwrap)
    expect(res.status).toBe(status)
    expect(res.body.errors[field]).toBe(key)
  })

  test('a form posted from another site gets 403 and issues nothing', async () => {
    const user = await account()
    const res = await forgot(user.email, { Origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(eventsFor('user/password-reset.requested', user.id)).toEqual([])
  })
})

describe('reset password link', () => {
  test('a good link shows the form; the new password signs in with a fresh session, ends every other, spends the link and queues the notice', async () => {
    const user = await account()
    const elsewhere = cookieOf(await createUserSessionCookie(new Request(APP), user.id))
    const here = cookieOf(await createUserSessionCookie(new Request(APP), user.id))
    await forgot(user.email)
    const token = linkTokenOf(user.id)

    const page = await openLink(token)
    expect(page.status).toBe(200)
    expect(page.body.state).toBe('valid')
    expect(page.headers.get('Referrer-Policy')).toBe('no-referrer')

    const res = await submit(token, newPassword, { Cookie: here })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/dashboard')
    const fresh = cookieOf(res.headers.get('Set-Cookie')!)
    expect(fresh).not.toBe(here)
    expect(await getUserId(new Request(APP, { headers: { Cookie: fresh } }))).toBe(user.id)
    for (const old of [here, elsewhere]) expect(await getUserId(new Request(APP, { headers: { Cookie: old } }))).toBeNull()
    expect(db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(1)

    const saved = db.select().from(users).where(eq(users.id, user.id)).get()!
    expect(await verifyPassword(newPassword, saved.passwordHash)).toBe(true)
    expect(await verifyPassword(oldPassword, saved.passwordHash)).toBe(false)
    expect(db.select().from(userTokens).where(and(eq(userTokens.userId, user.id))).get()!.usedAt).toBeInstanceOf(Date)
    const [notice] = eventsFor('user/password.changed', user.id)
    expect(notice!.data).toEqual({ userId: user.id })
    // The link reached the address: that proves it, as a confirmation link would.
    expect(saved.emailVerifiedAt).toBeInstanceOf(Date)
    expect(eventsFor('user/activated', user.id)).toHaveLength(1)

    // Used: the link is refused now, on opening and on posting, and nothing changes.
    const again = await openLink(token)
    expect(again.status).toBe(410)
    expect(again.body.state).toBe('used')
    const reuse = await submit(token, 'yet another password')
    expect(reuse.status).toBe(410)
    expect(reuse.body).toEqual({ refused: 'used' })
    expect(await verifyPassword(newPassword, db.select().from(users).where(eq(users.id, user.id)).get()!.passwordHash)).toBe(true)
    expect(eventsFor('user/password.changed', user.id)).toHaveLength(1)
  })

  test('a new password spends every other reset link of the user', async () => {
    const user = await account()
    await forgot(user.email)
    const first = linkTokenOf(user.id)
    db.update(userTokens).set({ createdAt: new Date(Date.now() - 61_000) }).where(eq(userTokens.userId, user.id)).run()
    await forgot(user.email)
    const second = linkTokenOf(user.id)
    expect(second).not.toBe(first)
    expect((await submit(second, newPassword)).status).toBe(302)
    expect((await openLink(first)).body.state).toBe('used')
  })

  test('two submissions racing with one link: one wins', async () => {
    const user = await account()
    const token = await resetLinkFor(user)
    const results = await Promise.all([submit(token, newPassword), submit(token, 'another good password')])
    expect(results.map((r) => r.status).sort()).toEqual([302, 410])
    expect(eventsFor('user/password.changed', user.id)).toHaveLength(1)
  })

  test('an expired link answers 410 and changes nothing', async () => {
    const user = await account()
    const token = await resetLinkFor(user)
    db.update(userTokens).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(userTokens.userId, user.id)).run()
    const page = await openLink(token, { 'Accept-Language': 'fr' })
    expect(page.status).toBe(410)
    expect(page.body).toEqual({ state: 'expired', title: 'Ce lien a expiré' })
    const res = await submit(token, newPassword)
    expect(res.status).toBe(410)
    expect(await verifyPassword(oldPassword, db.select().from(users).where(eq(users.id, user.id)).get()!.passwordHash)).toBe(true)
    expect(eventsFor('user/password.changed', user.id)).toEqual([])
  })

  test.each([
    ['forged', 'A'.repeat(43)],
    ['malformed', 'not-a-token'],
    ['over-long', 'x'.repeat(5000)],
  ])('a %s link answers 404, localized, and changes nothing', async (_case, token) => {
    const page = await openLink(token, { 'Accept-Language': 'es' })
    expect(page.status).toBe(404)
    expect(page.body).toEqual({ state: 'invalid', title: 'Este enlace no funciona' })
    const res = await submit(token, newPassword)
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ refused: 'invalid' })
  })

  test('the new password follows the signup rule; a refused one leaves the link good', async () => {
    const user = await account()
    await forgot(user.email)
    const token = linkTokenOf(user.id)
    for (const [password, key] of [
      ['short', 'errors.passwordTooShort'],
      ['x'.repeat(129), 'errors.passwordTooLong'],
    ]) {
      const res = await submit(token, password!)
      expect(res.status).toBe(400)
      expect(res.body.errors.password).toBe(key)
      expect(res.body.values).toEqual({})
    }
    expect((await openLink(token)).body.state).toBe('valid')
  })
})
