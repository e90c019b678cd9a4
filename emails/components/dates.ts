import type { Locale } from '../types'

// Building an Intl.DateTimeFormat costs more than formatting with one: one per locale.
const dateFormats = new Map<Locale, Intl.DateTimeFormat>()

/**
 * A date (ISO string) as the recipient reads it, e.g. "10 décembre 2026". Dates are shown in UTC. French
 * writes the first of the month as an ordinal, "1er décembre", which Intl does not.
 */
export function formatEmailDate(iso: string, locale: Locale): string {
  let format = dateFormats.get(locale)
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })))
  if (locale !== 'fr') return format.format(new Date(iso))
  return format
    .formatToParts(new Date(iso))
    .map((part) => (part.type === 'day' && Number(part.value) === 1 ? '1er' : part.value))
    .join('')
}

const timeFormats = new Map<Locale, Intl.DateTimeFormat>()

/** A time of day (ISO string) as the recipient reads it, e.g. "09:30", in UTC like the dates. */
export function formatEmailTime(iso: string, locale: Locale): string {
  let format = timeFormats.get(locale)
  if (!format) timeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' })))
  return format.format(new Date(iso))
}
