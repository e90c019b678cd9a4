import type { Resource } from 'i18next'
import type { Locale } from '~/i18n/locales'
import enPlans from './en/plans.json'
import en from './en/translation.json'
import esPlans from './es/plans.json'
import es from './es/translation.json'
import frPlans from './fr/plans.json'
import fr from './fr/translation.json'

/**
 * The UI strings, bundled for the server and the browser (email strings are in `emails.server.ts`,
 * server-only). `satisfies` makes a language added to `LOCALES` without its folder fail the typecheck.
 */
export const uiResources = {
  // The plans' names and copy (`plans.*`) are shared with the emails.
  en: { translation: { ...en, plans: enPlans } },
  fr: { translation: { ...fr, plans: frPlans } },
  es: { translation: { ...es, plans: esPlans } },
} satisfies Record<Locale, Resource[string]>

/** The source language: its keys are the type of every `t()` call. */
export type UiStrings = typeof en & { plans: typeof enPlans }
