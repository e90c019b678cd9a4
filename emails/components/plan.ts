import { formatMoney, PLAN_FEATURES } from '~/billing/plans'
import type { PlanPriceContext } from '~/events/plan'
import type { EmailKey, EmailT, Locale } from '../types'

/** A plan as a billing email shows it: its translated name, its price for the reader, what it includes. */
export type PlanDisplay = { name: string; price: string; features: string[] }

export function planDisplay(plan: PlanPriceContext, t: EmailT, locale: Locale): PlanDisplay {
  return {
    name: t(`plans.${plan.planId}.name` as EmailKey),
    // "29,00 € par mois", "€29.00 per month", "29,00 € al mes".
    price: t('common.priceEvery', { price: formatMoney(plan.unitAmount, plan.currency, locale), interval: t(`plans.interval.${plan.interval}` as EmailKey) }),
    features: PLAN_FEATURES[plan.planId].map((feature) => t(`plans.${plan.planId}.features.${feature}` as EmailKey)),
  }
}
