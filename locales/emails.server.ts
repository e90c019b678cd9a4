import type { Locale } from '~/i18n/locales'
import en from './en/emails.json'
import es from './es/emails.json'
import fr from './fr/emails.json'

/**
 * Email strings: server-only (never imported by a route component, so no client bundle carries them).
 * `satisfies` makes a language added to `LOCALES` without its folder fail the typecheck.
 */
export const emailResources = { en, fr, es } satisfies Record<Locale, unknown>

/** The source language: its keys are the type of every email `t()` call. */
export type EmailStrings = typeof en
