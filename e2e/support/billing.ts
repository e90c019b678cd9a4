// Billing as an end-to-end test sees it: an address confirmed the way the tests' db helper does it
// (the real /verify-email flow has its own specs), the Stripe double's test controls, and the
// functions Stripe's events trigger, run through the executor double.
import Database from 'better-sqlite3'
import { expect } from '@playwright/test'
import { e2eEnv } from '../../playwright.config'
import type { ReceivedEvent } from '../../test/mocks/inngest-event-api.mjs'
import { receivedEvents, runAppFunction } from './stripe-webhook'

/** Marks the address of an account as confirmed, straight in the e2e server's database. */
export function confirmAddress(email: string) {
  const db = new Database(e2eEnv.databaseFile)
  try {
    db.pragma('busy_timeout = 5000')
    const changed = db.prepare('UPDATE users SET email_verified_at = ? WHERE email = ?').run(Date.now(), email.toLowerCase()).changes
    if (changed !== 1) throw new Error(`no account for ${email}`)
  } finally {
    db.close()
  }
}

/** Has the Stripe double fail the next automatic payment of a subscription (it sends the events Stripe sends). */
export async function failPayment(subscriptionId: string) {
  const response = await fetch(`${e2eEnv.stripeURL}/_test/subscriptions/${subscriptionId}/payment_failed`, { method: 'POST' })
  expect(response.status).toBe(200)
}

/** Waits for the outbox to relay one event matching `match`, then runs the function it triggers. */
export async function runFor(functionId: string, match: (event: ReceivedEvent) => boolean) {
  let found: ReceivedEvent[] = []
  await expect
    .poll(async () => {
      found = (await receivedEvents()).filter(match)
      return found.length
    })
    .toBe(1)
  await runAppFunction(functionId, found[0]!)
  return found[0]!
}
