import { freshConfirmationToken } from '~/auth/email-verification.server'
import { userTokenPath } from '~/auth/user-tokens.server'
import { sendEmail, type SkipReason } from '~/email/send.server'
import { env } from '~/env.server'
import { userActivated, userRegistered } from '~/events'
import { inngest, trigger } from './client.server'
import { recordFailureOf } from './failures.server'
import { findRecipient } from './queries.server'

export const ACTIVATION_REMINDER_ID = 'activation-reminder'

type Outcome =
  | { reminded: true; messageId: string; transport: 'resend' | 'local' }
  | {
      reminded: false
      reason: 'activated' | 'confirmed-meanwhile' | 'user-deleted' | SkipReason
    }

// The SDK's own EventType (with the schema) for the event the run waits for, as for a trigger.
const activated = trigger(userActivated)

/**
 * The activation reminder: from signup, wait up to ACTIVATION_REMINDER_DELAY (48h) for this user's
 * `user/activated`. If it comes, the run ends there. If not, one step re-reads the account (deleted or
 * confirmed meanwhile: nothing to send, and the reason is the result) and issues a fresh link, and the
 * next sends it, in the user's language. The steps are memoized, so a retried send sends the link the
 * first attempt issued; the email's idempotency key (event id + template) and the function's (one run
 * per user) make a replayed run send nothing new.
 */
export const activationReminder = inngest.createFunction(
  {
    id: ACTIVATION_REMINDER_ID,
    name: 'Activation reminder: one email if the address is still unconfirmed after 48 hours',
    retries: 5,
    triggers: [trigger(userRegistered)],
    idempotency: 'event.data.userId',
    onFailure: recordFailureOf(ACTIVATION_REMINDER_ID),
  },
  async ({ event, step, runId }): Promise<Outcome> => {
    const { userId } = event.data
    const activatedInTime = await step.waitForEvent('wait-for-activation', {
      event: activated,
      timeout: env.ACTIVATION_REMINDER_DELAY,
      match: 'data.userId',
    })
    if (activatedInTime) return { reminded: false, reason: 'activated' }

    const link = await step.run('issue-fresh-link', () => {
      if (!findRecipient(userId)) return { skip: 'user-deleted' as const }
      const tokenId = freshConfirmationToken(userId)
      return tokenId ? { tokenId } : { skip: 'confirmed-meanwhile' as const }
    })
    if ('skip' in link) return { reminded: false, reason: link.skip }

    return step.run('send-activation-reminder', async (): Promise<Outcome> => {
      // Read again: the account may have been confirmed or deleted since the link was issued.
      const user = findRecipient(userId)
      if (!user) return { reminded: false, reason: 'user-deleted' }
      if (user.emailVerifiedAt) return { reminded: false, reason: 'confirmed-meanwhile' }
      const result = await sendEmail({
        template: 'activation-reminder',
        to: user.email,
        locale: user.language,
        data: { userId },
        context: {
          userName: user.name,
          confirmPath: userTokenPath('email-verification', link.tokenId),
        },
        eventId: event.id ?? runId,
      })
      if ('skipped' in result) return { reminded: false, reason: result.skipped }
      return {
        reminded: true,
        messageId: result.id,
        transport: result.transport,
      }
    })
  },
)
