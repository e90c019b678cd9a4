import { describe, expect, test, vi } from 'vitest'

// Before any import reads the environment: a small limit, so three wrong passwords reach it.
vi.hoisted(() => vi.stubEnv('RATE_LIMIT_PER_MINUTE', '3'))

import { hashPassword } from '~/auth/password.server'
import { getUserId } from '~/auth/session.server'
import { db } from '~/db/client.server'
import { sessions, users } from '~/db/schema'
import { APP, callRoute, formRequest, unwrap } from '../../test/route-harness'
import { action } from './login'
import { action as logout } from './logout'
import { action as setLanguage } from './language'

const password = 'a long enough password'
const user = db
  .insert(users)
  .values({ email: 'lea@example.com', name: 'Léa', passwordHash: await hashPassword(password), language: 'es' })
  .returning()
  .get()

const login = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  callRoute(action, formRequest('/login', fields, headers)).then(unwrap)
const cookieOf = (setCookie: string | null) => setCookie!.split(';')[0]!

describe('login', () => {
  test('signs in with a new session id, restores the saved language and follows a same-site redirectTo', async () => {
    const res = await login({ email: 'LEA@example.com', password, redirectTo: '/dashboard?tab=1' })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/dashboard?tab=1')
    const cookies = res.headers.getSetCookie()
    expect(cookies.find((c) => c.startsWith('lng='))).toMatch(/^lng=ImVzIg%3D%3D/)
    const session = cookieOf(cookies.find((c) => c.startsWith('__session='))!)
    expect(await getUserId(new Request('http://x/', { headers: { Cookie: session } }))).toBe(user.id)
  })

  test('a session id the browser already had is replaced, not reused (fixation)', async () => {
    const first = await login({ email: 'lea@example.com', password })
    const oldCookie = cookieOf(first.headers.getSetCookie().find((c) => c.startsWith('__session='))!)
    const second = await login({ email: 'lea@example.com', password }, { Cookie: oldCookie })
    const newCookie = cookieOf(second.headers.getSetCookie().find((c) => c.startsWith('__session='))!)
    expect(newCookie).not.toBe(oldCookie)
    expect(await getUserId(new Request('http://x/', { headers: { Cookie: oldCookie } }))).toBeNull()
  })

  test.each([
    ['wrong password', { email: 'lea@example.com', password: 'not the password' }, 401, 'form', 'errors.invalidCredentials'],
    ['unknown email', { email: 'nobody@example.com', password }, 401, 'form', 'errors.invalidCredentials'],
    ['invalid email', { email: 'lea@', password }, 400, 'email', 'errors.emailInvalid'],
    ['empty password', { email: 'lea@example.com', password: '' }, 400, 'password', 'errors.passwordRequired'],
  ])('%s is refused without a session', async (_name, fields, status, field, key) => {
    const before = db.select().from(sessions).all().length
    const res = await login(fields)
    expect(res.status).toBe(status)
    expect(res.body.errors[field]).toBe(key)
    expect(res.headers.get('Set-Cookie')).toBeNull()
    expect(db.select().from(sessions).all()).toHaveLength(before)
  })

  test('an off-site redirectTo is ignored', async () => {
    for (const target of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await login({ email: 'lea@example.com', password, redirectTo: target })
      expect(res.headers.get('Location')).toBe('/dashboard')
    }
  })

  test.each([
    ['a tab that URL parsers drop', '/\t/evil.example'],
    ['a line break', '/\r\nSet-Cookie: x=1'],
    ['a bare line feed', '/\n/evil.example'],
    ['a NUL', '/\u0000/x'],
    ['a path that resolves to another host', '/x/..//evil.example'],
    ['another scheme', 'javascript:alert(1)'],
  ])('a redirectTo with %s goes to the dashboard', async (_name, target) => {
    const res = await login({ email: 'lea@example.com', password, redirectTo: target })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/dashboard')
  })

  test('a redirectTo on this site, absolute or with characters to encode, is kept as a path', async () => {
    const res = await login({ email: 'lea@example.com', password, redirectTo: `${APP}/admin/mailbox?q=é#top` })
    expect(res.headers.get('Location')).toBe('/admin/mailbox?q=%C3%A9#top')
  })

  test('wrong passwords for one account from many addresses: after five, even the right one is held back', async () => {
    const email = `max-${crypto.randomUUID()}@example.com`
    db.insert(users).values({ email, name: 'Max', passwordHash: await hashPassword(password), language: 'en' }).run()
    // callRoute gives every call a new client address: the per-address limit never applies here.
    for (let i = 0; i < 5; i++) expect((await login({ email, password: `wrong ${i}` })).status).toBe(401)
    const sessionsBefore = db.select().from(sessions).all().length
    const held = await login({ email: email.toUpperCase(), password })
    expect(held.status).toBe(429)
    expect(held.body.errors.form).toBe('errors.accountLocked')
    expect(Number(held.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(db.select().from(sessions).all()).toHaveLength(sessionsBefore)
  })

  test('a success resets the count of wrong passwords', async () => {
    const email = `nina-${crypto.randomUUID()}@example.com`
    db.insert(users).values({ email, name: 'Nina', passwordHash: await hashPassword(password), language: 'en' }).run()
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await login({ email, password: `wrong ${i}` })).status).toBe(401)
      expect((await login({ email, password })).status).toBe(302)
    }
  })

  test('more attempts than the limit from one address get 429 with Retry-After', async () => {
    const attempt = () => callRoute(action, formRequest('/login', { email: 'lea@example.com', password: 'nope' }), { clientAddress: '198.51.100.9' }).then(unwrap)
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401)
    const limited = await attempt()
    expect(limited.status).toBe(429)
    expect(limited.body.errors.form).toBe('errors.rateLimited')
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
  })
})

describe('logout and language', () => {
  test('logout deletes the session row', async () => {
    const res = await login({ email: 'lea@example.com', password })
    const cookie = cookieOf(res.headers.getSetCookie().find((c) => c.startsWith('__session='))!)
    const count = db.select().from(sessions).all().length
    const out = unwrap(await callRoute(logout, formRequest('/logout', {}, { Cookie: cookie })))
    expect(out.status).toBe(302)
    expect(db.select().from(sessions).all()).toHaveLength(count - 1)
    expect(await getUserId(new Request('http://x/', { headers: { Cookie: cookie } }))).toBeNull()
  })

  test('the language switcher saves the choice on the profile of a signed-in user', async () => {
    const res = await login({ email: 'lea@example.com', password })
    const cookie = cookieOf(res.headers.getSetCookie().find((c) => c.startsWith('__session='))!)
    const switched = unwrap(await callRoute(setLanguage, formRequest('/language', { lng: 'fr', redirectTo: '/dashboard' }, { Cookie: cookie })))
    expect(switched.status).toBe(302)
    expect(switched.headers.get('Location')).toBe('/dashboard')
    expect(db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, user.id) }).sync()?.language).toBe('fr')
  })

  test('an unknown language is refused', async () => {
    const res = unwrap(await callRoute(setLanguage, formRequest('/language', { lng: 'de' })).catch((thrown: unknown) => thrown))
    expect(res.status).toBe(400)
    expect(res.body.errors.form).toBe('errors.invalidLanguage')
  })

  test.each(['/\t/evil.example', '/\r\n/evil.example', 'https://evil.example/'])('a redirectTo of %j goes home, and the choice is still saved', async (target) => {
    const res = await login({ email: 'lea@example.com', password })
    const cookie = cookieOf(res.headers.getSetCookie().find((c) => c.startsWith('__session='))!)
    const switched = unwrap(await callRoute(setLanguage, formRequest('/language', { lng: 'en', redirectTo: target }, { Cookie: cookie })))
    expect(switched.status).toBe(302)
    expect(switched.headers.get('Location')).toBe('/')
    expect(db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, user.id) }).sync()?.language).toBe('en')
  })
})
