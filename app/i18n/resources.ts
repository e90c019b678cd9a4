import type { Resource } from 'i18next'
import en from '#locales/en/translation.json'
import es from '#locales/es/translation.json'
import fr from '#locales/fr/translation.json'

/** The UI strings, bundled for the server and the browser. Email strings live in `emails.json`, server-only. */
export const uiResources = {
  en: { translation: en },
  fr: { translation: fr },
  es: { translation: es },
} satisfies Resource

export const SUPPORTED_LOCALES = ['fr', 'en', 'es'] as const
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number]

export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: (typeof uiResources)['en']
  }
}
