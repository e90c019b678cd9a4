import { NonRetriableError } from '~/inngest/errors.server'
import { retrieveCustomer } from '~/billing/customers.server'
import { planContextOf } from '~/billing/prices.server'
import { supportedLocaleOf } from '~/billing/locale'
import { sendEmail } from '~/email/send.server'
import { env } from '~/env.server'
import { subscriptionCreated, trialReminder } from '~/events'
import { createOrganizationForSubscription, hasConfirmedAccount } from '~/organizations/organizations.server'
import { inngest, trigger } from './client.server'
import { findSubscription } from './queries.server'
import { recordFailureOf } from './failures.server'

export const PROCESS_SUBSCRIPTION_ID = 'process-subscription'
export const REMINDER_DELAY_MS = 7 * 24 * 60 * 60 * 1000

/** The reminder's event id: a retried or repeated run schedules one reminder, not two. */
export function reminderEventId(subscriptionId: string) {
  return `trial-reminder-${subscriptionId}`
}

/**
 * The confirmation's context: the plan and price from Stripe (an outage throws, and the step is retried),
 * the subscription's trial end as webhooks last reported it, shown only while still ahead, and the first
 * payment (the trial's end, else the subscription's start).
 */
export async function confirmationContext(
  data: {
    subscriptionId: string
    priceId: string | null
    status: string
    trialEnd: string | null
    startedAt?: string | null
  },
  now = Date.now(),
) {
  const current = findSubscription(data.subscriptionId)
  const trialEnd = current ? current.trialEnd : data.trialEnd ? new Date(data.trialEnd) : null
  const trialing = (current?.status ?? data.status) === 'trialing'
  return {
    plan: await planContextOf(current?.priceId ?? data.priceId),
    trialEnd: trialing && trialEnd && trialEnd.getTime() > now ? trialEnd.toISOString() : null,
    firstChargeAt: trialEnd?.toISOString() ?? data.startedAt ?? null,
  }
}

/**
 * A new Stripe subscription: its organization (owned by the user who confirmed the customer's email, or
 * waiting for whoever confirms it), a confirmation email in their language, and a trial reminder a week later. Every step is
 * safe to run twice.
 */
export const processSubscription = inngest.createFunction(
  {
    id: PROCESS_SUBSCRIPTION_ID,
    name: 'Stripe subscription: organization, confirmation, trial reminder',
    retries: 5,
    triggers: [trigger(subscriptionCreated)],
    onFailure: recordFailureOf(PROCESS_SUBSCRIPTION_ID),
  },
  async ({ event, step, runId }) => {
    const { subscriptionId, customerId } = event.data
    let customer = {
      email: event.data.customerEmail,
      name: event.data.customerName,
      locale: event.data.customerLocale,
    }
    // Bought through /pricing: the subscription names its user, whose address and language are ours.
    const checkoutUserId = event.data.userId ?? null
    // Stripe's subscription carries no email or name; the checkout's metadata may, else ask Stripe.
    if (!checkoutUserId && (!customer.email || !customer.locale)) {
      const known = customer
      const retrieved = await step.run('retrieve-customer', async () => {
        // An account that confirmed this email already has a language, which wins over Stripe's locale.
        if (known.email && hasConfirmedAccount(known.email)) return { email: null, name: null, locale: null }
        return retrieveCustomer(customerId)
      })
      customer = {
        email: customer.email ?? retrieved.email,
        name: customer.name ?? retrieved.name,
        locale: customer.locale ?? retrieved.locale,
      }
    }
    if (!checkoutUserId && !customer.email) throw new NonRetriableError(`Stripe customer ${customerId} has no email address: no organization owner, no confirmation`)

    const organization = await step.run('create-organization', () =>
      createOrganizationForSubscription({
        subscriptionId,
        customerId,
        name: customer.name,
        ownerEmail: customer.email,
        checkoutUserId,
      }),
    )
    // The checkout's user is written to at their own address; otherwise the customer's.
    const email = organization.owner?.email ?? customer.email
    if (!email) throw new NonRetriableError(`Stripe subscription ${subscriptionId}: the user Checkout named no longer exists and the customer has no email address`)

    // The owner's own choice first, then what the customer told Stripe, then the app's default.
    const locale = organization.owner?.language ?? supportedLocaleOf(customer.locale) ?? env.DEFAULT_LOCALE
    await step.run('send-confirmation-email', async () =>
      sendEmail({
        template: 'subscription-created',
        to: email,
        locale,
        data: {
          ...event.data,
          customerEmail: email,
          customerName: customer.name ?? organization.owner?.name ?? null,
          customerLocale: customer.locale,
        },
        // What was bought, read now: the plan's price from Stripe, the trial end only if still ahead.
        context: await confirmationContext(event.data),
        eventId: event.id ?? runId,
      }),
    )

    await step.sendEvent(
      'schedule-reminder',
      trialReminder.create(
        { organizationId: organization.id, subscriptionId },
        {
          id: reminderEventId(subscriptionId),
          ts: Date.now() + REMINDER_DELAY_MS,
        },
      ),
    )

    return { organizationId: organization.id }
  },
)
