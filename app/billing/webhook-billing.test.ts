// The billing events the webhook takes besides subscriptions: a completed Checkout linking its user,
// failed payments, cancellations and price changes, each exactly once, in whatever order Stripe sends them.
import { randomUUID } from 'node:crypto'
import Stripe from 'stripe'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { checkoutSessions, memberships, organizations, outboxEvents, stripeEvents, stripePrices } from '~/db/schema'
import { env } from '~/env.server'
import { createOrganizationForSubscription } from '~/organizations/organizations.server'
import { action } from '~/routes/webhooks.stripe'
import { createUser } from '../../test/db-utils'
import { APP, callRoute } from '../../test/route-harness'
import { planPrices } from './prices.server'
import { sampleCheckoutCompletedEvent, samplePaymentFailedEvent, samplePriceUpdatedEvent, sampleSubscriptionEvent } from './sample-events'

const signer = new Stripe('sk_test_unused')

async function deliver(event: object) {
  const payload = JSON.stringify(event)
  const request = new Request(`${APP}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signer.webhooks.generateTestHeaderString({ payload, secret: env.STRIPE_WEBHOOK_SECRET }) },
    body: payload,
  })
  const response = (await callRoute(action, request)) as Response
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const ids = () => {
  const n = randomUUID().slice(0, 8)
  return { subscriptionId: `sub_${n}`, customerId: `cus_${n}`, sessionId: `cs_test_${n}` }
}
const ownersOf = (subscriptionId: string) => {
  const organization = db.select().from(organizations).where(eq(organizations.stripeSubscriptionId, subscriptionId)).get()
  return organization ? db.select().from(memberships).where(eq(memberships.organizationId, organization.id)).all().filter((m) => m.role === 'owner').map((m) => m.userId) : []
}
const outboxOf = (eventId: string) => db.select().from(outboxEvents).where(eq(outboxEvents.id, `stripe-${eventId}`)).all()

describe('checkout.session.completed', () => {
  test('links the customer and subscription to the user Checkout named, once', async () => {
    const user = createUser()
    const { subscriptionId, customerId, sessionId } = ids()
    db.insert(checkoutSessions).values({ id: sessionId, userId: user.id, planId: 'pro', priceId: 'price_double_pro_monthly' }).run()
    const event = sampleCheckoutCompletedEvent({ userId: user.id, subscriptionId, customerId, sessionId })
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true } })
    expect(db.select().from(checkoutSessions).where(eq(checkoutSessions.id, sessionId)).get()).toMatchObject({ customerId, subscriptionId, userId: user.id })
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, duplicate: true } })
  })

  test('arriving after the organization was made by address, makes the Checkout user its owner; the address match stays a member', async () => {
    // Another account confirmed the address the customer typed; Checkout says who actually bought it.
    const buyer = createUser()
    const other = createUser({ emailVerifiedAt: new Date() })
    const { subscriptionId, customerId, sessionId } = ids()
    createOrganizationForSubscription({ subscriptionId, customerId, name: 'Atelier', ownerEmail: other.email })
    expect(ownersOf(subscriptionId)).toEqual([other.id])
    await deliver(sampleCheckoutCompletedEvent({ userId: buyer.id, subscriptionId, customerId, sessionId }))
    expect(ownersOf(subscriptionId)).toEqual([buyer.id])
    const organizationId = db.select().from(organizations).where(eq(organizations.stripeSubscriptionId, subscriptionId)).get()!.id
    expect(db.select().from(memberships).where(eq(memberships.organizationId, organizationId)).all().find((m) => m.userId === other.id)?.role).toBe('member')
  })

  test('arriving first, the organization made afterwards is owned by the Checkout user, not by an address match', async () => {
    const buyer = createUser()
    const sameAddress = createUser({ emailVerifiedAt: new Date() })
    const { subscriptionId, customerId, sessionId } = ids()
    await deliver(sampleCheckoutCompletedEvent({ userId: buyer.id, subscriptionId, customerId, sessionId }))
    const organization = createOrganizationForSubscription({ subscriptionId, customerId, name: null, ownerEmail: sameAddress.email })
    expect(organization.owner?.id).toBe(buyer.id)
    expect(organization.name).toBe(buyer.name)
    expect(ownersOf(subscriptionId)).toEqual([buyer.id])
  })

  test('a session naming no user of ours, or another mode, is acknowledged and changes nothing', async () => {
    const { subscriptionId, customerId, sessionId } = ids()
    const before = db.select().from(stripeEvents).all().length
    expect(await deliver(sampleCheckoutCompletedEvent({ userId: 'no-such-user', subscriptionId, customerId, sessionId }))).toEqual({ status: 200, body: { received: true, ignored: true } })
    expect(db.select().from(checkoutSessions).where(eq(checkoutSessions.id, sessionId)).get()).toBeUndefined()
    const payment = sampleCheckoutCompletedEvent({ userId: 'x', subscriptionId, customerId })
    ;(payment.data.object as { mode: string }).mode = 'payment'
    expect(await deliver(payment)).toEqual({ status: 200, body: { received: true, ignored: true } })
    expect(db.select().from(stripeEvents).all().length).toBe(before)
  })

  test('a session that belongs to another user is not moved by a confused client_reference_id', async () => {
    const owner = createUser()
    const intruder = createUser()
    const { subscriptionId, customerId, sessionId } = ids()
    db.insert(checkoutSessions).values({ id: sessionId, userId: owner.id, planId: 'pro', priceId: 'p' }).run()
    await deliver(sampleCheckoutCompletedEvent({ userId: intruder.id, subscriptionId, customerId, sessionId }))
    expect(db.select().from(checkoutSessions).where(eq(checkoutSessions.id, sessionId)).get()).toMatchObject({ userId: owner.id, completedAt: null })
  })
})

describe('billing events', () => {
  test('invoice.payment_failed queues the dunning event with Stripe facts only, once', async () => {
    const { subscriptionId, customerId } = ids()
    const event = samplePaymentFailedEvent({ subscriptionId, customerId, amountDue: 2900, nextPaymentAttempt: 1_800_000_000 })
    expect((await deliver(event)).status).toBe(200)
    expect((await deliver(event)).body).toEqual({ received: true, duplicate: true })
    const rows = outboxOf(event.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ name: 'stripe/invoice.payment-failed' })
    expect(rows[0]!.data).toEqual({
      stripeEventId: event.id,
      invoiceId: event.data.object.id,
      subscriptionId,
      customerId,
      amountDue: 2900,
      currency: 'eur',
      nextPaymentAttempt: new Date(1_800_000_000 * 1000).toISOString(),
    })
  })

  test('customer.subscription.deleted queues the cancellation event; trial_will_end is recorded without one', async () => {
    const { subscriptionId, customerId } = ids()
    const created = Math.floor(Date.now() / 1000) - 100
    const willEnd = sampleSubscriptionEvent({ type: 'customer.subscription.trial_will_end', subscriptionId, customerId, created })
    expect((await deliver(willEnd)).body).toEqual({ received: true })
    expect(db.select().from(stripeEvents).where(eq(stripeEvents.id, willEnd.id)).get()).toMatchObject({ type: 'customer.subscription.trial_will_end' })
    expect(outboxOf(willEnd.id)).toEqual([])
    const deleted = sampleSubscriptionEvent({ type: 'customer.subscription.deleted', subscriptionId, customerId, created: created + 50 })
    await deliver(deleted)
    expect(outboxOf(deleted.id).map((r) => [r.name, (r.data as { subscriptionId: string }).subscriptionId])).toEqual([['stripe/subscription.canceled', subscriptionId]])
  })

  test('a price change empties the price cache, so the next page reads Stripe again', async () => {
    await planPrices()
    expect(db.select().from(stripePrices).all().length).toBeGreaterThan(0)
    expect((await deliver(samplePriceUpdatedEvent({ lookupKey: 'pro_monthly' }))).body).toEqual({ received: true })
    expect(db.select().from(stripePrices).all()).toEqual([])
  })
})
