import { planContextOf } from '~/billing/prices.server'
import { sendEmail } from '~/email/send.server'
import { trialReminder } from '~/events'
import { inngest, trigger } from './client.server'
import { recordFailureOf } from './failures.server'
import { findOrganizationOwner, findSubscription } from './queries.server'

export const TRIAL_REMINDER_ID = 'trial-reminder'

type Check =
  | { trialing: true }
  | {
      trialing: false
      reason: 'subscription-not-found' | 'not-trialing' | 'trial-already-ended'
      status: string | null
    }

/** Scheduled days ahead: by the time it runs, the customer may have paid, cancelled or let the trial end. */
function checkTrial(subscriptionId: string, now = Date.now()): Check {
  const subscription = findSubscription(subscriptionId)
  if (!subscription) return { trialing: false, reason: 'subscription-not-found', status: null }
  if (subscription.status !== 'trialing')
    return {
      trialing: false,
      reason: 'not-trialing',
      status: subscription.status,
    }
  if (subscription.trialEnd && subscription.trialEnd.getTime() <= now) {
    return {
      trialing: false,
      reason: 'trial-already-ended',
      status: subscription.status,
    }
  }
  return { trialing: true }
}

/** Reminds the organization's owner that the trial ends soon, unless the subscription is no longer trialing. */
export const trialReminderFunction = inngest.createFunction(
  {
    id: TRIAL_REMINDER_ID,
    name: "Trial reminder to the organization's owner",
    retries: 5,
    triggers: [trigger(trialReminder)],
    // One reminder per subscription, whatever number of reminder events is scheduled for it.
    idempotency: 'event.data.subscriptionId',
    onFailure: recordFailureOf(TRIAL_REMINDER_ID),
  },
  async ({ event, step, runId }) => {
    const { organizationId, subscriptionId } = event.data
    const eventId = event.id ?? runId

    const check = await step.run('check-subscription', () => checkTrial(subscriptionId))
    if (!check.trialing)
      return {
        subscriptionId,
        emailSent: false,
        sentAt: null,
        skipped: check.reason,
        status: check.status,
      }

    // The owner's name, address and language, and the trial end, are read when sending, not carried by the event.
    const sent = await step.run('send-trial-reminder', async () => {
      const owner = findOrganizationOwner(organizationId)
      if (!owner)
        return {
          sent: false as const,
          reason: 'organization-not-found' as const,
        }
      if (owner.stripeSubscriptionId !== subscriptionId)
        return {
          sent: false as const,
          reason: 'subscription-not-of-organization' as const,
        }
      if (!owner.ownerEmail || !owner.ownerName || !owner.ownerLanguage) return { sent: false as const, reason: 'no-owner' as const }
      const subscription = findSubscription(subscriptionId)
      const trialEnd = subscription?.trialEnd ?? null
      // The plan and price from Stripe (cached): an outage fails this step, which Inngest retries.
      const plan = await planContextOf(subscription?.priceId ?? null)
      const result = await sendEmail({
        template: 'trial-reminder',
        to: owner.ownerEmail,
        locale: owner.ownerLanguage,
        data: event.data,
        eventId,
        context: {
          ownerName: owner.ownerName,
          organizationName: owner.organizationName,
          trialEnd: trialEnd?.toISOString() ?? null,
          plan,
        },
      })
      if ('skipped' in result) return { sent: false as const, reason: result.skipped }
      return {
        sent: true as const,
        messageId: result.id,
        transport: result.transport,
        sentAt: new Date().toISOString(),
      }
    })
    if (!sent.sent)
      return {
        subscriptionId,
        emailSent: false,
        sentAt: null,
        skipped: sent.reason,
        status: 'trialing',
      }
    return { subscriptionId, emailSent: true, sentAt: sent.sentAt }
  },
)
