import type { Locale } from '~/i18n/locales'
import en from './en/emails.json'
import enPlans from './en/plans.json'
import es from './es/emails.json'
import esPlans from './es/plans.json'
import fr from './fr/emails.json'
import frPlans from './fr/plans.json'

/**
 * Email strings: server-only (never imported by a route component, so no client bundle carries them).
 * `satisfies` makes a language added to `LOCALES` without its folder fail the typecheck.
 */
export const emailResources = {
  // The plans' names and copy (`plans.*`) are the pages' too.
  en: { ...en, plans: enPlans },
  fr: { ...fr, plans: frPlans },
  es: { ...es, plans: esPlans },
} satisfies Record<Locale, unknown>

/** The source language: its keys are the type of every email `t()` call. */
export type EmailStrings = (typeof emailResources)['en']
