import type { Resource } from 'i18next'
import type { Locale } from '~/i18n/locales'
import en from './en/translation.json'
import es from './es/translation.json'
import fr from './fr/translation.json'

/**
 * The UI strings, bundled for the server and the browser (email strings are in `emails.server.ts`,
 * server-only). `satisfies` makes a language added to `LOCALES` without its folder fail the typecheck.
 */
export const uiResources = {
  en: { translation: en },
  fr: { translation: fr },
  es: { translation: es },
} satisfies Record<Locale, Resource[string]>

/** The source language: its keys are the type of every `t()` call. */
export type UiStrings = typeof en
