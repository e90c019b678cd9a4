import { eq } from 'drizzle-orm'
import type { DB } from '~/db/client.server'
import { users } from '~/db/schema'
import type { Locale } from '~/i18n/locales'
import { hashPassword, verifyPassword } from './password.server'
import { PASSWORD_MAX, PASSWORD_MIN } from './schemas'

// The development value in .env.example, and what people type when asked for "a password".
const EXAMPLE_PASSWORDS = ['change me before production', 'password', 'admin', 'changeme', 'letmein', 'courrier']
const PRODUCTION_MIN = 16

/** Why this admin password must not be used, or null. Production asks for more than development. */
export function adminPasswordProblem(password: string | undefined, { production, email }: { production: boolean; email: string }): string | null {
  if (!password) return 'ADMIN_PASSWORD is not set'
  if (password.length > PASSWORD_MAX) return `ADMIN_PASSWORD must be at most ${PASSWORD_MAX} characters`
  const min = production ? PRODUCTION_MIN : PASSWORD_MIN
  if (password.length < min) return `ADMIN_PASSWORD must be at least ${min} characters${production ? ' in production' : ''}`
  if (!production) return null
  const folded = password.toLowerCase().replace(/[^a-z0-9]/g, '')
  if (EXAMPLE_PASSWORDS.some((weak) => folded === weak.replace(/[^a-z0-9]/g, '') || folded.includes('changeme'))) {
    return 'ADMIN_PASSWORD is an example value; choose a real one for production'
  }
  const localPart = (email.split('@')[0] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '')
  if (password.toLowerCase().includes(email.toLowerCase()) || folded === localPart) return 'ADMIN_PASSWORD must not be the admin email'
  if (new Set(password).size < 8) return 'ADMIN_PASSWORD repeats too few characters to be strong'
  return null
}

export type SeedResult = { action: 'created' | 'updated' | 'unchanged'; id: string }

/**
 * Creates the admin (its address counts as proven: the operator configured it), or makes the existing account with this email an admin with this password.
 * Running it twice changes nothing the second time (the stored hash is kept when it already matches).
 */
export async function seedAdmin(db: DB, { email, password, language }: { email: string; password: string; language: Locale }): Promise<SeedResult> {
  const normalized = email.trim().toLowerCase()
  const existing = db.select().from(users).where(eq(users.email, normalized)).get()
  if (existing) {
    const samePassword = await verifyPassword(password, existing.passwordHash)
    if (samePassword && existing.role === 'admin') return { action: 'unchanged', id: existing.id }
    const passwordHash = samePassword ? existing.passwordHash : await hashPassword(password)
    db.update(users).set({ role: 'admin', passwordHash }).where(eq(users.id, existing.id)).run()
    return { action: 'updated', id: existing.id }
  }
  const passwordHash = await hashPassword(password)
  const row = db
    .insert(users)
    .values({ email: normalized, name: 'Admin', passwordHash, language, role: 'admin', emailVerifiedAt: new Date() })
    // Another seed racing this one: the unique email settles it, and the next run updates.
    .onConflictDoUpdate({ target: users.email, set: { role: 'admin', passwordHash } })
    .returning({ id: users.id })
    .get()
  return { action: 'created', id: row.id }
}
