import { eq } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { users } from '~/db/schema'
import { decoyHash, verifyPassword } from './password.server'

/** The user for these credentials, or null; unknown emails cost as much time as wrong passwords. */
export async function verifyLogin(email: string, password: string) {
  const user = db.select().from(users).where(eq(users.email, email)).get()
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()))
  return user && valid ? user : null
}
