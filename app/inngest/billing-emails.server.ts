import { planContextOf } from '~/billing/prices.server'
import type { Recipient } from './email-function.server'
import { emailFunction } from './email-function.server'
import { findSubscription, findSubscriptionOwner } from './queries.server'

export const SEND_PAYMENT_FAILED_ID = 'send-payment-failed'
export const SEND_SUBSCRIPTION_CANCELED_ID = 'send-subscription-canceled'

/**
 * The owner of the subscription's organization, read when sending, and the plan from Stripe (an outage
 * throws, and the step is retried). No organization (yet) or no owner: nothing to send.
 */
async function ownerOf(subscriptionId: string, priceId: string | null): Promise<Recipient<'payment-failed'> & Recipient<'subscription-canceled'>> {
  const owner = findSubscriptionOwner(subscriptionId)
  if (!owner) return { skip: 'no-organization' }
  if (!owner.ownerEmail || !owner.ownerName || !owner.ownerLanguage) return { skip: 'no-owner' }
  const plan = await planContextOf(priceId)
  return { to: owner.ownerEmail, locale: owner.ownerLanguage, context: { ownerName: owner.ownerName, organizationName: owner.organizationName, plan } }
}

/** Dunning: Stripe could not collect an invoice; the owner is asked to update the card in the portal. */
export const sendPaymentFailed = emailFunction(
  { id: SEND_PAYMENT_FAILED_ID, name: 'Payment failed email', event: 'stripe/invoice.payment-failed', template: 'payment-failed' },
  async (event) => ownerOf(event.data.subscriptionId, findSubscription(event.data.subscriptionId)?.priceId ?? null),
)

/** The subscription has ended (cancelled in the portal, or by Stripe after failed payments). */
export const sendSubscriptionCanceled = emailFunction(
  { id: SEND_SUBSCRIPTION_CANCELED_ID, name: 'Subscription canceled email', event: 'stripe/subscription.canceled', template: 'subscription-canceled' },
  async (event) => ownerOf(event.data.subscriptionId, event.data.priceId),
)
