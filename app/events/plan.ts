import { z } from 'zod'
import { INTERVALS, PLAN_IDS } from '~/billing/plans'

/**
 * A plan and its price as a step read them from Stripe when it sent (app/billing/prices.server.ts): what
 * a billing email names. Null in a context when the subscription's price is not one /pricing sells.
 */
export const PlanPriceContextSchema = z.object({
  planId: z.enum(PLAN_IDS),
  /** In the currency's smallest unit, as Stripe gives it (2900 = 29.00). */
  unitAmount: z.number().int().min(0),
  currency: z.string().regex(/^[a-z]{3}$/),
  interval: z.enum(INTERVALS),
})
export type PlanPriceContext = z.infer<typeof PlanPriceContextSchema>

export const SAMPLE_PLANS = {
  starter: { planId: 'starter', unitAmount: 900, currency: 'eur', interval: 'month' },
  pro: { planId: 'pro', unitAmount: 2900, currency: 'eur', interval: 'month' },
  proYearly: { planId: 'pro', unitAmount: 29000, currency: 'eur', interval: 'year' },
  business: { planId: 'business', unitAmount: 9900, currency: 'eur', interval: 'month' },
} as const satisfies Record<string, PlanPriceContext>
