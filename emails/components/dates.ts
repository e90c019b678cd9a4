import type { Locale } from '../types'

// Building an Intl.DateTimeFormat costs more than formatting with one: one per locale.
const dateFormats = new Map<Locale, Intl.DateTimeFormat>()

/** A date (ISO string) as the recipient reads it, e.g. "10 décembre 2026". Dates are shown in UTC. */
export function formatEmailDate(iso: string, locale: Locale): string {
  let format = dateFormats.get(locale)
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })))
  return format.format(new Date(iso))
}

const timeFormats = new Map<Locale, Intl.DateTimeFormat>()

/** A time of day (ISO string) as the recipient reads it, e.g. "09:30", in UTC like the dates. */
export function formatEmailTime(iso: string, locale: Locale): string {
  let format = timeFormats.get(locale)
  if (!format) timeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' })))
  return format.format(new Date(iso))
}
