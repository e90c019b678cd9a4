import { pendingUserToken, userTokenPath } from '~/auth/user-tokens.server'
import { db } from '~/db/client.server'
import { sendEmail } from '~/email/send.server'
import { passwordChanged, passwordResetRequested } from '~/events'
import { inngest } from './client.server'
import { recordFailureOf } from './failures.server'
import { findRecipient } from './queries.server'

export const SEND_PASSWORD_RESET_ID = 'send-password-reset'
export const SEND_PASSWORD_CHANGED_ID = 'send-password-changed'

/**
 * Emails a reset link. The event carries the token's id only: the step reads the token (used or expired
 * before the email left means nothing to send) and the user, and derives the link from the id, so a
 * retried step sends the same link, once (idempotency key: event id + template).
 */
export const sendPasswordReset = inngest.createFunction(
  {
    id: SEND_PASSWORD_RESET_ID,
    name: 'Password reset email',
    retries: 5,
    triggers: [passwordResetRequested],
    onFailure: recordFailureOf(SEND_PASSWORD_RESET_ID),
  },
  async ({ event, step, runId }) => {
    return step.run('send-password-reset-email', async () => {
      const { userId, tokenId } = event.data
      const token = pendingUserToken(db, tokenId, 'password-reset')
      if (!token || token.userId !== userId) return { sent: false as const, reason: 'link-not-pending' as const }
      const user = findRecipient(userId)
      if (!user) return { sent: false as const, reason: 'user-deleted' as const }
      const context = { userName: user.name, resetPath: userTokenPath('password-reset', tokenId) }
      const result = await sendEmail({ template: 'password-reset', to: user.email, locale: user.language, data: event.data, context, eventId: event.id ?? runId })
      return { sent: true as const, messageId: result.id, transport: result.transport }
    })
  },
)

/** The security notice after a password change, to the account's current address, in its language. */
export const sendPasswordChanged = inngest.createFunction(
  {
    id: SEND_PASSWORD_CHANGED_ID,
    name: 'Password changed notice',
    retries: 5,
    triggers: [passwordChanged],
    onFailure: recordFailureOf(SEND_PASSWORD_CHANGED_ID),
  },
  async ({ event, step, runId }) => {
    return step.run('send-password-changed-email', async () => {
      const user = findRecipient(event.data.userId)
      if (!user) return { sent: false as const, reason: 'user-deleted' as const }
      // When the change happened: the event's time (set by the outbox row), not when the step runs.
      const changedAt = new Date(event.ts ?? Date.now()).toISOString()
      const context = { userName: user.name, changedAt }
      const result = await sendEmail({ template: 'password-changed', to: user.email, locale: user.language, data: event.data, context, eventId: event.id ?? runId })
      return { sent: true as const, messageId: result.id, transport: result.transport }
    })
  },
)
