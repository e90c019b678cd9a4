import { createInstance, type TFunction } from 'i18next'
import type { EmailT } from '#emails/types'
import { emailResources } from '#locales/emails.server'
import { LOCALES, type Locale } from '~/i18n/locales'

export { emailResources }

const translators = new Map<Locale, EmailT>()

/**
 * One i18next instance for emails, separate from the UI's, initialised synchronously. No fallback
 * language: a key missing in a locale shows up as the raw key (which the template tests look for)
 * instead of silently sending another language.
 */
function createTranslators() {
  const instance = createInstance()
  instance.init({
    resources: Object.fromEntries(LOCALES.map((l) => [l, { emails: emailResources[l] }])),
    supportedLngs: [...LOCALES],
    lng: 'en',
    fallbackLng: false,
    ns: ['emails'],
    defaultNS: 'emails',
    // React escapes what templates render; subjects are plain text.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  })
  for (const locale of LOCALES) {
    const fixed: TFunction = instance.getFixedT(locale, 'emails' as never)
    const translate = (key: string, values?: object) => fixed(key as never, values as never) as unknown as string
    // A string is the same on every call: translated once per locale and key (i18next's t() was ~3.5 % of
    // a welcome step). Values are put in here when every placeholder is a plain {{name}} given a value,
    // as i18next would (escapeValue is off); anything else (a count, a context, a format, a nested $t(),
    // a missing value) goes through i18next.
    const kept = new Map<string, string>()
    translators.set(locale, (key, values) => {
      if (values === undefined) {
        let text = kept.get(key)
        if (text === undefined) kept.set(key, (text = translate(key)))
        return text
      }
      const source: unknown = instance.getResource(locale, 'emails', key)
      return (typeof source === 'string' ? interpolated(source, values) : undefined) ?? translate(key, values)
    })
  }
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g
// Option names i18next reads from the values object: never plain placeholders here.
const I18NEXT_OPTIONS = new Set([
  'count',
  'context',
  'ordinal',
  'defaultValue',
  'lng',
  'lngs',
  'ns',
  'keyPrefix',
  'replace',
  'interpolation',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'skipInterpolation',
  'fallbackLng',
])

/** `text` with its {{name}} placeholders filled, or undefined when i18next must do it. */
function interpolated(text: string, values: Record<string, string | number>): string | undefined {
  for (const name of Object.keys(values)) if (I18NEXT_OPTIONS.has(name)) return undefined
  if (text.includes('$t(')) return undefined
  const plain = text.replace(PLACEHOLDER, '')
  if (plain.includes('{{') || plain.includes('}}')) return undefined
  let complete = true
  const filled = text.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined
    if (value === undefined || value === null) {
      complete = false
      return placeholder
    }
    return String(value)
  })
  return complete ? filled : undefined
}

export function emailTranslator(locale: Locale): EmailT {
  if (translators.size === 0) createTranslators()
  const t = translators.get(locale)
  if (!t) throw new Error(`No email strings for locale "${locale}"`)
  return t
}
