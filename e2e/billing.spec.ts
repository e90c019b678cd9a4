import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { confirmAddress, signUpThroughForm } from './support/accounts'
import { mailboxFor } from './support/mailbox'
import { postStripeEvent, receivedEvents, relayedEvent, runAppFunction, subscriptionEvent } from './support/stripe-webhook'

// A user signs up → Stripe (here: this test, signing like Stripe) posts customer.subscription.created for
// their email → the outbox relays stripe/subscription.created → process-subscription runs against the
// app's /api/inngest (executor test double) → organization on the dashboard, confirmation in the mailbox,
// one trial reminder scheduled a week ahead.

const password = 'a long enough password'
const WEEK = 7 * 24 * 60 * 60 * 1000

const signUp = (page: Page, name: string, email: string, submit: string) => signUpThroughForm(page, { name, email, password, submit })

test.describe('a Stripe subscription for a registered user', () => {
  test.use({ locale: 'fr-FR' })

  test('creates their organization, confirms in their language, schedules one reminder; replays and forgeries change nothing', async ({ page, uniqueEmail }) => {
    const email = uniqueEmail('billing')
    // Only a confirmed address makes an owner (issue 11).
    await confirmAddress(page, await signUp(page, 'Camille Martin', email, "S'inscrire"))
    await expect(page.getByTestId('no-organization')).toBeVisible()

    // The customer told Stripe they prefer English; the account's French wins.
    const event = subscriptionEvent({ email, name: 'Atelier Martin', locale: 'en', planName: 'Pro' })
    const subscriptionId = event.data.object.id
    expect(await postStripeEvent(event)).toEqual({ status: 200, body: { received: true } })

    const relayed = await relayedEvent((e) => e.name === 'stripe/subscription.created' && e.data.subscriptionId === subscriptionId)
    expect(relayed.id).toBe(`stripe-${event.id}`)
    const run = await runAppFunction('process-subscription', relayed)
    expect(run.log.map((s) => s.step)).toEqual(['create-organization', 'send-confirmation-email', 'schedule-reminder'])

    await page.reload()
    const organization = page.getByTestId('organization')
    await expect(organization.getByTestId('organization-name')).toHaveText('Atelier Martin')
    await expect(organization.getByTestId('subscription-status')).toContainText('Abonnement\u202f: Essai')
    await expect(organization.getByTestId('members').locator('tbody tr')).toHaveCount(1)
    await expect(organization.getByTestId('members')).toContainText('Camille Martin (vous)')
    await expect(organization.getByTestId('members')).toContainText('Propriétaire')

    const mail = (await mailboxFor(email)).filter((m) => m.template === 'subscription-created')
    expect(mail.map((m) => [m.locale, m.subject])).toEqual([['fr', 'Votre abonnement Pro est confirmé']])
    expect(mail[0]!.text).toContain('Atelier Martin')

    const reminders = (await receivedEvents()).filter((e) => e.name === 'trial/reminder' && e.data.subscriptionId === subscriptionId)
    expect(reminders).toHaveLength(1)
    expect(reminders[0]!.id).toBe(`trial-reminder-${subscriptionId}`)
    expect(Math.abs(reminders[0]!.ts! - (Date.now() + WEEK))).toBeLessThan(5 * 60_000)

    // Stripe's retry, and a replay of the same event: acknowledged, nothing new.
    expect(await postStripeEvent(event)).toEqual({ status: 200, body: { received: true, duplicate: true } })
    // Forged: another secret, an expired signature, a tampered body.
    expect((await postStripeEvent({ ...event, id: `${event.id}_forged` }, { secret: 'whsec_attacker' })).status).toBe(400)
    expect((await postStripeEvent({ ...event, id: `${event.id}_stale` }, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(400)
    const tampered = await fetch(`${test.info().project.use.baseURL}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': 't=1,v1=deadbeef' },
      body: JSON.stringify({ ...event, id: `${event.id}_tampered` }),
    })
    expect(tampered.status).toBe(400)

    // A later cancellation shows on the dashboard.
    const canceled = subscriptionEvent({ type: 'customer.subscription.deleted', subscriptionId, customerId: event.data.object.customer, created: event.created + 60 })
    expect((await postStripeEvent(canceled)).status).toBe(200)
    await page.reload()
    await expect(page.getByTestId('subscription-status')).toContainText('Abonnement\u202f: Résilié')

    // Still one organization, one confirmation, one subscription.created relayed.
    expect((await mailboxFor(email)).filter((m) => m.template === 'subscription-created')).toHaveLength(1)
    expect((await receivedEvents()).filter((e) => e.name === 'stripe/subscription.created' && e.data.subscriptionId === subscriptionId)).toHaveLength(1)
    await expect(page.getByTestId('organization')).toHaveCount(1)
  })
})
