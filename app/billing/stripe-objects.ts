import { z } from 'zod'
import { SubscriptionCreatedSchema, type SubscriptionCreated } from '~/events'

/**
 * The parts of Stripe's objects Courrier reads. Stripe adds fields with every API version, so the
 * schemas are loose: only what we use is checked, and a change there is acknowledged as ignored (and
 * logged) rather than half-applied: Stripe would send the same bytes again on every retry.
 */
export const StripeEventSchema = z.object({
  id: z.string().min(1).max(255),
  object: z.literal('event'),
  type: z.string().min(1).max(100),
  created: z.number().int().positive(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
})
export type StripeEventEnvelope = z.infer<typeof StripeEventSchema>

const CustomerSchema = z
  .object({
    id: z.string().min(1),
    email: z.string().nullish(),
    name: z.string().nullish(),
    preferred_locales: z.array(z.string()).nullish(),
  })
  .loose()

export const StripeSubscriptionSchema = z
  .object({
    id: z.string().min(1).max(255),
    object: z.literal('subscription'),
    // A string id, or the customer object when the event was expanded.
    customer: z.union([z.string().min(1).max(255), CustomerSchema]),
    status: z.string().min(1).max(40),
    trial_end: z.number().int().nullish(),
    metadata: z.record(z.string(), z.string()).nullish(),
    items: z
      .object({
        data: z.array(
          z.object({ price: z.object({ id: z.string(), nickname: z.string().nullish(), lookup_key: z.string().nullish() }).loose() }).loose(),
        ),
      })
      .loose()
      .nullish(),
  })
  .loose()
export type StripeSubscription = z.infer<typeof StripeSubscriptionSchema>

/** The subscription's snapshot kept in the subscriptions table. */
export type SubscriptionSnapshot = {
  id: string
  customerId: string
  status: string
  priceId: string | null
  trialEnd: Date | null
}

export function customerIdOf(subscription: StripeSubscription): string {
  return typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id
}

export function snapshotOf(subscription: StripeSubscription): SubscriptionSnapshot {
  return {
    id: subscription.id,
    customerId: customerIdOf(subscription),
    status: subscription.status,
    priceId: subscription.items?.data[0]?.price.id ?? null,
    trialEnd: subscription.trial_end ? new Date(subscription.trial_end * 1000) : null,
  }
}

// Names end up in emails: no control characters, line breaks or invisible formatting characters.
export function cleanText(value: string | null | undefined, max: number): string | null {
  const cleaned = value?.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, max)
  return cleaned ? cleaned : null
}

export function cleanEmail(value: string | null | undefined): string | null {
  const email = value?.trim().toLowerCase()
  return email && email.length <= 254 && z.email().safeParse(email).success ? email : null
}

/**
 * Metadata keys a checkout can set so the function needs no call to Stripe: `email` (or
 * `customer_email`), `name` (or `customer_name`), `locale`, `plan_name`.
 */
export function subscriptionCreatedData(stripeEventId: string, subscription: StripeSubscription): SubscriptionCreated {
  const metadata = subscription.metadata ?? {}
  const customer = typeof subscription.customer === 'string' ? null : subscription.customer
  const price = subscription.items?.data[0]?.price
  const snapshot = snapshotOf(subscription)
  return SubscriptionCreatedSchema.parse({
    stripeEventId,
    subscriptionId: snapshot.id,
    customerId: snapshot.customerId,
    status: snapshot.status,
    trialEnd: snapshot.trialEnd?.toISOString() ?? null,
    priceId: snapshot.priceId,
    planName: cleanText(metadata.plan_name ?? price?.nickname ?? price?.lookup_key, 200),
    customerEmail: cleanEmail(metadata.email ?? metadata.customer_email ?? customer?.email),
    customerName: cleanText(metadata.name ?? metadata.customer_name ?? customer?.name, 200),
    customerLocale: cleanText(metadata.locale ?? customer?.preferred_locales?.[0], 20),
  })
}
