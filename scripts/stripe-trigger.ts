// Posts a correctly signed Stripe event to the running app, like `stripe trigger` does through the
// Stripe CLI, without a Stripe account or network:
//   npm run stripe:trigger -- customer.subscription.created --email someone@example.com
// Signed with STRIPE_WEBHOOK_SECRET (from .env, or the development default the app also uses).
import { parseArgs } from 'node:util'
import Stripe from 'stripe'
import {
  sampleCheckoutCompletedEvent,
  samplePaymentFailedEvent,
  samplePriceUpdatedEvent,
  sampleSubscriptionEvent,
  SUBSCRIPTION_EVENT_TYPES,
  type SubscriptionEventType,
} from '../app/billing/sample-events'
import { env } from '../app/env.server'

const OTHER_TYPES = ['checkout.session.completed', 'invoice.payment_failed', 'price.updated'] as const
type EventType = SubscriptionEventType | (typeof OTHER_TYPES)[number]

const usage = `Usage: npm run stripe:trigger -- <event type> [options]

Event types: ${[...SUBSCRIPTION_EVENT_TYPES, ...OTHER_TYPES].join(', ')}

Options:
  --email <address>      customer email, put in the subscription's metadata
  --name <name>          customer name (metadata)
  --locale <fr|en|es…>   customer's preferred locale (metadata)
  --subscription <id>    subscription id (default: a new sub_test_… id); reuse it to update or delete
  --customer <id>        customer id (default: a new cus_test_… id)
  --status <status>      subscription status (default: trialing, or canceled for deleted)
  --trial-days <n>       trial length; 0 for none (default: 14)
  --plan <name>          plan name shown in the confirmation (default: Pro)
  --user <id>            the Courrier user a Checkout Session was opened for (user_id metadata;
                         required for checkout.session.completed)
  --lookup-key <key>     the price's lookup key, e.g. pro_monthly (the plan /pricing sells)
  --amount <cents>       invoice.payment_failed: the amount due in cents (default: 2900)
  --event-id <id>        event id (default: a new evt_test_… id); reuse it to see a redelivery acknowledged with no effect
  --url <url>            the app (default: APP_URL, ${env.APP_URL})
`

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`)
  process.exit(2)
}

let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      locale: { type: 'string' },
      subscription: { type: 'string' },
      customer: { type: 'string' },
      status: { type: 'string' },
      'trial-days': { type: 'string' },
      plan: { type: 'string' },
      user: { type: 'string' },
      'lookup-key': { type: 'string' },
      amount: { type: 'string' },
      'event-id': { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
const { values, positionals } = parsed
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const type = positionals[0] as EventType | undefined
const known: readonly string[] = [...SUBSCRIPTION_EVENT_TYPES, ...OTHER_TYPES]
if (!type || !known.includes(type)) fail(type ? `Unknown event type: ${type}` : 'Which event? Give its type first.')
const trialDays = values['trial-days'] === undefined ? undefined : Number(values['trial-days'])
if (trialDays !== undefined && (!Number.isInteger(trialDays) || trialDays < 0)) fail('--trial-days takes a whole number of days')

function buildEvent(eventType: EventType) {
  if (eventType === 'checkout.session.completed') {
    if (!values.user || !values.subscription || !values.customer) fail('checkout.session.completed needs --user, --subscription and --customer')
    return sampleCheckoutCompletedEvent({ userId: values.user, subscriptionId: values.subscription, customerId: values.customer, eventId: values['event-id'] })
  }
  if (eventType === 'invoice.payment_failed') {
    if (!values.subscription || !values.customer) fail('invoice.payment_failed needs --subscription and --customer')
    const amountDue = values.amount === undefined ? undefined : Number(values.amount)
    if (amountDue !== undefined && (!Number.isInteger(amountDue) || amountDue < 0)) fail('--amount takes a whole number of cents')
    return samplePaymentFailedEvent({ subscriptionId: values.subscription, customerId: values.customer, amountDue, eventId: values['event-id'] })
  }
  if (eventType === 'price.updated') return samplePriceUpdatedEvent({ lookupKey: values['lookup-key'] ?? 'pro_monthly', eventId: values['event-id'] })
  return sampleSubscriptionEvent({
    type: eventType,
    email: values.email,
    name: values.name,
    locale: values.locale,
    subscriptionId: values.subscription,
    customerId: values.customer,
    status: values.status,
    trialDays: trialDays === 0 ? null : trialDays,
    planName: values.plan,
    eventId: values['event-id'],
    userId: values.user,
    lookupKey: values['lookup-key'],
  })
}
const event = buildEvent(type)
const payload = JSON.stringify(event, null, 2)
const signature = new Stripe('sk_unused').webhooks.generateTestHeaderString({ payload, secret: env.STRIPE_WEBHOOK_SECRET })
const endpoint = new URL('/webhooks/stripe', values.url ?? env.APP_URL)

let response: Response
try {
  response = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body: payload })
} catch (error) {
  console.error(`Could not reach ${endpoint.href} (${error instanceof Error ? error.message : String(error)}). Is the app running (npm run dev)?`)
  process.exit(1)
}
const body = await response.text()
const object = event.data.object as { id: string; customer?: string }
console.log(`${type} ${event.id} (${object.id}${object.customer ? `, customer ${object.customer}` : ''})`)
console.log(`→ ${endpoint.href}: ${response.status} ${body}`)
process.exit(response.ok ? 0 : 1)
