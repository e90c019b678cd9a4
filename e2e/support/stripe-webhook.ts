// Stripe, Inngest's event API and executor as seen from an end-to-end test: post signed Stripe events
// to the app, find what the app's outbox relayed, and run the function it triggers against /api/inngest.
import { expect } from '@playwright/test'
import Stripe from 'stripe'
import { sampleSubscriptionEvent, type SampleOptions } from '../../app/billing/sample-events'
import { e2eEnv } from '../../playwright.config'
import type { ReceivedEvent } from '../../test/mocks/inngest-event-api.mjs'
import { runFunction } from '../../test/mocks/inngest-executor'

const signer = new Stripe('sk_unused')

export function subscriptionEvent(options: SampleOptions) {
  return sampleSubscriptionEvent(options)
}

/** Posts an event signed the way Stripe signs it (or with another secret, to forge one). */
export async function postStripeEvent(event: object, { secret = e2eEnv.stripeWebhookSecret, timestamp }: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(event)
  const response = await fetch(`${e2eEnv.baseURL}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signer.webhooks.generateTestHeaderString({ payload, secret, timestamp }) },
    body: payload,
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

export async function receivedEvents(): Promise<ReceivedEvent[]> {
  return (await (await fetch(`${e2eEnv.eventApiURL}/_received`)).json()) as ReceivedEvent[]
}

/** Waits for the app's outbox to relay exactly one event matching `match`, and returns it. */
export async function relayedEvent(match: (event: ReceivedEvent) => boolean): Promise<ReceivedEvent> {
  let found: ReceivedEvent[] = []
  await expect
    .poll(async () => {
      found = (await receivedEvents()).filter(match)
      return found.length
    })
    .toBe(1)
  return found[0]!
}

/** Runs one of the app's functions for an event, as Inngest would, through the executor double. */
export async function runAppFunction(functionId: string, event: ReceivedEvent) {
  const run = await runFunction(`courrier-${functionId}`, event, { endpoint: `${e2eEnv.baseURL}/api/inngest` })
  expect(run.status, JSON.stringify(run)).toBe('completed')
  return run
}
