import { z } from 'zod'

/**
 * The languages Courrier speaks: the one list. The database enum, the events' schemas, the email
 * templates' props, the UI's detector and the studio all take it from here. Adding a language is one
 * word here and one folder under `locales/`; the typecheck (`locales/*.ts`) and the tests
 * (`app/i18n/locales.test.ts`, `app/email/render.test.ts`) then name every string still missing.
 * Client-safe: no server import.
 */
export const LOCALES = ['fr', 'en', 'es'] as const
export type Locale = (typeof LOCALES)[number]

/** Each language named in itself, the way someone looking for their own language recognises it. */
export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English', es: 'Español' }

export const LocaleSchema = z.enum(LOCALES)

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
