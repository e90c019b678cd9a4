import { eq } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { users } from '~/db/schema'
import type { Locale } from '~/i18n/locales'

/** Saves the language a signed-in user chose: their emails and their next sign-in follow it. */
export function saveLanguage(userId: string, language: Locale) {
  db.update(users).set({ language }).where(eq(users.id, userId)).run()
}
