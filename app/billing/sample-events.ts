import { randomBytes } from 'node:crypto'

/**
 * Stripe-shaped subscription events, as Stripe sends them, for `npm run stripe:trigger`, tests and
 * end-to-end specs. Only the fields Courrier reads plus enough of the rest to look like the real thing.
 */
export const SUBSCRIPTION_EVENT_TYPES = [
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.trial_will_end',
  'customer.subscription.deleted',
] as const
export type SubscriptionEventType = (typeof SUBSCRIPTION_EVENT_TYPES)[number]

export type SampleOptions = {
  type?: SubscriptionEventType
  eventId?: string
  subscriptionId?: string
  customerId?: string
  status?: string
  /** Seconds since the epoch; the event's `created`. */
  created?: number
  trialDays?: number | null
  priceId?: string
  planName?: string
  /** Put into the subscription's metadata, which lets Courrier skip retrieving the customer. */
  email?: string
  name?: string
  locale?: string
  /** The Courrier user a Checkout Session was opened for (`user_id` metadata, as /pricing sets it). */
  userId?: string
  /** Stripe's price lookup key, e.g. `pro_monthly`. */
  lookupKey?: string
  unitAmount?: number
}

const stripeId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`

export function sampleSubscriptionEvent(options: SampleOptions = {}) {
  const type = options.type ?? 'customer.subscription.created'
  const created = options.created ?? Math.floor(Date.now() / 1000)
  const trialDays = options.trialDays === undefined ? 14 : options.trialDays
  const status = options.status ?? (type === 'customer.subscription.deleted' ? 'canceled' : trialDays ? 'trialing' : 'active')
  const metadata: Record<string, string> = {}
  if (options.email) metadata.email = options.email
  if (options.name) metadata.name = options.name
  if (options.locale) metadata.locale = options.locale
  if (options.userId) metadata.user_id = options.userId
  const priceId = options.priceId ?? 'price_test_pro_monthly'
  return {
    id: options.eventId ?? stripeId('evt'),
    object: 'event' as const,
    api_version: '2025-09-30.clover',
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: {
      object: {
        id: options.subscriptionId ?? stripeId('sub'),
        object: 'subscription' as const,
        customer: options.customerId ?? stripeId('cus'),
        status,
        created,
        trial_start: trialDays ? created : null,
        trial_end: trialDays ? created + trialDays * 86_400 : null,
        canceled_at: type === 'customer.subscription.deleted' ? created : null,
        metadata,
        items: {
          object: 'list' as const,
          data: [
            {
              id: stripeId('si'),
              object: 'subscription_item' as const,
              price: { id: priceId, object: 'price' as const, nickname: options.planName ?? 'Pro', lookup_key: options.lookupKey ?? null, unit_amount: options.unitAmount ?? 2900, currency: 'eur', recurring: { interval: 'month', interval_count: 1 } },
              quantity: 1,
            },
          ],
        },
      },
    },
  }
}

export type InvoiceOptions = { eventId?: string; subscriptionId: string; customerId: string; amountDue?: number; currency?: string; nextPaymentAttempt?: number | null; created?: number }

/** `invoice.payment_failed` as Stripe sends it (API 2025-03-31 and later: the subscription under `parent`). */
export function samplePaymentFailedEvent(options: InvoiceOptions) {
  const created = options.created ?? Math.floor(Date.now() / 1000)
  return {
    id: options.eventId ?? stripeId('evt'),
    object: 'event' as const,
    api_version: '2025-09-30.clover',
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'invoice.payment_failed' as const,
    data: {
      object: {
        id: stripeId('in'),
        object: 'invoice' as const,
        customer: options.customerId,
        status: 'open',
        amount_due: options.amountDue ?? 2900,
        currency: options.currency ?? 'eur',
        attempt_count: 1,
        next_payment_attempt: options.nextPaymentAttempt === undefined ? created + 3 * 86_400 : options.nextPaymentAttempt,
        parent: { type: 'subscription_details', subscription_details: { subscription: options.subscriptionId, metadata: {} } },
      },
    },
  }
}

const envelope = (type: string, object: unknown, eventId?: string) => ({
  id: eventId ?? stripeId('evt'),
  object: 'event' as const,
  api_version: '2025-09-30.clover',
  created: Math.floor(Date.now() / 1000),
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  type,
  data: { object },
})

/** `checkout.session.completed` for a subscription bought from /pricing by this user. */
export function sampleCheckoutCompletedEvent(options: { userId: string; subscriptionId: string; customerId: string; sessionId?: string; planId?: string; eventId?: string }) {
  return envelope(
    'checkout.session.completed',
    {
      id: options.sessionId ?? `cs_test_${randomBytes(12).toString('hex')}`,
      object: 'checkout.session',
      mode: 'subscription',
      status: 'complete',
      client_reference_id: options.userId,
      customer: options.customerId,
      subscription: options.subscriptionId,
      metadata: { user_id: options.userId, plan_id: options.planId ?? 'pro' },
    },
    options.eventId,
  )
}

/** `price.updated` for a price with this lookup key: Courrier forgets its cached prices. */
export function samplePriceUpdatedEvent(options: { lookupKey: string; eventId?: string }) {
  return envelope('price.updated', { id: stripeId('price'), object: 'price', lookup_key: options.lookupKey, active: true }, options.eventId)
}
