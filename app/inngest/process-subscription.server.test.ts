import { InngestTestEngine } from '@inngest/test'
import { randomUUID } from 'node:crypto'
import Stripe from 'stripe'
import { beforeEach, describe, expect, test } from 'vitest'
import type { Locale } from '~/i18n/locales'
import { sampleSubscriptionEvent } from '~/billing/sample-events'
import { db } from '~/db/client.server'
import { mailboxMessages, memberships, organizations, users } from '~/db/schema'
import { env } from '~/env.server'
import { subscriptionCreatedSamples } from '~/events'
import { OutboxRelay } from '~/outbox/relay.server'
import { action as webhook } from '~/routes/webhooks.stripe'
import { inngestEventApi as eventApi, stripeApi } from '../../test/app-context'
import { callRoute } from '../../test/route-harness'
import { markAddressProven } from '~/auth/email-verification.server'
import { processSubscription } from './process-subscription.server'

// The real Stripe SDK talks to the loopback Stripe double, and step.sendEvent to the loopback Inngest
// event API (test/app-context.ts points the environment at both).

// The reminder goes out 7 days after the subscription starts (README), whatever the module's constant says.
const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000

type Data = (typeof subscriptionCreatedSamples)['trial-pro-fr']['data']

// The confirmation also reads its plan's price from Stripe; these tests look at the customer lookups.
const customerRequests = () => stripeApi.requests.filter((r) => r.path.startsWith('/v1/customers'))

beforeEach(() => {
  stripeApi.requests.length = 0
  eventApi.received.length = 0
})

function makeEvent(overrides: Partial<Data> = {}) {
  const n = randomUUID().slice(0, 8)
  const data: Data = {
    ...subscriptionCreatedSamples['trial-pro-fr'].data,
    stripeEventId: `evt_${n}`,
    subscriptionId: `sub_${n}`,
    customerId: `cus_${n}`,
    customerEmail: `customer-${n}@example.com`,
    // Made outside Courrier's Checkout (the tests below match by address): no user named.
    userId: null,
    ...overrides,
  }
  return {
    name: 'stripe/subscription.created' as const,
    id: `stripe-${data.stripeEventId}`,
    data,
  }
}

/** A user with this address; confirmed unless told otherwise (only a confirmed address makes an owner). */
function registerUser(email: string, language: Locale, { confirmed = true } = {}) {
  return db
    .insert(users)
    .values({
      email,
      name: 'Registered Owner',
      passwordHash: 'scrypt$x',
      language,
      emailVerifiedAt: confirmed ? new Date() : null,
    })
    .returning()
    .get()
}

async function run(event: ReturnType<typeof makeEvent>) {
  const t = new InngestTestEngine({ function: processSubscription })
  return t.execute({ events: [event] })
}

/** The order in which the function called its step tools, by step id. */
function stepOrder(ctx: Awaited<ReturnType<typeof run>>['ctx']) {
  const calls = [ctx.step.run, ctx.step.sendEvent].flatMap((spy) => {
    const mock = (
      spy as unknown as {
        mock: { calls: unknown[][]; invocationCallOrder: number[] }
      }
    ).mock
    return mock.calls.map((call, i) => ({
      id: call[0] as string,
      order: mock.invocationCallOrder[i]!,
    }))
  })
  return calls.sort((a, b) => a.order - b.order).map((c) => c.id)
}

const mailFor = (to: string) =>
  db
    .select()
    .from(mailboxMessages)
    .all()
    .filter((m) => m.to === to)
const organizationOf = (subscriptionId: string) =>
  db
    .select()
    .from(organizations)
    .all()
    .filter((o) => o.stripeSubscriptionId === subscriptionId)

describe('process-subscription', () => {
  test('creates the organization owned by the registered user, confirms in their language, schedules the reminder', async () => {
    const event = makeEvent({
      customerLocale: 'fr-FR',
      customerName: 'Atelier Ruiz',
    })
    const owner = registerUser(event.data.customerEmail!, 'es')
    const before = Date.now()
    const { result, ctx, error } = await run(event)
    expect(error).toBeUndefined()

    // Email and locale came with the event: Stripe is not asked.
    expect(stepOrder(ctx)).toEqual(['create-organization', 'send-confirmation-email', 'schedule-reminder'])
    expect(customerRequests()).toEqual([])

    const [organization, ...others] = organizationOf(event.data.subscriptionId)
    expect(others).toEqual([])
    expect(result).toEqual({ organizationId: organization!.id })
    expect(organization).toMatchObject({
      name: 'Atelier Ruiz',
      stripeCustomerId: event.data.customerId,
    })
    expect(
      db
        .select()
        .from(memberships)
        .all()
        .filter((m) => m.organizationId === organization!.id),
    ).toEqual([expect.objectContaining({ userId: owner.id, role: 'owner' })])

    // The owner chose Spanish; that wins over the customer's Stripe locale.
    const mail = mailFor(event.data.customerEmail!)
    expect(mail).toHaveLength(1)
    expect(mail[0]).toMatchObject({
      template: 'subscription-created',
      locale: 'es',
      eventId: event.id,
    })

    expect(eventApi.received).toHaveLength(1)
    const reminder = eventApi.received[0]!
    expect(reminder).toMatchObject({
      name: 'trial/reminder',
      id: `trial-reminder-${event.data.subscriptionId}`,
      data: {
        organizationId: organization!.id,
        subscriptionId: event.data.subscriptionId,
      },
    })
    expect(reminder.ts! - (before + SEVEN_DAYS_MS)).toBeGreaterThanOrEqual(-60_000)
    expect(reminder.ts! - (Date.now() + SEVEN_DAYS_MS)).toBeLessThanOrEqual(60_000)
  })

  test.each([
    ['the customer’s Stripe locale when nobody is registered with the email', 'es-419', 'es'],
    ['French from a regional Stripe locale', 'fr-CA', 'fr'],
    ['the default language when Stripe’s locale is not one Courrier speaks', 'de-DE', 'en'],
  ])('writes in %s', async (_name, customerLocale, expected) => {
    const event = makeEvent({ customerLocale })
    const { error } = await run(event)
    expect(error).toBeUndefined()
    expect(mailFor(event.data.customerEmail!).map((m) => m.locale)).toEqual([expected])
    // Nobody to own it yet: the organization exists, without members.
    const [organization] = organizationOf(event.data.subscriptionId)
    expect(
      db
        .select()
        .from(memberships)
        .all()
        .filter((m) => m.organizationId === organization!.id),
    ).toEqual([])
  })

  test('a retried or repeated run keeps one organization, one email and one reminder id', async () => {
    const event = makeEvent({ customerLocale: 'en' })
    registerUser(event.data.customerEmail!, 'fr')
    const first = await run(event)
    const second = await run(event)
    expect(second.result).toEqual(first.result)
    expect(organizationOf(event.data.subscriptionId)).toHaveLength(1)
    expect(
      db
        .select()
        .from(memberships)
        .all()
        .filter((m) => m.organizationId === (first.result as { organizationId: string }).organizationId),
    ).toHaveLength(1)
    expect(mailFor(event.data.customerEmail!)).toHaveLength(1)
    // Inngest drops the second send: same event id.
    expect(new Set(eventApi.received.map((e) => e.id))).toEqual(new Set([`trial-reminder-${event.data.subscriptionId}`]))
  })

  test('retrieves the customer from Stripe, through the real SDK, when the event has no email', async () => {
    const event = makeEvent({
      customerEmail: null,
      customerName: null,
      customerLocale: null,
    })
    stripeApi.customers.set(event.data.customerId, {
      email: 'From.Stripe@Example.com',
      name: 'Compañía Stripe',
      preferred_locales: ['es-ES', 'en'],
    })
    const { ctx, error } = await run(event)
    expect(error).toBeUndefined()
    expect(stepOrder(ctx)).toEqual(['retrieve-customer', 'create-organization', 'send-confirmation-email', 'schedule-reminder'])
    expect(customerRequests()).toEqual([
      {
        method: 'GET',
        path: `/v1/customers/${event.data.customerId}`,
        authorization: `Bearer ${env.STRIPE_SECRET_KEY}`,
      },
    ])
    expect(organizationOf(event.data.subscriptionId)[0]).toMatchObject({
      name: 'Compañía Stripe',
    })
    expect(mailFor('from.stripe@example.com').map((m) => m.locale)).toEqual(['es'])
  })

  test('an account that has not confirmed the customer’s address does not become owner: the organization waits, and confirming claims it, once', async () => {
    const event = makeEvent({ customerLocale: 'en' })
    const claimant = registerUser(event.data.customerEmail!, 'fr', {
      confirmed: false,
    })
    const { error } = await run(event)
    expect(error).toBeUndefined()
    const [organization] = organizationOf(event.data.subscriptionId)
    expect(organization).toMatchObject({
      pendingOwnerEmail: event.data.customerEmail,
    })
    const membersOf = () =>
      db
        .select()
        .from(memberships)
        .all()
        .filter((m) => m.organizationId === organization!.id)
    expect(membersOf()).toEqual([])
    // Nobody has proven the address: the customer's own Stripe locale, not the claimant's choice.
    expect(mailFor(event.data.customerEmail!).map((m) => m.locale)).toEqual(['en'])

    // The claimant proves the address (the same call every proof ends in), twice.
    expect(db.transaction((tx) => markAddressProven(tx, claimant.id))).toBe(true)
    expect(db.transaction((tx) => markAddressProven(tx, claimant.id))).toBe(false)
    expect(membersOf()).toEqual([expect.objectContaining({ userId: claimant.id, role: 'owner' })])
    expect(organizationOf(event.data.subscriptionId)[0]).toMatchObject({
      pendingOwnerEmail: null,
    })

    // A retried run after the claim keeps that one owner and waits for nobody.
    await run(event)
    expect(membersOf()).toHaveLength(1)
    expect(organizationOf(event.data.subscriptionId)[0]).toMatchObject({
      pendingOwnerEmail: null,
    })
  })

  test('with the email known and an account registered with it, Stripe is not asked for the locale', async () => {
    const event = makeEvent({ customerLocale: null })
    registerUser(event.data.customerEmail!, 'fr')
    const { ctx, error } = await run(event)
    expect(error).toBeUndefined()
    expect(stepOrder(ctx)).toEqual(['retrieve-customer', 'create-organization', 'send-confirmation-email', 'schedule-reminder'])
    expect(customerRequests()).toEqual([])
    expect(mailFor(event.data.customerEmail!).map((m) => m.locale)).toEqual(['fr'])
  })

  test('with the email known but nobody registered, the customer’s Stripe locale is fetched', async () => {
    const event = makeEvent({ customerLocale: null })
    stripeApi.customers.set(event.data.customerId, {
      email: 'ignored@example.com',
      preferred_locales: ['fr-BE'],
    })
    const { error } = await run(event)
    expect(error).toBeUndefined()
    expect(customerRequests().map((r) => r.path)).toEqual([`/v1/customers/${event.data.customerId}`])
    // The event's email stays the address written to; Stripe only filled in what was missing.
    expect(mailFor(event.data.customerEmail!).map((m) => m.locale)).toEqual(['fr'])
    expect(mailFor('ignored@example.com')).toEqual([])
  })

  test('a Stripe outage fails the step for Inngest to retry; the retry succeeds', async () => {
    const event = makeEvent({ customerEmail: null, customerLocale: null })
    stripeApi.customers.set(event.data.customerId, {
      email: `retry-${event.data.customerId}@example.com`,
      preferred_locales: [],
    })
    stripeApi.failNext(2) // the SDK's own retry included
    const failed = await run(event)
    // Stripe's 500, as the SDK reports it: an ordinary error (not NonRetriableError), so Inngest retries.
    expect(failed.error).toMatchObject({
      name: 'Error',
      message: 'An unknown error occurred (test double)',
    })
    expect(organizationOf(event.data.subscriptionId)).toEqual([])

    const retried = await run(event)
    expect(retried.error).toBeUndefined()
    expect(organizationOf(event.data.subscriptionId)).toHaveLength(1)
    expect(mailFor(`retry-${event.data.customerId}@example.com`).map((m) => m.locale)).toEqual(['en'])
  })

  test.each([
    ['does not exist', undefined],
    ['was deleted', { deleted: true }],
    ['has no email address', { email: null }],
  ])('a customer that %s fails the run without retries, and creates nothing', async (_name, fixture) => {
    const event = makeEvent({ customerEmail: null, customerLocale: null })
    if (fixture) stripeApi.customers.set(event.data.customerId, fixture)
    const { error } = await run(event)
    expect((error as { name?: string }).name).toBe('NonRetriableError')
    expect(organizationOf(event.data.subscriptionId)).toEqual([])
    expect(eventApi.received).toEqual([])
  })
})

describe('one signed Stripe event delivered 50 times at once', () => {
  test('makes one organization, one outbox event, one confirmation email and one reminder', async () => {
    const email = `fifty-${randomUUID().slice(0, 8)}@example.com`
    const owner = registerUser(email, 'fr')
    const stripeEvent = sampleSubscriptionEvent({
      email,
      name: 'Cinquante',
      locale: 'es',
    })
    const payload = JSON.stringify(stripeEvent)
    const signer = new Stripe('sk_test_unused')
    const deliveries = await Promise.all(
      Array.from({ length: 50 }, () => {
        const request = new Request('http://localhost:5173/webhooks/stripe', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Stripe-Signature': signer.webhooks.generateTestHeaderString({
              payload,
              secret: env.STRIPE_WEBHOOK_SECRET,
            }),
          },
          body: payload,
        })
        return callRoute(webhook, request)
      }),
    )
    expect(deliveries.map((r) => r.status)).toEqual(Array(50).fill(200))

    // The relay delivers what the outbox holds, at least once: here every event twice, concurrently.
    const relayed: Array<{
      id: string
      name: string
      data: Record<string, unknown>
    }> = []
    const relay = new OutboxRelay({
      sqlite: db.$client,
      send: async (events) => void relayed.push(...events),
    })
    await relay.drain()
    const mine = relayed.filter((e) => e.name === 'stripe/subscription.created' && e.data.subscriptionId === stripeEvent.data.object.id)
    expect(mine).toEqual([expect.objectContaining({ id: `stripe-${stripeEvent.id}` })])
    const event = mine[0] as unknown as ReturnType<typeof makeEvent>
    const runs = await Promise.all([run(event), run(event)])
    expect(runs.map((r) => r.error)).toEqual([undefined, undefined])

    const [organization, ...others] = organizationOf(stripeEvent.data.object.id)
    expect(others).toEqual([])
    expect(
      db
        .select()
        .from(memberships)
        .all()
        .filter((m) => m.organizationId === organization!.id),
    ).toEqual([expect.objectContaining({ userId: owner.id, role: 'owner' })])
    expect(mailFor(email).map((m) => [m.template, m.locale])).toEqual([['subscription-created', 'fr']])
    expect(new Set(eventApi.received.filter((e) => e.name === 'trial/reminder').map((e) => e.id))).toEqual(new Set([`trial-reminder-${stripeEvent.data.object.id}`]))
  })
})
