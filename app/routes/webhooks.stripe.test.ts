import Stripe from 'stripe'
import { describe, expect, test } from 'vitest'
import { sampleSubscriptionEvent } from '~/billing/sample-events'
import { MAX_WEBHOOK_BYTES } from '~/billing/webhook.server'
import { db } from '~/db/client.server'
import { organizations, outboxEvents, stripeEvents, subscriptions } from '~/db/schema'
import { env } from '~/env.server'
import { SubscriptionCreatedSchema } from '~/events'
import { APP, callRoute } from '../../test/route-harness'
import { action, loader } from './webhooks.stripe'

const stripe = new Stripe('sk_test_unused')
const secret = env.STRIPE_WEBHOOK_SECRET
const url = `${APP}/webhooks/stripe`

function sign(payload: string, options: { secret?: string; timestamp?: number } = {}) {
  return stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? secret, timestamp: options.timestamp })
}

function post(body: BodyInit, headers: Record<string, string> = {}, method = 'POST') {
  return callRoute(method === 'GET' ? loader : action, new Request(url, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: method === 'GET' ? null : body, duplex: 'half' } as RequestInit))
}

function deliver(event: object, options: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(event)
  return post(payload, { 'Stripe-Signature': sign(payload, options) })
}

/** Everything a webhook can write, to check that a refused delivery wrote nothing. */
function snapshot() {
  return {
    stripeEvents: db.select().from(stripeEvents).all(),
    outbox: db.select().from(outboxEvents).all(),
    subscriptions: db.select().from(subscriptions).all(),
    organizations: db.select().from(organizations).all(),
  }
}

async function json(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('POST /webhooks/stripe', () => {
  test('a signed customer.subscription.created is recorded with its outbox event, in one go', async () => {
    const event = sampleSubscriptionEvent({ email: 'Camille@Example.com', name: 'Camille Dupont', locale: 'fr-FR', planName: 'Pro' })
    const before = snapshot()
    const res = await json(await deliver(event))
    expect(res).toEqual({ status: 200, body: { received: true } })

    const after = snapshot()
    expect(after.stripeEvents.length).toBe(before.stripeEvents.length + 1)
    expect(after.stripeEvents.at(-1)).toMatchObject({ id: event.id, type: 'customer.subscription.created' })
    const outbox = after.outbox.filter((row) => row.id === `stripe-${event.id}`)
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ name: 'stripe/subscription.created', status: 'pending' })
    const data = SubscriptionCreatedSchema.parse(outbox[0]!.data)
    const sub = event.data.object
    expect(data).toEqual({
      stripeEventId: event.id,
      subscriptionId: sub.id,
      customerId: sub.customer,
      status: 'trialing',
      trialEnd: new Date(sub.trial_end! * 1000).toISOString(),
      priceId: 'price_test_pro_monthly',
      planName: 'Pro',
      customerEmail: 'camille@example.com',
      customerName: 'Camille Dupont',
      customerLocale: 'fr-FR',
      startedAt: new Date(sub.created * 1000).toISOString(),
      userId: null,
    })
    expect(after.subscriptions.find((s) => s.id === sub.id)).toMatchObject({ status: 'trialing', customerId: sub.customer, lastEventAt: event.created })
    // The function creates the organization, not the webhook.
    expect(after.organizations).toEqual(before.organizations)
  })

  test('without metadata, the event says so and the function will ask Stripe for the customer', async () => {
    const event = sampleSubscriptionEvent()
    expect((await deliver(event)).status).toBe(200)
    const row = db.select().from(outboxEvents).all().find((r) => r.id === `stripe-${event.id}`)!
    expect(row.data).toMatchObject({ customerEmail: null, customerName: null, customerLocale: null, customerId: event.data.object.customer })
  })

  test('a redelivered or replayed event is acknowledged and produces nothing new', async () => {
    const event = sampleSubscriptionEvent({ email: 'replay@example.com' })
    const payload = JSON.stringify(event)
    const header = sign(payload)
    expect((await post(payload, { 'Stripe-Signature': header })).status).toBe(200)
    const before = snapshot()
    // The exact same request again (a replay within the tolerance), then a fresh signature (Stripe's retry).
    expect(await json(await post(payload, { 'Stripe-Signature': header }))).toEqual({ status: 200, body: { received: true, duplicate: true } })
    expect(await json(await deliver(event))).toEqual({ status: 200, body: { received: true, duplicate: true } })
    // Even a later redelivery whose subscription says something else changes nothing.
    const altered = { ...event, data: { object: { ...event.data.object, status: 'active' } } }
    expect((await deliver(altered)).status).toBe(200)
    expect(snapshot()).toEqual(before)
  })

  test('50 concurrent deliveries of one event record it once, with one outbox event', async () => {
    const event = sampleSubscriptionEvent({ email: 'fifty@example.com' })
    const before = snapshot()
    const results = await Promise.all(Array.from({ length: 50 }, () => deliver(event).then(json)))
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(results.filter((r) => !r.body.duplicate)).toHaveLength(1)
    const after = snapshot()
    expect(after.stripeEvents.length).toBe(before.stripeEvents.length + 1)
    expect(after.outbox.filter((r) => r.id === `stripe-${event.id}`)).toHaveLength(1)
    expect(after.outbox.length).toBe(before.outbox.length + 1)
  })

  const forged: Array<[string, () => Promise<Response>, number]> = [
    ['no Stripe-Signature header', () => post(JSON.stringify(sampleSubscriptionEvent()), {}), 400],
    ['an empty Stripe-Signature header', () => post(JSON.stringify(sampleSubscriptionEvent()), { 'Stripe-Signature': '' }), 400],
    ['a malformed Stripe-Signature header', () => post(JSON.stringify(sampleSubscriptionEvent()), { 'Stripe-Signature': 'not a signature' }), 400],
    ['a header without a v1 signature', () => post(JSON.stringify(sampleSubscriptionEvent()), { 'Stripe-Signature': `t=${Math.floor(Date.now() / 1000)},v0=abc` }), 400],
    ['a signature made with another secret', () => deliver(sampleSubscriptionEvent(), { secret: 'whsec_someone_else' }), 400],
    ['an expired signature (6 minutes old)', () => deliver(sampleSubscriptionEvent(), { timestamp: Math.floor(Date.now() / 1000) - 360 }), 400],
    [
      'a valid signature with its timestamp moved forward (to dodge the tolerance)',
      () => {
        const payload = JSON.stringify(sampleSubscriptionEvent())
        const old = sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 3600 })
        return post(payload, { 'Stripe-Signature': old.replace(/^t=\d+/, `t=${Math.floor(Date.now() / 1000)}`) })
      },
      400,
    ],
    [
      'a tampered body (email changed after signing)',
      () => {
        const payload = JSON.stringify(sampleSubscriptionEvent({ email: 'owner@example.com' }))
        return post(payload.replace('owner@example.com', 'attacker@example.com'), { 'Stripe-Signature': sign(payload) })
      },
      400,
    ],
    [
      'a body re-serialized after signing (whitespace only)',
      () => {
        const event = sampleSubscriptionEvent()
        return post(JSON.stringify(event, null, 2), { 'Stripe-Signature': sign(JSON.stringify(event)) })
      },
      400,
    ],
    ['malformed JSON, correctly signed', () => post('{"id":"evt_1","object":"event"', { 'Stripe-Signature': sign('{"id":"evt_1","object":"event"') }), 400],
    [
      'a body over the size limit, correctly signed',
      () => {
        const event = { ...sampleSubscriptionEvent(), padding: 'x'.repeat(MAX_WEBHOOK_BYTES) }
        return deliver(event)
      },
      413,
    ],
    [
      'a streamed body over the size limit with no Content-Length',
      () => {
        const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
        let sent = 0
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent++ > 20) controller.close()
            else controller.enqueue(chunk)
          },
        })
        return post(body, { 'Stripe-Signature': sign('{}') })
      },
      413,
    ],
  ]

  test.each(forged)('%s is refused and changes nothing', async (_name, send, status) => {
    const before = snapshot()
    const res = await send()
    expect(res.status).toBe(status)
    expect(snapshot()).toEqual(before)
  })

  test('other methods get 405 with Allow: POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await post('{}', {}, method)
      expect(res.status).toBe(405)
      expect(res.headers.get('Allow')).toBe('POST')
    }
  })

  // Signed by Stripe: a 4xx would only make Stripe send the same bytes again for three days.
  test.each([
    ['JSON that is not an event', { hello: 'world' }, 'not a v1 event Courrier reads'],
    ['an event whose subscription is not a subscription', { ...sampleSubscriptionEvent(), data: { object: { id: 'cus_1', object: 'customer' } } }, 'not a subscription object'],
    [
      'a thin event (v2.core.event)',
      { id: 'evt_test_thin', object: 'v2.core.event', type: 'v1.billing.meter.error_report_triggered', created: '2026-01-01T00:00:00.000Z', related_object: { id: 'mtr_1', type: 'billing.meter', url: '/v1/billing/meters/mtr_1' } },
      'not a v1 event Courrier reads',
    ],
  ])('%s, correctly signed, is acknowledged as ignored and changes nothing', async (_name, payload, reason) => {
    const before = snapshot()
    expect(await json(await deliver(payload))).toEqual({ status: 200, body: { received: true, ignored: true, reason } })
    expect(snapshot()).toEqual(before)
  })

  test('other event types are acknowledged and ignored', async () => {
    const before = snapshot()
    const event = { ...sampleSubscriptionEvent(), type: 'invoice.paid', data: { object: { id: 'in_1', object: 'invoice' } } }
    expect(await json(await deliver(event))).toEqual({ status: 200, body: { received: true, ignored: true } })
    expect(snapshot()).toEqual(before)
  })
})

describe('subscription status stays current, whatever order events arrive in', () => {
  const statusOf = (id: string) => db.select().from(subscriptions).all().find((s) => s.id === id)?.status

  test('updated and deleted events move the status forward; an older event arriving late does not', async () => {
    const t = Math.floor(Date.now() / 1000) - 1000
    const ids = { subscriptionId: 'sub_test_order_1', customerId: 'cus_test_order_1' }
    await deliver(sampleSubscriptionEvent({ ...ids, created: t, email: 'order@example.com' }))
    expect(statusOf(ids.subscriptionId)).toBe('trialing')
    await deliver(sampleSubscriptionEvent({ ...ids, type: 'customer.subscription.updated', created: t + 100, status: 'active' }))
    expect(statusOf(ids.subscriptionId)).toBe('active')
    // Sent by Stripe between the two above, delivered after them.
    await deliver(sampleSubscriptionEvent({ ...ids, type: 'customer.subscription.updated', created: t + 50, status: 'past_due' }))
    expect(statusOf(ids.subscriptionId)).toBe('active')
    await deliver(sampleSubscriptionEvent({ ...ids, type: 'customer.subscription.deleted', created: t + 200 }))
    expect(statusOf(ids.subscriptionId)).toBe('canceled')
    // Same second as the deletion: a canceled subscription never comes back.
    await deliver(sampleSubscriptionEvent({ ...ids, type: 'customer.subscription.updated', created: t + 200, status: 'active' }))
    expect(statusOf(ids.subscriptionId)).toBe('canceled')
    expect(db.select().from(subscriptions).all().find((s) => s.id === ids.subscriptionId)!.lastEventAt).toBe(t + 200)
  })

  test('an update that arrives before its created event wins; the created event still starts the journey', async () => {
    const t = Math.floor(Date.now() / 1000) - 1000
    const ids = { subscriptionId: 'sub_test_order_2', customerId: 'cus_test_order_2' }
    await deliver(sampleSubscriptionEvent({ ...ids, type: 'customer.subscription.updated', created: t, status: 'active' }))
    const created = sampleSubscriptionEvent({ ...ids, created: t, email: 'early@example.com' })
    expect((await deliver(created)).status).toBe(200)
    expect(statusOf(ids.subscriptionId)).toBe('active')
    expect(db.select().from(outboxEvents).all().filter((r) => r.id === `stripe-${created.id}`)).toHaveLength(1)
  })
})
