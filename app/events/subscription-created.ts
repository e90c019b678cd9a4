import { eventType } from './event-type'
import { z } from 'zod'
import { PlanPriceContextSchema, SAMPLE_PLANS } from './plan'
import { defineSamples } from './samples'

/**
 * A verified Stripe `customer.subscription.created`, as the webhook records it. Stripe's subscription
 * carries no email or name: they come from the subscription's metadata when present, otherwise the
 * function retrieves the customer from Stripe in its first step. `userId` is the Courrier user a
 * Checkout Session started from /pricing was created for (the subscription's `user_id` metadata).
 */
export const SubscriptionCreatedSchema = z.object({
  stripeEventId: z.string().min(1),
  subscriptionId: z.string().min(1),
  customerId: z.string().min(1),
  status: z.string().min(1),
  /** ISO date-time, or null when the subscription has no trial. */
  trialEnd: z.iso.datetime().nullable(),
  /** When Stripe created the subscription (ISO); its first charge without a trial. Older events lack it. */
  startedAt: z.iso.datetime().nullish(),
  priceId: z.string().nullable(),
  planName: z.string().max(200).nullable(),
  customerEmail: z.email().nullable(),
  customerName: z.string().max(200).nullable(),
  /** Stripe's `preferred_locales[0]` for the customer, when known. */
  customerLocale: z.string().max(20).nullable(),
  /** The user Checkout was opened for; null for a subscription made elsewhere (the Stripe dashboard). */
  userId: z.string().min(1).max(100).nullish(),
})
export type SubscriptionCreated = z.infer<typeof SubscriptionCreatedSchema>

export const subscriptionCreated = eventType('stripe/subscription.created', {
  schema: SubscriptionCreatedSchema,
})

/**
 * What the confirmation's step reads when it sends: the plan and its price from Stripe, and the trial end
 * only if it is still ahead then (a past or missing one is never shown as to come).
 */
export const SubscriptionCreatedContextSchema = z.object({
  plan: PlanPriceContextSchema.nullable(),
  trialEnd: z.iso.datetime().nullable(),
  /** The first payment: the trial's end, else the subscription's start; null when unknown. */
  firstChargeAt: z.iso.datetime().nullable(),
})

const base = {
  stripeEventId: 'evt_sample_1',
  subscriptionId: 'sub_sample_1',
  customerId: 'cus_sample_1',
  status: 'trialing',
  trialEnd: '2026-12-10T00:00:00.000Z',
  startedAt: '2026-11-26T00:00:00.000Z',
  priceId: 'price_sample_pro',
  planName: 'Pro',
  customerEmail: 'camille@example.com',
  customerName: 'Camille Dupont',
  customerLocale: 'fr',
  userId: 'usr_sample_1',
}
const trialContext = { trialEnd: base.trialEnd, firstChargeAt: base.trialEnd }

export const subscriptionCreatedSamples = defineSamples(
  {
    data: SubscriptionCreatedSchema,
    context: SubscriptionCreatedContextSchema,
  },
  {
    'trial-pro-fr': {
      label: 'Pro trial, French customer',
      data: base,
      context: { plan: SAMPLE_PLANS.pro, ...trialContext },
    },
    'trial-starter-en': {
      label: 'Starter trial, English customer',
      data: {
        ...base,
        stripeEventId: 'evt_sample_2',
        subscriptionId: 'sub_sample_2',
        customerId: 'cus_sample_2',
        priceId: 'price_sample_starter',
        planName: null,
        customerEmail: 'alex@example.com',
        customerName: 'Alex Morgan',
        customerLocale: 'en',
      },
      context: { plan: SAMPLE_PLANS.starter, ...trialContext },
    },
    'active-business-es': {
      label: 'Business paid without trial, Spanish customer with a long name',
      data: {
        ...base,
        stripeEventId: 'evt_sample_3',
        subscriptionId: 'sub_sample_3',
        customerId: 'cus_sample_3',
        status: 'active',
        trialEnd: null,
        priceId: 'price_sample_business',
        planName: null,
        customerEmail: 'maria.angeles@example.com',
        customerName: 'María de los Ángeles Fernández-Villaverde y Santiesteban',
        customerLocale: 'es',
      },
      context: {
        plan: SAMPLE_PLANS.business,
        trialEnd: null,
        firstChargeAt: base.startedAt,
      },
    },
    'trial-ended-pro-yearly-en': {
      label: 'Pro yearly, trial already over when sent (no trial end shown as ahead)',
      data: {
        ...base,
        stripeEventId: 'evt_sample_4',
        subscriptionId: 'sub_sample_4',
        customerId: 'cus_sample_4',
        priceId: 'price_sample_pro_yearly',
        customerLocale: 'en',
        customerName: 'Alex Morgan',
      },
      context: {
        plan: SAMPLE_PLANS.proYearly,
        trialEnd: null,
        firstChargeAt: base.trialEnd,
      },
    },
    'unknown-price-en': {
      label: 'A price /pricing does not sell (made in the Stripe dashboard)',
      data: {
        ...base,
        stripeEventId: 'evt_sample_5',
        subscriptionId: 'sub_sample_5',
        customerId: 'cus_sample_5',
        priceId: 'price_custom',
        planName: 'Custom deal',
        customerLocale: 'en',
        userId: null,
      },
      context: {
        plan: null,
        trialEnd: base.trialEnd,
        firstChargeAt: base.trialEnd,
      },
    },
  },
)
