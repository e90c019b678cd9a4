/**
 * The plans Courrier sells. Client-safe: ids and the translation keys of what each plan includes; the
 * prices are Stripe's (lookup keys in the environment, amounts read by app/billing/prices.server.ts),
 * the names and copy are in `locales/<lang>/plans.json`, shared by the pages and the emails.
 */
import { numberFormat } from '~/i18n/intl'

export const PLAN_IDS = ['starter', 'pro', 'business'] as const
export type PlanId = (typeof PLAN_IDS)[number]

/** What each plan includes, in order: keys of `plans.<id>.features`. */
export const PLAN_FEATURES = {
  starter: ['emails', 'languages', 'studio'],
  pro: ['emails', 'languages', 'studio', 'team', 'support'],
  business: ['emails', 'languages', 'studio', 'team', 'support', 'sla'],
} as const satisfies Record<PlanId, readonly string[]>

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === 'string' && (PLAN_IDS as readonly string[]).includes(value)
}

export const INTERVALS = ['month', 'year'] as const
export type Interval = (typeof INTERVALS)[number]

/** A plan's price as Stripe reports it; the amount is in the currency's smallest unit (2900 = 29.00). */
export type PlanPrice = {
  planId: PlanId
  priceId: string
  lookupKey: string
  unitAmount: number
  currency: string
  interval: Interval
  intervalCount: number
}

// One Intl.NumberFormat per language and currency: building one costs more than using it.
/** "29,00 €" in French, "€29.00" in English, "29,00 €" in Spanish: the amount as the reader writes it. */
export function formatMoney(unitAmount: number, currency: string, locale: string): string {
  const code = currency.toUpperCase()
  const format = numberFormat(locale, { style: 'currency', currency: code })
  // Stripe's amounts are in the smallest unit: 2 decimals for most currencies, none for JPY and a few others.
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(unitAmount / 10 ** digits)
}
