import { randomBytes } from 'node:crypto'
import { eq, and, gt } from 'drizzle-orm'
import { createCookie, createSessionStorage, redirect } from 'react-router'
import { db, type DB } from '~/db/client.server'
import { sessions, users } from '~/db/schema'
import { env, isProduction } from '~/env.server'

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000
export const SESSION_COOKIE = '__session'
const MAX_REDIRECT_TO = 2_000

type SessionData = { userId: string }

const sessionCookie = createCookie(SESSION_COOKIE, {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: isProduction,
  secrets: [env.SESSION_SECRET],
  maxAge: SESSION_TTL_MS / 1000,
})

/**
 * Writes a new session row (a fresh random id) with the writer given: the session storage's own
 * creations, and a sign-in that must commit with other writes (a password reset) in their transaction.
 */
export function insertSession(writer: Pick<DB, 'insert'>, data: Partial<SessionData>, expires = new Date(Date.now() + SESSION_TTL_MS)): string {
  const id = randomBytes(32).toString('base64url')
  writer.insert(sessions).values({ id, userId: data.userId ?? null, data, expiresAt: expires }).run()
  return id
}

/** The cookie for a session row written by `insertSession`, as `commitSession` would have made it. */
export function sessionCookieFor(sessionId: string, expires: Date): Promise<string> {
  return sessionCookie.serialize(sessionId, { expires })
}

export const sessionStorage = createSessionStorage<SessionData>({
  cookie: sessionCookie,
  async createData(data, expires) {
    return insertSession(db, data, expires)
  },
  async readData(id) {
    const row = db
      .select({ data: sessions.data })
      .from(sessions)
      .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())))
      .get()
    return (row?.data as SessionData | undefined) ?? null
  },
  async updateData(id, data, expires) {
    db.update(sessions)
      .set({ data, userId: data.userId ?? null, expiresAt: expires ?? new Date(Date.now() + SESSION_TTL_MS) })
      .where(eq(sessions.id, id))
      .run()
  },
  async deleteData(id) {
    db.delete(sessions).where(eq(sessions.id, id)).run()
  },
})

function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get('Cookie'))
}

export async function getUserId(request: Request): Promise<string | null> {
  const session = await getSession(request)
  return session.get('userId') ?? null
}

export async function getUser(request: Request) {
  const userId = await getUserId(request)
  if (!userId) return null
  return (await db.query.users.findFirst({ where: eq(users.id, userId) })) ?? null
}

export async function requireUser(request: Request) {
  const user = await getUser(request)
  if (!user) {
    const url = new URL(request.url)
    const back = encodeURIComponent(url.pathname + url.search)
    // No real page needs more; a longer Location overflows clients' and proxies' header limits.
    throw redirect(back.length <= MAX_REDIRECT_TO ? `/login?redirectTo=${back}` : '/login')
  }
  return user
}

/**
 * Signs a user in with a brand-new session id (never one the browser already had, against fixation),
 * and remembers their saved language.
 */
export async function createUserSessionCookie(request: Request, userId: string): Promise<string> {
  const previous = await getSession(request)
  if (previous.id) await sessionStorage.destroySession(previous)
  const session = await sessionStorage.getSession()
  session.set('userId', userId)
  return sessionStorage.commitSession(session, { expires: new Date(Date.now() + SESSION_TTL_MS) })
}

/** The id of the session the request's cookie names, if any (signed in or not). */
export async function sessionIdOf(request: Request): Promise<string | null> {
  return (await getSession(request)).id || null
}

export async function destroySessionCookie(request: Request): Promise<string> {
  return sessionStorage.destroySession(await getSession(request))
}
