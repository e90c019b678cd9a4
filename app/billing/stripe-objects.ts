import { z } from 'zod'
import { SubscriptionCanceledSchema, SubscriptionCreatedSchema, type SubscriptionCreated } from '~/events'

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
    created: z.number().int().positive().nullish(),
    trial_end: z.number().int().nullish(),
    ended_at: z.number().int().nullish(),
    canceled_at: z.number().int().nullish(),
    metadata: z.record(z.string(), z.string()).nullish(),
    items: z
      .object({
        data: z.array(z.object({ price: z.object({ id: z.string(), nickname: z.string().nullish(), lookup_key: z.string().nullish() }).loose() }).loose()),
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
  const cleaned = value
    ?.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
  return cleaned ? cleaned : null
}

// Built once: making a zod schema costs more than checking an address with it (~0.1 ms a webhook delivery).
const Email = z.email()

export function cleanEmail(value: string | null | undefined): string | null {
  const email = value?.trim().toLowerCase()
  return email && email.length <= 254 && Email.safeParse(email).success ? email : null
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
    startedAt: subscription.created ? new Date(subscription.created * 1000).toISOString() : null,
    userId: userIdOf(metadata),
  })
}

/** A `customer.subscription.deleted`: the subscription has ended. */
export function subscriptionCanceledData(stripeEventId: string, subscription: StripeSubscription) {
  const snapshot = snapshotOf(subscription)
  const ended = subscription.ended_at ?? subscription.canceled_at
  return SubscriptionCanceledSchema.parse({
    stripeEventId,
    subscriptionId: snapshot.id,
    customerId: snapshot.customerId,
    priceId: snapshot.priceId,
    endedAt: ended ? new Date(ended * 1000).toISOString() : null,
  })
}

/** The Courrier user a checkout named (`client_reference_id`, or `user_id` metadata): a bounded id, or null. */
export function userIdOf(metadata: Record<string, string> | null | undefined, clientReferenceId?: string | null): string | null {
  const id = clientReferenceId ?? metadata?.user_id
  return id && /^[\w-]{1,100}$/.test(id) ? id : null
}

const idOf = z.union([z.string().min(1).max(255), z.object({ id: z.string().min(1).max(255) }).loose()]).transform((v) => (typeof v === 'string' ? v : v.id))

/** `checkout.session.completed`: who Courrier opened Checkout for, and what Stripe made of it. */
export const StripeCheckoutSessionSchema = z
  .object({
    id: z.string().min(1).max(255),
    object: z.literal('checkout.session'),
    mode: z.string(),
    client_reference_id: z.string().max(200).nullish(),
    customer: idOf.nullish(),
    subscription: idOf.nullish(),
    metadata: z.record(z.string(), z.string()).nullish(),
  })
  .loose()

/** `invoice.payment_failed`: the amount, the next attempt, and the subscription (where the API version puts it). */
export const StripeInvoiceSchema = z
  .object({
    id: z.string().min(1).max(255),
    object: z.literal('invoice'),
    customer: idOf,
    amount_due: z.number().int().min(0),
    currency: z.string().regex(/^[a-z]{3}$/),
    next_payment_attempt: z.number().int().nullish(),
    // API versions before 2025-03-31 (basil)…
    subscription: idOf.nullish(),
    // …and from then on.
    parent: z
      .object({ subscription_details: z.object({ subscription: idOf }).loose().nullish() })
      .loose()
      .nullish(),
  })
  .loose()
export type StripeInvoice = z.infer<typeof StripeInvoiceSchema>

export function invoiceSubscriptionId(invoice: StripeInvoice): string | null {
  return invoice.parent?.subscription_details?.subscription ?? invoice.subscription ?? null
}
