import { createInstance, type InitOptions, type TFunction } from 'i18next'
import type { EmailT } from '#emails/types'
import { emailResources } from '#locales/emails.server'
import { LOCALES, type Locale } from '~/i18n/locales'

export { emailResources }

const translators = new Map<Locale, EmailT>()

/** The email instance's i18next options (its test builds a reference instance from them). */
export const emailI18nextOptions: InitOptions = {
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
}

/**
 * One i18next instance for emails, separate from the UI's, initialised synchronously. No fallback
 * language: a key missing in a locale shows up as the raw key (which the template tests look for)
 * instead of silently sending another language.
 */
function createTranslators() {
  const instance = createInstance()
  instance.init(emailI18nextOptions)
  for (const locale of LOCALES) {
    const fixed: TFunction = instance.getFixedT(locale, 'emails' as never)
    // A string without values is the same on every call: translated once per locale and key (i18next's
    // t() was a twentieth of a welcome step). Strings with values are interpolated on every call.
    const plain = new Map<string, string>()
    translators.set(locale, (key, values) => {
      if (values !== undefined) return fixed(key as never, values as never) as unknown as string
      let text = plain.get(key)
      if (text === undefined) plain.set(key, (text = fixed(key as never) as unknown as string))
      return text
    })
  }
}

export function emailTranslator(locale: Locale): EmailT {
  if (translators.size === 0) createTranslators()
  const t = translators.get(locale)
  if (!t) throw new Error(`No email strings for locale "${locale}"`)
  return t
}
