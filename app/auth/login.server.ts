import { eq } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { users } from '~/db/schema'
import { accountHold, recordLoginFailure, recordLoginSuccess } from './login-throttle.server'
import { decoyHash, verifyPassword } from './password.server'

type LoginResult = { user: typeof users.$inferSelect; retryAfter?: undefined } | { user: null; retryAfter?: number }

/**
 * The user for these credentials, or null; unknown emails cost as much time as wrong passwords. An
 * account held back after wrong passwords (login-throttle.server.ts) is not checked at all: the answer
 * says how many seconds to wait, even for the right password.
 */
export async function verifyLogin(email: string, password: string): Promise<LoginResult> {
  const user = db.select().from(users).where(eq(users.email, email)).get()
  const retryAfter = user ? await accountHold(user.id) : 0
  if (retryAfter) return { user: null, retryAfter }
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()))
  if (!user) return { user: null }
  if (!valid) {
    await recordLoginFailure(user.id)
    return { user: null }
  }
  await recordLoginSuccess(user.id)
  return { user }
}
