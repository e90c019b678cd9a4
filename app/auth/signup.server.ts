import { eq } from 'drizzle-orm'
import { SqliteError } from 'better-sqlite3'
import { db } from '~/db/client.server'
import { users } from '~/db/schema'
import { userRegistered } from '~/events'
import type { Locale } from '~/i18n/locales'
import { enqueueEvent, kickRelay } from '~/outbox/index.server'
import { issueConfirmationToken } from './email-verification.server'
import { hashPassword } from './password.server'
import type { SignupInput } from './schemas'

export type SignupResult = { ok: true; userId: string } | { ok: false; error: 'emailTaken' }

function isUniqueViolation(error: unknown) {
  return error instanceof SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/**
 * Creates the user, the token of their confirmation link and the `user/registered` event in one
 * transaction: all exist or none. The welcome email carries the link (the step derives it from the token id).
 * Two signups racing for one address both pass the early check; the unique index lets one win.
 */
export async function signup(input: SignupInput, language: Locale): Promise<SignupResult> {
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
    return { ok: false, error: 'emailTaken' }
  }
  const passwordHash = await hashPassword(input.password)
  try {
    const userId = db.transaction((tx) => {
      const user = tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash, language })
        .returning({ id: users.id })
        .get()
      issueConfirmationToken(tx, user.id)
      enqueueEvent(tx, userRegistered.create({ userId: user.id }))
      return user.id
    })
    kickRelay()
    return { ok: true, userId }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: 'emailTaken' }
    throw error
  }
}
