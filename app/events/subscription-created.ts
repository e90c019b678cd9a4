import { eventType } from 'inngest'
import { z } from 'zod'
import { defineSamples } from './samples'

/**
 * A verified Stripe `customer.subscription.created`, as the webhook records it. Stripe's subscription
 * carries no email or name: they come from the subscription's metadata when present, otherwise the
 * function retrieves the customer from Stripe in its first step.
 */
export const SubscriptionCreatedSchema = z.object({
  stripeEventId: z.string().min(1),
  subscriptionId: z.string().min(1),
  customerId: z.string().min(1),
  status: z.string().min(1),
  /** ISO date-time, or null when the subscription has no trial. */
  trialEnd: z.iso.datetime().nullable(),
  priceId: z.string().nullable(),
  planName: z.string().max(200).nullable(),
  customerEmail: z.email().nullable(),
  customerName: z.string().max(200).nullable(),
  /** Stripe's `preferred_locales[0]` for the customer, when known. */
  customerLocale: z.string().max(20).nullable(),
})
export type SubscriptionCreated = z.infer<typeof SubscriptionCreatedSchema>

export const subscriptionCreated = eventType('stripe/subscription.created', { schema: SubscriptionCreatedSchema })

const base = {
  stripeEventId: 'evt_sample_1',
  subscriptionId: 'sub_sample_1',
  customerId: 'cus_sample_1',
  status: 'trialing',
  trialEnd: '2026-12-10T00:00:00.000Z',
  priceId: 'price_sample_pro',
  planName: 'Pro',
  customerEmail: 'camille@example.com',
  customerName: 'Camille Dupont',
  customerLocale: 'fr',
}

export const subscriptionCreatedSamples = defineSamples({ data: SubscriptionCreatedSchema }, {
  'trial-pro-fr': { label: 'Pro trial, French customer', data: base },
  'trial-team-en': {
    label: 'Team trial, English customer',
    data: { ...base, stripeEventId: 'evt_sample_2', subscriptionId: 'sub_sample_2', customerId: 'cus_sample_2', planName: 'Team', customerEmail: 'alex@example.com', customerName: 'Alex Morgan', customerLocale: 'en' },
  },
  'active-no-trial-es': {
    label: 'Paid without trial, Spanish customer with a long name',
    data: {
      ...base,
      stripeEventId: 'evt_sample_3',
      subscriptionId: 'sub_sample_3',
      customerId: 'cus_sample_3',
      status: 'active',
      trialEnd: null,
      planName: 'Business',
      customerEmail: 'maria.angeles@example.com',
      customerName: 'María de los Ángeles Fernández-Villaverde y Santiesteban',
      customerLocale: 'es',
    },
  },
})
