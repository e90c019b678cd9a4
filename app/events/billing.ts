import { eventType } from './event-type'
import { z } from 'zod'
import { IdSchema, OrganizationNameSchema } from './ids'
import { PersonNameSchema } from './person-name'
import { PlanPriceContextSchema, SAMPLE_PLANS } from './plan'
import { defineSamples } from './samples'

/** A verified Stripe `invoice.payment_failed` for a subscription: Stripe's facts, no person. */
export const PaymentFailedSchema = z.object({
  stripeEventId: IdSchema,
  invoiceId: IdSchema,
  subscriptionId: IdSchema,
  customerId: IdSchema,
  /** In the currency's smallest unit. */
  amountDue: z.number().int().min(0),
  currency: z.string().regex(/^[a-z]{3}$/),
  /** When Stripe tries again (ISO), or null when it will not (the last attempt failed). */
  nextPaymentAttempt: z.iso.datetime().nullable(),
})
export const paymentFailed = eventType('stripe/invoice.payment-failed', { schema: PaymentFailedSchema })

/** A verified Stripe `customer.subscription.deleted`: the subscription has ended. */
export const SubscriptionCanceledSchema = z.object({
  stripeEventId: IdSchema,
  subscriptionId: IdSchema,
  customerId: IdSchema,
  priceId: z.string().nullable(),
  /** ISO date-time Stripe gives as `ended_at`/`canceled_at`, or null. */
  endedAt: z.iso.datetime().nullable(),
})
export const subscriptionCanceled = eventType('stripe/subscription.canceled', { schema: SubscriptionCanceledSchema })

/** What a billing email's step reads when it sends: the organization's owner and the plan from Stripe. */
export const BillingContextSchema = z.object({
  ownerName: PersonNameSchema,
  organizationName: OrganizationNameSchema,
  plan: PlanPriceContextSchema.nullable(),
})

const failedBase = {
  stripeEventId: 'evt_sample_failed_1',
  invoiceId: 'in_sample_1',
  subscriptionId: 'sub_sample_1',
  customerId: 'cus_sample_1',
  amountDue: 2900,
  currency: 'eur',
  nextPaymentAttempt: '2026-12-13T09:00:00.000Z',
}

export const paymentFailedSamples = defineSamples({ data: PaymentFailedSchema, context: BillingContextSchema }, {
  'pro-es': { label: 'Pro, Spanish owner, Stripe retries', data: failedBase, context: { ownerName: 'Lucía Romero', organizationName: 'Estudio Romero', plan: SAMPLE_PLANS.pro } },
  'starter-fr': {
    label: 'Starter, French owner, Stripe retries',
    data: { ...failedBase, stripeEventId: 'evt_sample_failed_2', amountDue: 900 },
    context: { ownerName: 'Camille Dupont', organizationName: 'Atelier Dupont', plan: SAMPLE_PLANS.starter },
  },
  'business-en-last-attempt': {
    label: 'Business, English owner, last attempt failed (no retry)',
    data: { ...failedBase, stripeEventId: 'evt_sample_failed_3', amountDue: 9900, nextPaymentAttempt: null },
    context: { ownerName: 'Alex Morgan', organizationName: 'Morgan & Partners International Holdings', plan: SAMPLE_PLANS.business },
  },
})

const canceledBase = { stripeEventId: 'evt_sample_canceled_1', subscriptionId: 'sub_sample_1', customerId: 'cus_sample_1', priceId: 'price_sample_pro', endedAt: '2026-12-01T10:00:00.000Z' }

export const subscriptionCanceledSamples = defineSamples({ data: SubscriptionCanceledSchema, context: BillingContextSchema }, {
  'pro-fr': { label: 'Pro, French owner', data: canceledBase, context: { ownerName: 'Camille Dupont', organizationName: 'Atelier Dupont', plan: SAMPLE_PLANS.pro } },
  'starter-en': {
    label: 'Starter, English owner',
    data: { ...canceledBase, stripeEventId: 'evt_sample_canceled_2' },
    context: { ownerName: 'Alex Morgan', organizationName: 'Morgan Studio', plan: SAMPLE_PLANS.starter },
  },
  'business-es-long': {
    label: 'Business, Spanish owner with a long name',
    data: { ...canceledBase, stripeEventId: 'evt_sample_canceled_3', endedAt: null },
    context: { ownerName: 'María de los Ángeles Fernández-Villaverde y Santiesteban', organizationName: 'Estudio Fernández', plan: SAMPLE_PLANS.business },
  },
})
