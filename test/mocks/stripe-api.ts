import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'

export type StripeCustomerFixture = { email?: string | null; name?: string | null; preferred_locales?: string[]; deleted?: boolean }
export type RecordedRequest = { method: string; path: string; authorization: string | undefined }
export type StripePriceFixture = {
  id: string
  lookup_key: string
  unit_amount: number
  currency: string
  interval: 'month' | 'year'
  product: string
  active?: boolean
}
/** What a checkout session was created with, as the SDK sent it (bracketed form fields, parsed). */
export type CheckoutSessionRecord = {
  id: string
  object: 'checkout.session'
  url: string
  status: 'open' | 'complete' | 'expired'
  mode: string
  client_reference_id: string | null
  customer: string | null
  customer_email: string | null
  locale: string | null
  metadata: Record<string, string>
  success_url: string
  cancel_url: string
  subscription: string | null
  price: string
  trial_period_days: number | null
  subscription_metadata: Record<string, string>
  created: number
}
export type SubscriptionRecord = { id: string; customer: string; status: string; price: StripePriceFixture; trial_end: number | null; metadata: Record<string, string>; created: number }
/** The order in which the double's Checkout sends its webhooks: Stripe's usual one, or the reverse. */
export type WebhookOrder = 'stripe' | 'reversed'

/** The prices a fresh double knows: every lookup key of `.env.example`, in euros. */
export const DEFAULT_PRICES: StripePriceFixture[] = [
  { id: 'price_double_starter_monthly', lookup_key: 'starter_monthly', unit_amount: 900, currency: 'eur', interval: 'month', product: 'prod_double_starter' },
  { id: 'price_double_starter_yearly', lookup_key: 'starter_yearly', unit_amount: 9000, currency: 'eur', interval: 'year', product: 'prod_double_starter' },
  { id: 'price_double_pro_monthly', lookup_key: 'pro_monthly', unit_amount: 2900, currency: 'eur', interval: 'month', product: 'prod_double_pro' },
  { id: 'price_double_pro_yearly', lookup_key: 'pro_yearly', unit_amount: 29000, currency: 'eur', interval: 'year', product: 'prod_double_pro' },
  { id: 'price_double_business_monthly', lookup_key: 'business_monthly', unit_amount: 9900, currency: 'eur', interval: 'month', product: 'prod_double_business' },
]

const newId = (prefix: string) => `${prefix}_double_${randomBytes(10).toString('hex')}`
const now = () => Math.floor(Date.now() / 1000)

/** `a[b][0][c]=v` form fields (the SDK's encoding) into nested objects; arrays stay objects keyed "0", "1"… */
export function parseStripeForm(body: string): Record<string, any> {
  const out: Record<string, any> = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '')
    let node = out
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value
      else node = node[part] ??= {}
    })
  }
  return out
}
const listOf = (value: unknown): string[] => (value && typeof value === 'object' ? Object.values(value as Record<string, string>) : typeof value === 'string' ? [value] : [])

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; code?: string; param?: string; message: string },
  ) {
    super(body.message)
  }
}
const missing = (what: string, id: string, param?: string) =>
  new StripeError(param ? 400 : 404, { type: 'invalid_request_error', code: 'resource_missing', ...(param ? { param } : {}), message: `No such ${what}: '${id}'` })
const invalid = (param: string, message: string) => new StripeError(400, { type: 'invalid_request_error', code: 'parameter_invalid', param, message })

/**
 * A loopback stand-in for the parts of Stripe Courrier uses, answering as Stripe's API does (same paths,
 * objects and error shapes), so tests drive the real `stripe` SDK (STRIPE_API_URL) without a network:
 * prices by lookup key, customers, Checkout Sessions and Billing Portal sessions. Its hosted Checkout and
 * portal pages can be "completed" in a browser: they then send the app the signed webhooks Stripe would
 * send (`webhook` option), in Stripe's order or reversed. `failNext(n)` answers the next n API requests
 * with a 500 (or the given error), `delayNext(ms)` holds the next one, as Stripe does in an incident.
 */
export async function startStripeApiDouble(options: { port?: number; webhook?: { url: string; secret: string } } = {}) {
  const customers = new Map<string, StripeCustomerFixture>()
  const prices = new Map<string, StripePriceFixture>(DEFAULT_PRICES.map((p) => [p.id, { ...p }]))
  const checkoutSessions = new Map<string, CheckoutSessionRecord>()
  const portalSessions = new Map<string, { id: string; customer: string; return_url: string | null }>()
  const subscriptions = new Map<string, SubscriptionRecord>()
  const requests: RecordedRequest[] = []
  const sentWebhooks: Array<{ type: string; id: string; status: number }> = []
  let failures: Array<{ status: number; error: { type: string; code?: string; message: string } }> = []
  let delayMs = 0
  let delayCount = 0
  let webhook = options.webhook
  let base = ''
  const signer = new Stripe('sk_double_unused')

  function priceObject(price: StripePriceFixture) {
    return {
      id: price.id,
      object: 'price',
      active: price.active ?? true,
      currency: price.currency,
      lookup_key: price.lookup_key,
      nickname: null,
      product: price.product,
      recurring: { interval: price.interval, interval_count: 1, usage_type: 'licensed' },
      type: 'recurring',
      unit_amount: price.unit_amount,
      livemode: false,
      metadata: {},
    }
  }
  function customerObject(id: string, customer: StripeCustomerFixture) {
    if (customer.deleted) return { id, object: 'customer', deleted: true }
    return { id, object: 'customer', email: customer.email ?? null, name: customer.name ?? null, preferred_locales: customer.preferred_locales ?? [], created: now(), livemode: false, metadata: {} }
  }
  function subscriptionObject(sub: SubscriptionRecord) {
    return {
      id: sub.id,
      object: 'subscription',
      customer: sub.customer,
      status: sub.status,
      created: sub.created,
      trial_start: sub.trial_end ? sub.created : null,
      trial_end: sub.trial_end,
      canceled_at: sub.status === 'canceled' ? now() : null,
      metadata: sub.metadata,
      items: { object: 'list', data: [{ id: newId('si'), object: 'subscription_item', price: priceObject(sub.price), quantity: 1 }] },
    }
  }
  const sessionObject = ({ price: _p, trial_period_days: _t, subscription_metadata: _m, ...session }: CheckoutSessionRecord) => ({ ...session, livemode: false })

  function invoiceObject(sub: SubscriptionRecord, status: 'paid' | 'open', extra: Record<string, unknown> = {}) {
    return {
      id: newId('in'),
      object: 'invoice',
      customer: sub.customer,
      status,
      currency: sub.price.currency,
      amount_due: sub.price.unit_amount,
      amount_paid: status === 'paid' ? sub.price.unit_amount : 0,
      attempt_count: status === 'paid' ? 1 : 1,
      next_payment_attempt: null,
      billing_reason: 'subscription_cycle',
      parent: { type: 'subscription_details', subscription_details: { subscription: sub.id, metadata: sub.metadata } },
      lines: { object: 'list', data: [{ id: newId('il'), object: 'line_item', amount: sub.price.unit_amount, currency: sub.price.currency, pricing: { price_details: { price: sub.price.id } } }] },
      ...extra,
    }
  }

  /** Posts one event to the app, signed with the endpoint's secret, as Stripe does. */
  async function sendWebhook(type: string, object: unknown) {
    if (!webhook) throw new Error('the Stripe double has no webhook endpoint to send to')
    const event = { id: newId('evt'), object: 'event', api_version: '2026-10-28.endive', created: now(), livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object } }
    const payload = JSON.stringify(event)
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signer.webhooks.generateTestHeaderString({ payload, secret: webhook.secret }) },
      body: payload,
    })
    sentWebhooks.push({ type, id: event.id, status: response.status })
    return event
  }

  /** What Stripe does when a customer pays on Checkout: a customer, a subscription, an invoice, and their events. */
  async function completeCheckout(sessionId: string, order: WebhookOrder = 'stripe') {
    const session = checkoutSessions.get(sessionId)
    if (!session) throw missing('checkout.session', sessionId)
    if (session.status !== 'open') return session
    const customerId = session.customer ?? newId('cus')
    if (!session.customer) customers.set(customerId, { email: session.customer_email, name: null, preferred_locales: session.locale ? [session.locale] : [] })
    const price = prices.get(session.price)!
    const created = now()
    const sub: SubscriptionRecord = {
      id: newId('sub'),
      customer: customerId,
      status: session.trial_period_days ? 'trialing' : 'active',
      price,
      trial_end: session.trial_period_days ? created + session.trial_period_days * 86_400 : null,
      metadata: session.subscription_metadata,
      created,
    }
    subscriptions.set(sub.id, sub)
    Object.assign(session, { status: 'complete', customer: customerId, subscription: sub.id })
    const events: Array<[string, unknown]> = [
      ['customer.created', customerObject(customerId, customers.get(customerId)!)],
      ['customer.subscription.created', subscriptionObject(sub)],
      ['invoice.paid', invoiceObject(sub, 'paid', { amount_due: sub.trial_end ? 0 : price.unit_amount, amount_paid: sub.trial_end ? 0 : price.unit_amount, billing_reason: 'subscription_create' })],
      ['checkout.session.completed', sessionObject(session)],
    ]
    for (const [type, object] of order === 'stripe' ? events : events.reverse()) await sendWebhook(type, object)
    return session
  }

  /** An automatic collection that failed: the invoice event Stripe sends, with the next retry three days ahead. */
  async function failPayment(subscriptionId: string) {
    const sub = subscriptions.get(subscriptionId)
    if (!sub) throw missing('subscription', subscriptionId)
    sub.status = 'past_due'
    await sendWebhook('customer.subscription.updated', subscriptionObject(sub))
    return sendWebhook('invoice.payment_failed', invoiceObject(sub, 'open', { next_payment_attempt: now() + 3 * 86_400 }))
  }

  /** A cancellation in the portal, set to cancel at once: Stripe sends `customer.subscription.deleted`. */
  async function cancelSubscription(subscriptionId: string) {
    const sub = subscriptions.get(subscriptionId)
    if (!sub) throw missing('subscription', subscriptionId)
    sub.status = 'canceled'
    return sendWebhook('customer.subscription.deleted', subscriptionObject(sub))
  }

  async function api(method: string, path: string, params: Record<string, any>): Promise<unknown> {
    let match: RegExpExecArray | null
    if (method === 'GET' && path === '/v1/prices') {
      const keys = listOf(params.lookup_keys)
      const data = [...prices.values()].filter((p) => (!keys.length || keys.includes(p.lookup_key)) && (params.active !== 'true' || (p.active ?? true)))
      return { object: 'list', data: data.map(priceObject), has_more: false, url: '/v1/prices' }
    }
    if (method === 'GET' && (match = /^\/v1\/prices\/([^/]+)$/.exec(path))) {
      const price = prices.get(decodeURIComponent(match[1]!))
      if (!price) throw missing('price', decodeURIComponent(match[1]!))
      return priceObject(price)
    }
    if (method === 'GET' && (match = /^\/v1\/customers\/([^/]+)$/.exec(path))) {
      const id = decodeURIComponent(match[1]!)
      const customer = customers.get(id)
      if (!customer) throw missing('customer', id)
      return customerObject(id, customer)
    }
    if (method === 'POST' && path === '/v1/customers') {
      const id = newId('cus')
      customers.set(id, { email: params.email ?? null, name: params.name ?? null, preferred_locales: listOf(params.preferred_locales) })
      return customerObject(id, customers.get(id)!)
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      if (params.mode !== 'subscription' && params.mode !== 'payment' && params.mode !== 'setup') throw invalid('mode', 'Invalid mode: must be one of payment, setup, or subscription')
      for (const param of ['success_url', 'cancel_url'] as const) {
        if (!params[param] || !/^https?:\/\//.test(params[param])) throw invalid(param, `Not a valid URL`)
      }
      const priceId = params.line_items?.['0']?.price
      if (!priceId) throw invalid('line_items', 'You must provide at least one line item.')
      if (!prices.has(priceId)) throw missing('price', priceId, 'line_items[0][price]')
      if (params.customer && params.customer_email) throw invalid('customer_email', 'You may only specify one of these parameters: customer, customer_email.')
      if (params.customer && !customers.has(params.customer)) throw missing('customer', params.customer, 'customer')
      const id = `cs_test_${randomBytes(12).toString('hex')}`
      const trial = params.subscription_data?.trial_period_days
      const session: CheckoutSessionRecord = {
        id,
        object: 'checkout.session',
        url: `${base}/c/pay/${id}`,
        status: 'open',
        mode: params.mode,
        client_reference_id: params.client_reference_id ?? null,
        customer: params.customer ?? null,
        customer_email: params.customer_email ?? null,
        locale: params.locale ?? null,
        metadata: params.metadata ?? {},
        success_url: params.success_url,
        cancel_url: params.cancel_url,
        subscription: null,
        price: priceId,
        trial_period_days: trial ? Number(trial) : null,
        subscription_metadata: params.subscription_data?.metadata ?? {},
        created: now(),
      }
      checkoutSessions.set(id, session)
      return sessionObject(session)
    }
    if (method === 'GET' && (match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path))) {
      const session = checkoutSessions.get(decodeURIComponent(match[1]!))
      if (!session) throw missing('checkout.session', decodeURIComponent(match[1]!))
      return sessionObject(session)
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      if (!params.customer) throw invalid('customer', 'Missing required param: customer.')
      if (!customers.has(params.customer)) throw missing('customer', params.customer, 'customer')
      const id = newId('bps')
      portalSessions.set(id, { id, customer: params.customer, return_url: params.return_url ?? null })
      return { id, object: 'billing_portal.session', customer: params.customer, return_url: params.return_url ?? null, url: `${base}/p/session/${id}`, livemode: false, created: now() }
    }
    throw new StripeError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` })
  }

  // The hosted pages a browser sees: Checkout (pay, or go back) and the portal (cancel, or go back).
  async function hosted(req: IncomingMessage, res: ServerResponse, path: string, body: string): Promise<boolean> {
    const html = (status: number, content: string) => {
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' })
      res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Stripe double</title></head><body>${content}</body></html>`)
    }
    const redirect = (location: string) => {
      res.writeHead(303, { Location: location })
      res.end()
    }
    let match: RegExpExecArray | null
    if ((match = /^\/c\/pay\/([^/?]+)/.exec(path))) {
      const session = checkoutSessions.get(match[1]!)
      if (!session) return html(404, '<h1>Checkout session not found</h1>'), true
      if (req.method === 'POST') {
        const order = new URLSearchParams(body).get('order') === 'reversed' ? 'reversed' : 'stripe'
        await completeCheckout(session.id, order)
        return redirect(session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id)), true
      }
      const price = prices.get(session.price)!
      html(
        200,
        `<h1>Test checkout</h1><p data-testid="double-price">${price.lookup_key}: ${price.unit_amount} ${price.currency}</p>` +
          `<p data-testid="double-email">${session.customer_email ?? session.customer ?? ''}</p>` +
          `<form method="post"><button name="order" value="stripe">Subscribe</button><button name="order" value="reversed">Subscribe (events out of order)</button></form>` +
          `<a href="${session.cancel_url}">Back</a>`,
      )
      return true
    }
    if ((match = /^\/p\/session\/([^/?]+)(\/cancel)?/.exec(path))) {
      const portal = portalSessions.get(match[1]!)
      if (!portal) return html(404, '<h1>Portal session not found</h1>'), true
      const subs = [...subscriptions.values()].filter((s) => s.customer === portal.customer)
      if (req.method === 'POST' && match[2]) {
        const subscriptionId = new URLSearchParams(body).get('subscription') ?? ''
        if (subs.some((s) => s.id === subscriptionId)) await cancelSubscription(subscriptionId)
        return redirect(portal.return_url ?? '/'), true
      }
      html(
        200,
        `<h1>Test customer portal</h1>` +
          subs
            .map((s) => `<form method="post" action="/p/session/${portal.id}/cancel"><p>${s.price.lookup_key} · ${s.status}</p><input type="hidden" name="subscription" value="${s.id}">${s.status === 'canceled' ? '' : '<button>Cancel subscription</button>'}</form>`)
            .join('') +
          `<a href="${portal.return_url ?? '/'}">Return</a>`,
      )
      return true
    }
    // Controls for end-to-end tests, which cannot reach this object.
    if (req.method === 'POST' && (match = /^\/_test\/subscriptions\/([^/]+)\/payment_failed$/.exec(path))) {
      const event = await failPayment(decodeURIComponent(match[1]!))
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: event.id }))
      return true
    }
    if (req.method === 'POST' && path === '/_test/fail') {
      const params = new URLSearchParams(body)
      failNext(Number(params.get('count') ?? 1), params.get('status') === '402' ? { status: 402, error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } } : undefined)
      res.writeHead(204).end()
      return true
    }
    if (req.method === 'GET' && path === '/_test/checkout_sessions') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify([...checkoutSessions.values()]))
      return true
    }
    return false
  }

  type Failure = { status: number; error: { type: string; code?: string; message: string } }
  function failNext(count: number, failure: Failure = { status: 500, error: { type: 'api_error', message: 'An unknown error occurred (test double)' } }) {
    failures = Array.from({ length: count }, () => failure)
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://double')
        const body = Buffer.concat(chunks).toString('utf8')
        try {
          if (await hosted(req, res, url.pathname, body)) return
          requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', authorization: req.headers.authorization })
          const reply = (status: number, payload: unknown) => {
            res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_double_${requests.length}` })
            res.end(JSON.stringify(payload))
          }
          if (!req.headers.authorization?.startsWith('Bearer sk_')) {
            return reply(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } })
          }
          if (delayCount > 0) {
            delayCount--
            await new Promise((resolve) => setTimeout(resolve, delayMs))
          }
          const failure = failures.shift()
          if (failure) return reply(failure.status, { error: failure.error })
          const params = req.method === 'GET' ? parseStripeForm(url.search.slice(1)) : parseStripeForm(body)
          reply(200, await api(req.method ?? 'GET', url.pathname, params))
        } catch (error) {
          if (res.headersSent) return
          if (error instanceof StripeError) {
            res.writeHead(error.status, { 'Content-Type': 'application/json' })
            res.end(JSON.stringify({ error: { ...error.body, doc_url: 'https://docs.stripe.com/error-codes', request_log_url: null } }))
          } else {
            res.writeHead(500, { 'Content-Type': 'application/json' })
            res.end(JSON.stringify({ error: { type: 'api_error', message: error instanceof Error ? error.message : String(error) } }))
          }
        }
      })()
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  base = `http://127.0.0.1:${port}`
  return {
    url: base,
    customers,
    prices,
    checkoutSessions,
    subscriptions,
    requests,
    sentWebhooks,
    failNext,
    /** Holds the next `count` API requests this long before answering (a Stripe that times out). */
    delayNext: (ms: number, count = 1) => {
      delayMs = ms
      delayCount = count
    },
    setWebhook: (target: { url: string; secret: string }) => void (webhook = target),
    completeCheckout,
    failPayment,
    cancelSubscription,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type StripeApiDouble = Awaited<ReturnType<typeof startStripeApiDouble>>
