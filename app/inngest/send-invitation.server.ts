import { sendEmail } from '~/email/send.server'
import { invitationCreated } from '~/events'
import { pendingInvitationEmail } from '~/organizations/invitations.server'
import { inngest } from './client.server'
import { recordFailureOf } from './failures.server'

export const SEND_INVITATION_ID = 'send-invitation'

/** Emails an invitation written (with its event) by the dashboard; retried until the email is out. */
export const sendInvitation = inngest.createFunction(
  {
    id: SEND_INVITATION_ID,
    name: 'Invitation email',
    retries: 5,
    triggers: [invitationCreated],
    onFailure: recordFailureOf(SEND_INVITATION_ID),
  },
  async ({ event, step, runId }) => {
    return step.run('send-invitation-email', async () => {
      // Read when sending: revoked (or accepted, or expired) before the email left means nothing to send.
      const invitation = pendingInvitationEmail(event.data.invitationId)
      if (!invitation) return { sent: false as const, reason: 'not-pending' as const }
      const result = await sendEmail({ template: 'invitation', ...invitation, data: event.data, eventId: event.id ?? runId })
      return { sent: true as const, messageId: result.id, transport: result.transport }
    })
  },
)
