import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { sessions, users } from '~/db/schema'
import { loader as dashboard } from '~/routes/dashboard'
import { callRoute } from '../../test/route-harness'
import { createUserSessionCookie, getUserId } from './session.server'

const user = db.insert(users).values({ email: 'sam@example.com', name: 'Sam', passwordHash: 'x', language: 'en' }).returning().get()
const asCookie = (setCookie: string) => setCookie.split(';')[0]!
const request = (cookie?: string) => new Request('http://localhost:5173/dashboard', { headers: cookie ? { Cookie: cookie } : {} })

describe('sessions', () => {
  test('are stored in SQLite behind a signed, httpOnly, SameSite=Lax cookie', async () => {
    const setCookie = await createUserSessionCookie(new Request('http://x/'), user.id)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(await getUserId(request(asCookie(setCookie)))).toBe(user.id)
    expect(db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(1)
  })

  test('a tampered cookie signs nobody in', async () => {
    const cookie = asCookie(await createUserSessionCookie(new Request('http://x/'), user.id))
    const [name, value] = cookie.split('=')
    const tampered = `${name}=${value!.slice(0, -3)}abc`
    expect(await getUserId(request(tampered))).toBeNull()
  })

  test('an expired session signs nobody in', async () => {
    const cookie = asCookie(await createUserSessionCookie(new Request('http://x/'), user.id))
    db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).run()
    expect(await getUserId(request(cookie))).toBeNull()
  })

  test('the dashboard sends anonymous visitors to login, and back afterwards', async () => {
    const thrown = await callRoute(dashboard, request()).catch((e: unknown) => e)
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).headers.get('Location')).toBe('/login?redirectTo=%2Fdashboard')
  })

  test('a path too long to carry back is not put in redirectTo (its Location would overflow a client\'s header limit)', async () => {
    const long = new Request(`http://localhost:5173/dashboard?${'x'.repeat(20_000)}`)
    const res = await callRoute(dashboard, long).catch((thrown: Response) => thrown)
    expect((res as Response).headers.get('Location')).toBe('/login')
  })

  test('the dashboard greets a signed-in user', async () => {
    const cookie = asCookie(await createUserSessionCookie(new Request('http://x/'), user.id))
    const data = await callRoute(dashboard, request(cookie))
    expect(data.user).toMatchObject({ name: 'Sam', email: 'sam@example.com' })
  })
})
