import { z } from 'zod'
import { INTERVALS, PLAN_IDS } from './plans'

/** "Start my trial" on /pricing: a plan of the catalogue and a billing interval; anything else is refused. */
export const CheckoutSchema = z.object({
  planId: z.enum(PLAN_IDS, { error: 'pricing.errors.unknownPlan' }),
  interval: z.enum(INTERVALS, { error: 'pricing.errors.unknownPlan' }),
})
