import type { Locale } from '../types'

// Building an Intl.DateTimeFormat costs more than formatting with one: one per locale.
const dateFormats = new Map<Locale, Intl.DateTimeFormat>()

/** A date (ISO string) as the recipient reads it, e.g. "10 décembre 2026". Dates are shown in UTC. */
export function formatEmailDate(iso: string, locale: Locale): string {
  let format = dateFormats.get(locale)
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })))
  return format.format(new Date(iso))
}
