import { findDeletionNotice, forgetDeletionNotice } from '~/auth/account-deletion.server'
import { sendEmail, stepResult } from '~/email/send.server'
import { userDeleted } from '~/events'
import { inngest, trigger } from './client.server'
import { recordFailureOf } from './failures.server'

export const ACCOUNT_DELETED_ID = 'send-account-deleted'

/**
 * The confirmation of an account deletion (transactional). `user/deleted` carries the id only and the
 * account is gone: the address, name and language wait in the notice row the deletion wrote, which the
 * step reads, and deletes once the email is out. A retry after that finds no row and sends nothing more
 * (the email's idempotency key covers a retry in between).
 */
export const sendAccountDeleted = inngest.createFunction(
  { id: ACCOUNT_DELETED_ID, name: 'Account deleted: confirmation email', retries: 5, triggers: [trigger(userDeleted)], onFailure: recordFailureOf(ACCOUNT_DELETED_ID) },
  async ({ event, step, runId }) =>
    step.run('send-account-deleted-email', async () => {
      const notice = findDeletionNotice(event.data.userId)
      if (!notice) return { sent: false as const, reason: 'no-notice' }
      const result = await sendEmail({
        template: 'account-deleted',
        to: notice.email,
        locale: notice.language,
        data: { userId: notice.userId },
        context: { userName: notice.name },
        eventId: event.id ?? runId,
      })
      forgetDeletionNotice(notice.userId)
      return stepResult(result)
    }),
)
