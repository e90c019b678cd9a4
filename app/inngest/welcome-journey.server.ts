import { confirmationPathFor } from '~/auth/email-verification.server'
import { sendEmail, type SkipReason } from '~/email/send.server'
import { env } from '~/env.server'
import { userRegistered } from '~/events'
import { inngest, trigger } from './client.server'
import { recordFailureOf } from './failures.server'
import { endsTheSeries, sendOnboardingEmail, waitBetween, type OnboardingOutcome } from './onboarding.server'
import { findRecipient } from './queries.server'

export const WELCOME_JOURNEY_ID = 'welcome-journey'

type WelcomeOutcome = { sent: true; messageId: string; transport: 'resend' | 'local'; sentAt: string } | { sent: false; reason: 'user-deleted' | SkipReason }

/**
 * The welcome email (transactional: it is the account's first word, and where the address is
 * confirmed). Reads the user at send time: their current address, language and name; a deleted user
 * gets nothing. While the address is pending it carries the confirmation link (derived from the token
 * the signup issued: a retried step sends the same link).
 */
async function sendWelcome(userId: string, eventId: string): Promise<WelcomeOutcome> {
  const user = findRecipient(userId)
  if (!user) return { sent: false, reason: 'user-deleted' }
  // A confirmed address needs no link: the read above says so without a second one.
  const confirmPath = user.emailVerifiedAt ? null : confirmationPathFor(userId)
  const context = { userName: user.name, ...(confirmPath ? { confirmPath } : {}) }
  const result = await sendEmail({ template: 'welcome', to: user.email, locale: user.language, data: { userId }, context, eventId })
  if ('skipped' in result) return { sent: false, reason: result.skipped }
  return { sent: true, messageId: result.id, transport: result.transport, sentAt: new Date().toISOString() }
}

/**
 * The welcome journey: the welcome email at once, then the onboarding series (lifecycle email) at D+1,
 * D+3 and D+7 after signup (ONBOARDING_DAY_*_DELAY). Each send is a step whose email carries an
 * idempotency key (event id + template), so a retried step sends one email; the sleeps are Inngest's,
 * so a deploy or a crash in between loses nothing.
 *
 * The series ends the moment its user leaves: `cancelOn` stops the run on `user/unsubscribed` (from the
 * onboarding list) or `user/deleted` for this user, and each step re-reads the user anyway, so a
 * cancellation that arrives late still sends nothing (`{ sent: false, reason }`). Only confirmed
 * addresses get the series; one not yet confirmed skips an email and may get the next.
 */
export const welcomeJourney = inngest.createFunction(
  {
    id: WELCOME_JOURNEY_ID,
    name: 'Welcome journey: welcome email, then the onboarding series (D+1, D+3, D+7)',
    retries: 5,
    triggers: [trigger(userRegistered)],
    // One journey per user, even if a second user/registered event for them ever arrives.
    idempotency: 'event.data.userId',
    cancelOn: [
      { event: 'user/unsubscribed', if: "event.data.userId == async.data.userId && async.data.topic == 'onboarding'" },
      { event: 'user/deleted', match: 'data.userId' },
    ],
    onFailure: recordFailureOf(WELCOME_JOURNEY_ID),
  },
  async ({ event, step, runId }) => {
    const { userId } = event.data
    // The outbox always sets the event id; an event sent by hand (dev server UI) may not have one.
    const eventId = event.id ?? runId
    const result: { userId: string; welcome: WelcomeOutcome; followUp: OnboardingOutcome | null; day3: OnboardingOutcome | null; day7: OnboardingOutcome | null } = {
      userId,
      welcome: await step.run('send-welcome-email', () => sendWelcome(userId, eventId)),
      followUp: null,
      day3: null,
      day7: null,
    }
    if (!result.welcome.sent) return result

    // Step ids are kept from the two-email journey, so runs asleep at a deploy resume where they were.
    await step.sleep('wait-24-hours', env.ONBOARDING_DAY_1_DELAY)
    result.followUp = await step.run('send-follow-up-email', () => sendOnboardingEmail('welcome-follow-up', userId, eventId))
    if (endsTheSeries(result.followUp)) return result

    await step.sleep('wait-until-day-3', waitBetween(env.ONBOARDING_DAY_1_DELAY, env.ONBOARDING_DAY_3_DELAY))
    result.day3 = await step.run('send-day-3-email', () => sendOnboardingEmail('onboarding-day-3', userId, eventId))
    if (endsTheSeries(result.day3)) return result

    await step.sleep('wait-until-day-7', waitBetween(env.ONBOARDING_DAY_3_DELAY, env.ONBOARDING_DAY_7_DELAY))
    result.day7 = await step.run('send-day-7-email', () => sendOnboardingEmail('onboarding-day-7', userId, eventId))
    return result
  },
)
