import { collapse } from './parse-html'
import { result, type CheckResult, type Finding } from './types'

export type LocaleText = {
  subject: string
  previewText: string | null | undefined
  /** Visible text blocks of the rendered HTML (parseEmailHtml().segments). */
  segments: string[]
}

export type UntranslatedOptions = {
  /** Every translation key that exists (flattened, e.g. `welcome.subject`): one showing up means t() missed. */
  knownKeys: ReadonlySet<string>
  /** The sample's string values (names, emails, plan names…): the same in every language, rightly. */
  dataValues: readonly string[]
  /** Words that are the same in every language on purpose (the product's name). */
  sameEverywhere: readonly string[]
  /** The language the copy is written in first; the others are compared with it and with each other. */
  sourceLocale: string
  /** Texts a translator confirmed are right as they are in that language, e.g. `{ es: ['Plan'] }`. */
  accepted?: Readonly<Record<string, readonly string[]>>
}

// What i18next returns for a key it cannot find: `section.key` or `section.sub.key`, nothing else.
const KEY_SHAPE = /^[a-z][a-zA-Z0-9_-]*(?:\.[a-zA-Z0-9_-]+)+$/
// …which a host name also has; a key's last part is not a common top-level domain.
const TLD = /\.(com|org|net|io|dev|app|co|fr|es|uk|de|eu|test|example|local|localhost|email|mail)$/i
const PLACEHOLDER = /\{\{\s*[\w.-]+\s*\}\}/
const URL_OR_EMAIL = /\b(?:https?:\/\/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g

function looksLikeRawKey(text: string, options: UntranslatedOptions): boolean {
  const tokens = text.split(/\s+/).map((t) => t.replace(/^[("'«¿¡]+|[)"'».,:;!?]+$/g, ''))
  return tokens.some((token) => options.knownKeys.has(token)) || (KEY_SHAPE.test(text) && !TLD.test(text))
}

/** What is left of a text once data, product names, URLs and emails are taken out: the words a translator owns. */
function translatablePart(text: string, options: UntranslatedOptions): string {
  let rest = text.replace(URL_OR_EMAIL, ' ')
  const removable = [...options.dataValues, ...options.sameEverywhere].filter((v) => v.trim().length > 0).sort((a, b) => b.length - a.length)
  for (const value of removable) rest = rest.split(value).join(' ')
  return rest
}

// A word of three letters or more remains: short tokens (©, "OK", numbers) are the same in many languages.
const hasWords = (text: string) => /\p{L}{3,}/u.test(text)

function textsOf(locale: LocaleText): Array<{ where: 'subject' | 'preview' | 'body'; text: string }> {
  const list: Array<{ where: 'subject' | 'preview' | 'body'; text: string }> = [{ where: 'subject', text: collapse(locale.subject) }]
  if (locale.previewText) list.push({ where: 'preview', text: collapse(locale.previewText) })
  for (const segment of locale.segments) list.push({ where: 'body', text: segment })
  return list
}

/**
 * Untranslated strings in each language's rendering: raw translation keys, `{{placeholders}}` left
 * unfilled, and text identical to another language's where a translator should have changed it.
 */
export function checkUntranslated(byLocale: Record<string, LocaleText>, options: UntranslatedOptions): Record<string, CheckResult> {
  const results: Record<string, CheckResult> = {}
  const locales = Object.keys(byLocale)
  const textSets = Object.fromEntries(locales.map((l) => [l, new Set(textsOf(byLocale[l]!).map((t) => t.text))]))
  for (const locale of locales) {
    const findings: Finding[] = []
    const seen = new Set<string>()
    for (const { where, text } of textsOf(byLocale[locale]!)) {
      if (seen.has(text)) continue
      seen.add(text)
      const sample = text.length > 100 ? `${text.slice(0, 97)}…` : text
      if (looksLikeRawKey(text, options)) {
        findings.push({ key: 'rawKey', params: { text: sample, where }, status: 'fail' })
        continue
      }
      if (PLACEHOLDER.test(text)) {
        findings.push({ key: 'placeholderLeft', params: { text: sample, where }, status: 'fail' })
        continue
      }
      if (locale === options.sourceLocale || !hasWords(translatablePart(text, options))) continue
      const same = locales.filter((other) => other !== locale && textSets[other]!.has(text))
      if (!same.length || options.accepted?.[locale]?.includes(text)) continue
      // One word alike in two languages is often right ("Plan" in English and Spanish): worth a look, not
      // a failure. A sentence alike is a translation that never happened.
      const words = translatablePart(text, options).match(/\p{L}+/gu) ?? []
      const status = words.length >= 2 ? 'fail' : 'warn'
      findings.push({ key: 'sameAsOtherLocale', params: { text: sample, where, locales: same.join(', ') }, status })
    }
    results[locale] = result('untranslated', findings)
  }
  return results
}

/** The flattened keys of a translation resource: `{ a: { b: 'x' } }` gives `a.b`. */
export function flattenKeys(resource: unknown, prefix = '', into = new Set<string>()): Set<string> {
  if (resource && typeof resource === 'object') {
    for (const [key, value] of Object.entries(resource)) {
      const path = prefix ? `${prefix}.${key}` : key
      if (value && typeof value === 'object') flattenKeys(value, path, into)
      else into.add(path)
    }
  }
  return into
}

/** The string leaves of a sample payload, which legitimately read the same in every language. */
export function stringValues(data: unknown, into: string[] = []): string[] {
  if (typeof data === 'string') into.push(data)
  else if (Array.isArray(data)) for (const item of data) stringValues(item, into)
  else if (data && typeof data === 'object') for (const value of Object.values(data)) stringValues(value, into)
  return into
}
