import { randomBytes } from 'node:crypto'

/**
 * Stripe-shaped subscription events, as Stripe sends them, for `npm run stripe:trigger`, tests and
 * end-to-end specs. Only the fields Courrier reads plus enough of the rest to look like the real thing.
 */
export const SUBSCRIPTION_EVENT_TYPES = ['customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted'] as const
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
              price: { id: priceId, object: 'price' as const, nickname: options.planName ?? 'Pro', lookup_key: null, unit_amount: 2900, currency: 'eur' },
              quantity: 1,
            },
          ],
        },
      },
    },
  }
}
