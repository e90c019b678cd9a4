import { sql } from 'drizzle-orm'
import { db } from '~/db/client.server'
import { prepared } from '~/db/prepared.server'
import { CLOSE_CONNECTION, readBodyWithLimit } from '~/http/read-body.server'
import { stripeEvents } from '~/db/schema'
import { env } from '~/env.server'
import { paymentFailed, subscriptionCanceled, subscriptionCreated } from '~/events'
import { enqueueEvent, kickRelay } from '~/outbox/index.server'
import { isKnownUser, linkCompletedCheckout } from './checkout.server'
import { forgetPrices } from './prices.server'
import {
  invoiceSubscriptionId,
  StripeCheckoutSessionSchema,
  StripeEventSchema,
  StripeInvoiceSchema,
  StripeSubscriptionSchema,
  snapshotOf,
  subscriptionCanceledData,
  subscriptionCreatedData,
  userIdOf,
  type StripeEventEnvelope,
} from './stripe-objects'
import { isStripeError, stripe } from './stripe.server'
import { applySubscriptionSnapshot } from './subscriptions.server'

/** Stripe's events are a few kilobytes; anything near this is not one of them. */
export const MAX_WEBHOOK_BYTES = 512 * 1024

// `trial_will_end` (Stripe's 3-day notice) carries the subscription too: recorded, and its state applied.
const SUBSCRIPTION_EVENTS = {
  'customer.subscription.created': 'created',
  'customer.subscription.updated': 'updated',
  'customer.subscription.trial_will_end': 'updated',
  'customer.subscription.deleted': 'deleted',
} as const

/** Price and product changes: the cached catalogue is emptied, and the next page asks Stripe again. */
const CATALOGUE_EVENTS = new Set(['price.created', 'price.updated', 'price.deleted', 'product.updated', 'product.deleted'])

/** The outbox (and so Inngest) event id for a Stripe event: a second delivery is dropped at both. */
export function outboxIdForStripeEvent(stripeEventId: string) {
  return `stripe-${stripeEventId}`
}

function answer(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers })
}

export type RecordResult = { duplicate: boolean; ignored: boolean }
type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0]
/** What a verified event does inside the transaction that records its id; `kick` when it wrote an outbox event. */
type Effect = { apply: (tx: Tx) => void; kick: boolean }

/** What an event of a type Courrier reads does, or why it is not one it can read. */
function effectOf(event: StripeEventEnvelope): Effect | { invalid: string } | null {
  const kind = SUBSCRIPTION_EVENTS[event.type as keyof typeof SUBSCRIPTION_EVENTS]
  if (kind) {
    const parsed = StripeSubscriptionSchema.safeParse(event.data.object)
    if (!parsed.success) return { invalid: 'not a subscription object' }
    const subscription = parsed.data
    const outboxEvent =
      kind === 'created'
        ? subscriptionCreated.create(subscriptionCreatedData(event.id, subscription), { id: outboxIdForStripeEvent(event.id) })
        : kind === 'deleted'
          ? subscriptionCanceled.create(subscriptionCanceledData(event.id, subscription), { id: outboxIdForStripeEvent(event.id) })
          : null
    return {
      apply: (tx) => {
        applySubscriptionSnapshot(tx, snapshotOf(subscription), { created: event.created, kind })
        if (outboxEvent) enqueueEvent(tx, outboxEvent)
      },
      kick: Boolean(outboxEvent),
    }
  }
  if (event.type === 'checkout.session.completed') {
    const parsed = StripeCheckoutSessionSchema.safeParse(event.data.object)
    if (!parsed.success) return { invalid: 'not a checkout session' }
    const session = parsed.data
    const userId = userIdOf(session.metadata, session.client_reference_id)
    // A payment link or a session made elsewhere names nobody of ours: nothing to link.
    if (session.mode !== 'subscription' || !userId || !isKnownUser(userId)) return null
    const link = { id: session.id, userId, customerId: session.customer ?? null, subscriptionId: session.subscription ?? null, planId: session.metadata?.plan_id ?? null }
    return { apply: (tx) => void linkCompletedCheckout(tx, link), kick: false }
  }
  if (event.type === 'invoice.payment_failed') {
    const parsed = StripeInvoiceSchema.safeParse(event.data.object)
    if (!parsed.success) return { invalid: 'not an invoice' }
    const invoice = parsed.data
    const subscriptionId = invoiceSubscriptionId(invoice)
    // A one-off invoice is not a subscription's: no dunning email of ours.
    if (!subscriptionId) return null
    const outboxEvent = paymentFailed.create(
      {
        stripeEventId: event.id,
        invoiceId: invoice.id,
        subscriptionId,
        customerId: invoice.customer,
        amountDue: invoice.amount_due,
        currency: invoice.currency,
        nextPaymentAttempt: invoice.next_payment_attempt ? new Date(invoice.next_payment_attempt * 1000).toISOString() : null,
      },
      { id: outboxIdForStripeEvent(event.id) },
    )
    return { apply: (tx) => void enqueueEvent(tx, outboxEvent), kick: true }
  }
  if (CATALOGUE_EVENTS.has(event.type)) return { apply: (tx) => forgetPrices(tx), kick: false }
  return null
}

const prepareEventInsert = prepared((tx: Tx) =>
  tx
    .insert(stripeEvents)
    .values({ id: sql.placeholder('id'), type: sql.placeholder('type') })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id })
    .prepare(),
)

/**
 * Takes a verified event exactly once: the event id and everything the event changes (the subscription's
 * new state, a checkout's link to its user, the outbox event) commit together or not at all. A
 * redelivery finds its id already recorded and changes nothing.
 */
export function recordStripeEvent(event: StripeEventEnvelope): RecordResult | { invalid: string } {
  const effect = effectOf(event)
  // Other types are acknowledged so Stripe stops sending them, and not stored.
  if (!effect) return { duplicate: false, ignored: true }
  if ('invalid' in effect) return effect

  const duplicate = db.transaction(
    (tx) => {
      const inserted = prepareEventInsert(tx).get({ id: event.id, type: event.type })
      if (!inserted) return true
      effect.apply(tx)
      return false
    },
    // Take the write lock up front, so concurrent deliveries queue on busy_timeout instead of failing.
    { behavior: 'immediate' },
  )
  if (!duplicate && effect.kick) kickRelay()
  return { duplicate, ignored: false }
}

/**
 * POST /webhooks/stripe. A delivery whose signature holds came from Stripe, and Stripe retries anything
 * but a 2xx for three days: it gets a 2xx once the event is durably taken (or was already), or once it
 * is recorded as ignored (thin `v2.core.event` notifications, shapes Courrier does not read). Only a
 * bad signature or an unreadable body gets a 4xx; a failed commit gets a 503, so Stripe retries it.
 */
export async function handleStripeWebhook(request: Request): Promise<Response> {
  if (request.method !== 'POST') return answer(405, { error: 'method not allowed' }, { Allow: 'POST' })
  const raw = await readBodyWithLimit(request, MAX_WEBHOOK_BYTES)
  if (!raw) return answer(413, { error: 'payload too large' }, CLOSE_CONNECTION)
  const signature = request.headers.get('Stripe-Signature')
  if (!signature) return answer(400, { error: 'missing Stripe-Signature header' })

  try {
    // The HMAC over the raw bytes and the timestamp (default tolerance: 5 minutes), whatever the payload:
    // constructEvent would throw a plain Error on a thin event, after the signature had been verified.
    // Stripe's SDK does it (issue 4); it is loaded by the first delivery, not at the server's start.
    const verifier = (await stripe()).webhooks.signature
    if (!verifier) throw new Error('the Stripe SDK has no webhook signature helper')
    verifier.verifyHeader(raw, signature, env.STRIPE_WEBHOOK_SECRET)
  } catch (error) {
    if (isStripeError(error, 'StripeSignatureVerificationError')) return answer(400, { error: 'invalid signature' })
    throw error
  }
  let payload: unknown
  try {
    payload = JSON.parse(raw.toString('utf8'))
  } catch {
    return answer(400, { error: 'malformed JSON' })
  }
  const event = StripeEventSchema.safeParse(payload)
  if (!event.success) return ignore(payload, 'not a v1 event Courrier reads')

  let result: ReturnType<typeof recordStripeEvent>
  try {
    result = recordStripeEvent(event.data)
  } catch (error) {
    // Not stored: a 5xx makes Stripe deliver it again later.
    console.error(`stripe webhook: event ${event.data.id} not recorded: ${error instanceof Error ? error.message : String(error)}`)
    return answer(503, { error: 'temporarily unavailable' }, { 'Retry-After': '10' })
  }
  if ('invalid' in result) return ignore(payload, result.invalid)
  return answer(200, { received: true, ...(result.duplicate ? { duplicate: true } : {}), ...(result.ignored ? { ignored: true } : {}) })
}

/**
 * A signed delivery Courrier does not act on: a redelivery would be the same, so it is acknowledged, and
 * recorded in the log (its id, object and type only, never its content) for someone to look at.
 */
function ignore(payload: unknown, reason: string) {
  const fields = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {}
  const describe = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value.slice(0, 100)) : '-')
  console.warn(`stripe webhook: ignored ${describe(fields.id)} (object ${describe(fields.object)}, type ${describe(fields.type)}): ${reason}`)
  return answer(200, { received: true, ignored: true, reason })
}
